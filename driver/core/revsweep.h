#ifndef KSERIES_REVSWEEP_H
#define KSERIES_REVSWEEP_H

#include "lib/strvec.h"

/*
 * --rev of a sweep: "every point release of a stable line" in one option.
 * A pattern ('v4.4.*': a '*', '?' or '[') is the repo's tags it matches; a
 * range of tags ('v4.4.100..v4.4.110') is every tag from the first to the
 * last, both in; either in version order (git tag --sort=v:refname). Any
 * other REV is itself. A tag a sweep names twice, or a sweep and a REV of
 * their own, comes once, where it first came. said (or NULL) gets a line
 * a sweep: "--rev v4.4.*: 179 tags, v4.4.1 to v4.4.179".
 */
void revsweep_expand(const char *repo, const struct strvec *args, struct strvec *revs,
		     struct strvec *said);
/* Is arg a sweep (a pattern or a range of tags) rather than one REV? */
int revsweep_is_sweep(const char *arg);

#endif
