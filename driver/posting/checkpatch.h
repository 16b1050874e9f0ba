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

/*
 * The line numbers of p's messages ("0001-x.patch:23: WARNING: ...") moved
 * by delta for every line after after_line: the headers added to the patch
 * (Cc:) after checkpatch read it, so report.txt's numbers are the file's.
 */
void checkpatch_shift(struct patch_result *p, long after_line, long delta);
/* The lines of a mail file, and the line of its headers' end (the first blank one). */
long checkpatch_mail_lines(const char *path, long *headers_end);

#endif
