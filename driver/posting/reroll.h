#ifndef KSERIES_REROLL_H
#define KSERIES_REROLL_H

#include "lib/strvec.h"

/*
 * A reroll: the series of an earlier kseries run (--previous), made into
 * commits again so git range-diff can compare it with this run's.
 */

struct previous_series {
	char *dir;		/* the folder of its patch files */
	char *base;		/* the commit it applies to */
	int version;		/* 2 of "[PATCH v2 00/13]"; 1 when its subject has none */
	struct strvec patches;	/* its patch files, in order, not the cover letter */
};

/*
 * The series --previous DIR gives for revision rev: DIR itself when it holds
 * patch files, else DIR/<rev>/series, else DIR's one revision's series
 * (another revision's). Its base comes from its cover letter's base-commit
 * line or its report.json, and must be a commit of repo. 0, or -1 after an
 * error naming the problem and the fix.
 */
int previous_find(const char *repo, const char *given, const char *rev, struct previous_series *p);
void previous_clear(struct previous_series *p);

/*
 * Commit the mails (patch files, in order) on base, with git mailinfo and
 * git apply --cached on a scratch index in tmp_dir (no worktree, nothing
 * checked out): *head gets the last commit. 0, or -1 after an error
 * naming the mail that does not apply.
 */
int mails_commit(const char *repo, const char *base, const struct strvec *mails,
		 const char *tmp_dir, char **head);

/* What git range-diff said, patch by patch. */
struct range_diff {
	char *text;		/* its whole output */
	struct strvec added, dropped, changed;	/* "N/M subject", changed: ": what" */
};
/*
 * git range-diff old_base..old_head new_base..new_head in repo, sorted into
 * added, dropped and changed; nr is this series' patch count (for N/M). 0 or -1.
 */
int range_diff_run(const char *repo, const char *old_base, const char *old_head,
		   const char *new_base, const char *new_head, size_t nr, struct range_diff *rd);
/* Sort range-diff output into rd's lists. Exposed for tests. */
void range_diff_parse(const char *text, size_t nr, struct range_diff *rd);
/*
 * The cover letter's "Changes since vN:" section (N = version): a line a
 * patch, changed, added or dropped, and what stayed the same. Caller frees.
 */
char *range_diff_section(const struct range_diff *rd, int version, size_t nr);
void range_diff_clear(struct range_diff *rd);

#endif
