#ifndef KSERIES_CMDCHECK_H
#define KSERIES_CMDCHECK_H

/*
 * 1 for a git repo, 0 for a plain folder; dies when git itself is the
 * problem (missing, or refusing a repo it does not trust).
 */
int cmdcheck_is_git_repo(const char *path);
/* rev of the kernel repo as a commit of a kernel tree, or die naming option ("--rev"). */
char *cmdcheck_kernel_commit(const char *repo, const char *kernel, const char *rev,
			     const char *option);
/* --out inside the repo's working tree would show in its git status: die. */
void cmdcheck_out_not_in_repo(const char *repo, const char *out);
/* Kbuild cannot build in a path with a space or a colon: die. */
void cmdcheck_out_buildable(const char *out);

#endif
