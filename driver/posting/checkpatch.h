#ifndef KSERIES_CHECKPATCH_H
#define KSERIES_CHECKPATCH_H

#include "report/result.h"

/*
 * Run the tree's scripts/checkpatch.pl --no-tree --terse on each patch (the
 * list git format-patch returned, cover letter left out, in series order)
 * and record its errors, warnings and messages in r->patches[i]; r->checkpatch
 * says whether it ran, or why not.
 */
void checkpatch_patches(const char *wt, const struct strvec *patches, struct rev_result *r,
			int jobs);

#endif
