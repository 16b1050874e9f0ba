/*
 * A build worktree made ready for Kbuild: the whole tree checked out, in-tree
 * leftovers cleaned, the toolchain fixups for old trees applied.
 */
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include "core/worktree.h"
#include "kbuild/fixups.h"
#include "kbuild/prepare.h"
#include "lib/run.h"
#include "lib/usage.h"

/*
 * In-tree build leftovers Kbuild refuses O= builds beside ("is not clean,
 * please run 'make mrproper'"): a committed .config, include/config/, the
 * generated headers. The first one found, or NULL.
 */
static char *in_tree_leftover(const char *wt)
{
	static const char *const marks[] = { ".config", "include/config", "include/generated",
					     "arch/*/include/generated", NULL };
	char *found = NULL;

	for (size_t i = 0; marks[i] && !found; i++) {
		char *pattern = xstrfmt("%s/%s", wt, marks[i]);
		glob_t g;

		/* GLOB_NOCHECK off: only what is there matches */
		if (!glob(pattern, 0, NULL, &g) && g.gl_pathc)
			found = xstrdup(g.gl_pathv[0] + strlen(wt) + 1);
		globfree(&g);
		free(pattern);
	}
	return found;
}

/* make mrproper in the build worktree (never the user's checkout) */
static int mrproper(const char *wt, const char *leftover, struct strvec *notes)
{
	char *out = NULL;
	int ret = run_capture(&out, wt, "make", "-s", "mrproper", NULL);

	free(out);
	if (ret)
		return error("make mrproper failed in the build worktree %s (it holds %s): %s", wt,
			     leftover, run_capture_error());
	strvec_pushf(notes, "in-tree build leftovers (%s): make mrproper in the build worktree",
		     leftover);
	return 0;
}

/*
 * The build matrix needs the whole tree: widen the sparse worktree, clean
 * in-tree build leftovers (Kbuild refuses O= builds next to them) and apply
 * the toolchain fixups for old trees (in this worktree only, never in the
 * series). What was done goes to *note. 0 or -1.
 */
int prepare_tree(const char *wt, char **note)
{
	struct strvec notes = STRVEC_INIT, applied = STRVEC_INIT;
	char *leftover = NULL;
	int ret = 0;

	if (worktree_sparse_checkout(wt, "/*\n")) {
		*note = xstrdup("failed: cannot check out the whole tree");
		ret = -1;
	} else {
		leftover = in_tree_leftover(wt);
		if (leftover && mrproper(wt, leftover, &notes)) {
			*note = xstrdup("failed: make mrproper failed in the build worktree");
			ret = -1;
		} else if (fixups_apply(kseries_fixups_dir(), wt, &applied)) {
			ret = -1;
		} else if (applied.nr) {
			char *list = strvec_join(&applied, applied.nr, ", ");

			strvec_pushf(&notes, "build fixups applied (kernel-fixups/build): %s", list);
			free(list);
		}
		if (notes.nr && !ret)
			*note = strvec_join(&notes, notes.nr, "; ");
	}
	strvec_clear(&notes);
	strvec_clear(&applied);
	free(leftover);
	return ret;
}
