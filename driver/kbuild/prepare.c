/*
 * A build worktree made ready for Kbuild: the whole tree checked out, in-tree
 * leftovers cleaned, the toolchain fixups for old trees applied.
 */
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/worktree.h"
#include "kbuild/fixups.h"
#include "kbuild/prepare.h"
#include "lib/cleanup.h"
#include "lib/usage.h"

/*
 * In-tree build leftovers Kbuild refuses O= builds beside ("is not clean,
 * please run 'make mrproper'"): a committed .config, include/config/, the
 * generated headers.
 */
static const char *const leftovers[] = { ".config", ".config.old", "include/config",
					  "include/generated", "arch/*/include/generated", NULL };

/*
 * Remove them from the build worktree (never the user's checkout), by
 * kseries itself: the tree's own `make mrproper` runs the tree's clean
 * rules, which an old tree's Makefile may not even parse on today's make
 * (3.18's usr/Makefile: "multiple target patterns"). What went into
 * removed; 0, or -1 after an error naming the path.
 */
static int remove_leftovers(const char *wt, struct strvec *removed)
{
	int ret = 0;

	for (size_t i = 0; leftovers[i] && !ret; i++) {
		char *pattern = xstrfmt("%s/%s", wt, leftovers[i]);
		glob_t g;

		/* GLOB_NOCHECK off: only what is there matches */
		if (!glob(pattern, 0, NULL, &g))
			for (size_t k = 0; k < g.gl_pathc && !ret; k++) {
				if (remove_tree(g.gl_pathv[k]) && !access(g.gl_pathv[k], F_OK))
					ret = error_errno("cannot remove %s from the build worktree",
							  g.gl_pathv[k]);
				else
					strvec_push(removed, g.gl_pathv[k] + strlen(wt) + 1);
			}
		globfree(&g);
		free(pattern);
	}
	return ret;
}

/*
 * The build matrix needs the whole tree: widen the sparse worktree, clean
 * in-tree build leftovers (Kbuild refuses O= builds next to them) and apply
 * the toolchain fixups for old trees (in this worktree only, never in the
 * series). What was done goes to *note. 0 or -1.
 */
/* "WHAT: a, b" into notes when list has entries. */
static void note_list(struct strvec *notes, const char *what, const struct strvec *list)
{
	char *joined;

	if (!list->nr)
		return;
	joined = strvec_join(list, list->nr, ", ");
	strvec_pushf(notes, "%s: %s", what, joined);
	free(joined);
}

int prepare_tree(const char *wt, char **note)
{
	struct strvec notes = STRVEC_INIT, applied = STRVEC_INIT, removed = STRVEC_INIT;
	int ret = -1;

	if (worktree_sparse_checkout(wt, "/*\n"))
		*note = xstrdup("failed: cannot check out the whole tree");
	else if (remove_leftovers(wt, &removed))
		*note = xstrdup("failed: in-tree build leftovers could not be removed from the build "
				"worktree");
	else if (!fixups_apply(kseries_fixups_dir(), wt, &applied))
		ret = 0;
	note_list(&notes, "in-tree build leftovers removed from the build worktree", &removed);
	note_list(&notes, "build fixups applied (kernel-fixups/build)", &applied);
	if (notes.nr && !ret)
		*note = strvec_join(&notes, notes.nr, "; ");
	strvec_clear(&notes);
	strvec_clear(&applied);
	strvec_clear(&removed);
	return ret;
}
