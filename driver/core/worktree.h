#ifndef KSERIES_WORKTREE_H
#define KSERIES_WORKTREE_H

#include "lib/strvec.h"

/* The commit rev names in repo (rev^{commit}), or NULL (caller frees). */
char *git_resolve_commit(const char *repo, const char *rev);
/*
 * The .c and .h files under dir that hold any of the tokens, relative to
 * dir and sorted: git grep in a git work tree (or on commit, when given,
 * in the repo dir), grep -r in a plain folder. 0, or -1 after an error.
 */
int grep_tokens(const char *dir, const char *commit, const struct strvec *tokens,
		struct strvec *files);
/*
 * The same on what is on disk under dir, tracked by git or not (an audit
 * reads files, not commits); only: just that file of dir (NULL: all).
 */
int grep_tokens_on_disk(const char *dir, const char *only, const struct strvec *tokens,
			struct strvec *files);
/* Write the worktree's sparse pattern and check out what it selects: 0 or -1. */
int worktree_sparse_checkout(const char *wt, const char *patterns);
/*
 * git worktree add of commit at wt, checking out only the files holding the
 * tokens (and what checkpatch needs): 0, or -1 after an error that says why.
 */
int worktree_add_sparse(const char *repo, const struct strvec *tokens, const char *wt,
			const char *commit);
/*
 * git -C repo worktree remove --force path (and what is left of the folder),
 * at exit however kseries ends, or now (the normal path: forgotten then).
 */
void worktree_remove_at_exit(const char *repo, const char *path);
void worktree_remove_now(const char *repo, const char *path);
/* Move the worktree wt to rev (detached): 0, or -1 after an error naming it. */
int worktree_checkout(const char *wt, const char *rev);

#endif
