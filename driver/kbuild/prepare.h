#ifndef KSERIES_PREPARE_H
#define KSERIES_PREPARE_H

/*
 * The whole tree checked out in the build worktree wt, a committed
 * .config taken away, the toolchain fixups for old trees applied (there
 * only): what was done in *note (caller frees). 0, or -1 (*note says why).
 */
int prepare_tree(const char *wt, char **note);

#endif
