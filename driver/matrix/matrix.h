#ifndef KSERIES_MATRIX_H
#define KSERIES_MATRIX_H

#include "matrix/cell.h"
#include "core/manifest.h"
#include "lib/strvec.h"

/*
 * What a layer above (the proof) does with each cell's objects, called
 * right after that cell's make so the objects are still the ones just
 * built. i is the cell's index; out_dir the matrix's folder, o_dir the
 * cell's O= folder. before: the objects built before the series (built:
 * its targets that did not fail). after: once the cell is judged; a
 * reason (malloc'd) fails a cell the build passed, NULL leaves it.
 */
struct matrix_hooks {
	void *data;
	void (*before)(void *data, size_t i, const struct build_cell *c, const char *out_dir,
		       const char *o_dir, const struct strvec *built);
	char *(*after)(void *data, size_t i, const struct build_cell *c, const char *out_dir,
		       const char *o_dir);
	/* MAKE_W1, MAKE_SPARSE: every make of every cell warns so (sparse on x86_64 only) */
	int warnings;
	/* "ARCH=FILE" (--kconfig): the .config that arch's cells start from; NULL: none */
	const struct strvec *kconfigs;
};

/*
 * Build, for each arch of archs (NULL: all five), the objects of files (relative to
 * the worktree wt, the .c files that used the API) at base and at head, each
 * arch in its own O= folder under out_dir. Objects that build at base and
 * fail at head are regressions; objects that fail at both are reported as not
 * buildable in that config. cells gets one entry per arch. jobs: make -j.
 * hooks (or NULL): called per cell after each side's build.
 * Returns the number of failed cells, or -1 on an environment error.
 */
int build_matrix(const char *wt, const char *base, const char *head, const struct strvec *files,
		 const struct strvec *archs, const struct manifest *m, const char *out_dir,
		 int jobs, const struct matrix_hooks *hooks, struct build_cell **cells,
		 size_t *nr_cells);
/*
 * The compiler's first error for object obj in log ("mm/x.c:12:3: error:
 * ..."), so the report names why without the log; NULL when there is none.
 */
char *matrix_first_error(const char *log_text, const char *obj);
/*
 * Sort what failed after the series (fail_head) on cell c: what failed
 * before it too (fail_base) is not buildable there; anything else is a
 * regression, with the compiler's first error from log. targets that did
 * not fail count as built. 1 when that fails the cell (state, reason set),
 * 0 when the cell is ok.
 */
int matrix_judge_after(struct build_cell *c, const struct strvec *fail_base,
		       const struct strvec *targets, const struct strvec *fail_head, const char *log);

#endif
