#ifndef KSERIES_CP_ORIGIN_H
#define KSERIES_CP_ORIGIN_H

#include "report/result.h"

/*
 * Which of checkpatch's findings on a patch the series brought, and which
 * were there before it: checkpatch judges every line a patch adds, and a
 * line the series only touched keeps the tree's old faults. The patch
 * reversed (its removed lines as the added ones) shows those.
 */

/* The patch text with its hunks reversed: what the lines were. */
char *cp_reverse_patch(const char *text);
/*
 * Mark p's messages on added code lines of patch (its text) that checkpatch
 * also gave the reversed patch (rev, and its output rev_out, same message
 * text, each used once): " (already there before the series)", counted in
 * p->cp_already.
 */
void cp_mark_already(struct patch_result *p, const char *patch, const char *rev,
		     const char *rev_out);

/*
 * checkpatch ERRORs on p that the series brought: not already there, and not
 * the missing Signed-off-by a run without --signoff expects. The first, into
 * *first when not NULL (not to free).
 */
int cp_new_errors(const struct patch_result *p, const char **first);

#endif
