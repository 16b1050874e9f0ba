#ifndef KSERIES_POSTING_H
#define KSERIES_POSTING_H

#include "lib/strvec.h"
#include "report/result.h"

/*
 * A series ready to post: whom each patch goes to, what it applies to, what
 * changed since the last version, the stable trees' form, and the checks
 * the mail tools (git am, b4, git send-email) make of it.
 */

struct posting_opts {
	struct strvec to, cc;	/* --to, --cc: the user's own recipients */
	int no_cc;		/* --no-cc: no get_maintainer.pl */
	int reroll;		/* --reroll-count N; 0: not given */
	const char *previous;	/* --previous DIR */
	const char *stable;	/* --stable UPSTREAM-REV */
	char *stable_commit;	/* its commit */
};

/*
 * Check the options before any work (dies with the fix): addresses that
 * are addresses, a --previous series for each revision, a --reroll-count
 * above its version, a --stable revision of repo (NULL: not a git repo).
 */
void posting_check_opts(const char *repo, struct posting_opts *po, const struct strvec *revs);
/* The history --stable compares with, into r->post (before the commits). 0 or -1. */
int posting_load_upstream(const char *repo, const struct posting_opts *po, struct rev_result *r);
/* The message of a patch with subject: the stable form when it has an upstream commit. */
char *posting_message(const struct rev_result *r, const char *subject, const char *message,
		      char **upstream);
/*
 * Before format-patch: the base's describe, the version, the range-diff
 * against --previous (rev_dir/range-diff.txt) and the cover letter's
 * sections (*extra, caller frees). 0 or -1.
 */
int posting_prepare(const char *repo, const struct posting_opts *po, const char *rev_dir,
		    const char *head, struct rev_result *r, char **extra);
/*
 * checkpatch.pl's GIT_COMMIT_ID error on the stable form's own first line
 * ("commit <sha> upstream.", which the stable trees ask for) is taken out
 * of each patch's count; the report says so.
 */
void posting_filter_checkpatch(struct rev_result *r);
/* The subject prefix format-patch gets ("PATCH 4.9" with --stable), or NULL. Caller frees. */
char *posting_subject_prefix(const struct posting_opts *po, const struct rev_result *r);
/*
 * After format-patch: the Cc headers, then the checks (git am on the base,
 * b4 am, git send-email --dry-run, the netdev-style rules), into r->post.
 * Returns the number of failed checks, or -1.
 */
int posting_finish(const struct posting_opts *po, const char *wt, const char *cover,
		   const struct strvec *patches, int jobs, struct rev_result *r);
void posting_opts_clear(struct posting_opts *po);

#endif
