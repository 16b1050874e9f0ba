#ifndef KSERIES_B4BRANCH_H
#define KSERIES_B4BRANCH_H

#include "lib/strvec.h"

/*
 * The series as a branch b4 prep manages (its "commit" cover strategy),
 * so that b4 prep, b4 send and b4 trailers take over from kseries: on
 * base, an empty commit holding the cover letter (its subject and blurb,
 * To: and Cc: trailers, then b4's tracking data: revision, change-id,
 * prefixes), then each commit of the series with its author, author date
 * and message. The branch's commits are committed now: b4 looks for its
 * cover commit among the last year's only, and the patch files keep their
 * fixed dates whatever the branch.
 */
struct b4_branch {
	const char *repo, *wt;	/* the user's repo; a worktree of it */
	const char *branch, *base, *head;	/* the series: base..head */
	const char *cover;	/* the cover letter's patch file */
	int version;		/* the series' revision, 1 for the first */
	const char *subject_prefix;	/* "PATCH 4.9"; NULL: PATCH */
	const struct strvec *to, *cc;	/* the cover letter's recipients */
};
/* Create it; 0, or -1 with an error naming what failed. */
int b4_branch_make(const struct b4_branch *b);
/*
 * The cover commit's message of a cover letter's text (its headers, then
 * blurb, shortlog, diffstat and base-commit): the subject without its
 * "[PATCH ...]", the blurb, the trailers, the tracking section. Exposed
 * for tests. Caller frees.
 */
char *b4_cover_message(const char *cover_text, const struct b4_branch *b, const char *change_id);

#endif
