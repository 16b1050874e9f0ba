#ifndef KSERIES_RECIPIENTS_H
#define KSERIES_RECIPIENTS_H

#include "lib/strvec.h"

/*
 * Whom each patch goes to: the revision's own scripts/get_maintainer.pl
 * on the patch file, with --no-git --no-git-fallback (no history is
 * guessed at: a snapshot repo's one author would be "the maintainer"),
 * run in the worktree.
 */

/* What get_maintainer.pl said of one patch. */
struct recipients {
	struct strvec maintainers;	/* "Name <addr>": the To: (maintainer, supporter, odd fixer) */
	struct strvec people;	/* reviewers and every other role: Cc: */
	struct strvec lists;	/* the mailing lists: Cc: */
	struct strvec dropped;	/* "line N: why": lines that were no address a header can take */
	char *error;		/* why it gave nothing, or NULL */
};

/*
 * Sort get_maintainer.pl's lines ("addr (role:SECTION)") into maintainers,
 * people and lists, each address checked and its name quoted as a header needs; a
 * line that is no address (two '@', a CR that would start a header) into
 * dropped. Linear in the output. Exposed for tests.
 */
void recipients_parse(const char *out, struct recipients *r);
/*
 * Run get_maintainer.pl of the tree in wt on each patch file, side by side
 * (jobs at once), into rs[i]. The worktree needs the top-level files and
 * folders the script looks for (top_of_kernel_tree): the folders a sparse
 * checkout left out are made, empty. An old script today's Perl refuses
 * runs as a scratch copy with kernel-fixups/tools applied (*note names
 * them; NULL: the tree's own). Returns 0, or -1 when the tree has no script
 * (*why says so).
 */
int recipients_run(const char *wt, const struct strvec *patches, struct recipients *rs, int jobs,
		   char **why, char **note);
void recipients_clear(struct recipients *r);

#endif
