#ifndef KSERIES_NEWWARN_H
#define KSERIES_NEWWARN_H

#include "kbuild/warnings.h"
#include "lib/strvec.h"
#include "proof/hunks.h"

/*
 * The warnings after the series that were not there before it. A warning
 * before is the same one after when its line, moved by the diff's line map,
 * has the same text there; then, for a line the diff rewrote, one of the
 * same text left over in the same file. What is left after is new:
 * "mm/rmap.c:12: unused variable 'x' [-Wunused-variable]" into out; *old
 * counts the others.
 */
void warnings_new(const struct build_warnings *before, const struct build_warnings *after,
		  const struct hunks *h, struct strvec *out, size_t *old);

#endif
