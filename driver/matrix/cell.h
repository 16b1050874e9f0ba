#ifndef KSERIES_CELL_H
#define KSERIES_CELL_H

#include <time.h>
#include "core/arch.h"
#include "core/manifest.h"
#include "kbuild/make_step.h"
#include "lib/strvec.h"

/* A build cell's state; CELL_PENDING until its arch has been built. */
enum cell_state { CELL_PENDING, CELL_OK, CELL_FAILED, CELL_SKIPPED };
/* "ok", "failed", "skipped" (pending ones count as skipped: never a pass) */
const char *cell_state_name(enum cell_state s);

/* One cell of the build matrix: one revision on one architecture. */
struct build_cell {
	const char *arch;		/* the arch, or a variant's name ("build"."variants") */
	const char *base_arch;		/* a variant's arch, or NULL */
	const char *only;		/* a variant's folders (space-separated), or NULL: all */
	const char *kconfig;		/* --kconfig: the .config used in place of a defconfig */
	enum cell_state state;
	char *reason;			/* why skipped or failed, or NULL */
	struct strvec built;		/* objects (or folders) built after the series */
	struct strvec regressions;	/* build before the series, fail after it */
	struct strvec regression_errors;	/* "obj: the compiler's first error for it" */
	struct strvec not_buildable;	/* fail before the series too: config, toolchain */
	struct strvec not_enabled;	/* of those: "obj: not enabled here (CONFIG_X=n): ..." */
	struct strvec not_buildable_errors;	/* the others: "obj: its first error" */
	char *defconfig;		/* the defconfig used: the first the tree has */
	char *defconfig_note;		/* the choice, when a wanted one was not there */
	char *cross;			/* CROSS_COMPILE when not the arch's usual one */
	struct strvec fragment_dropped;	/* fragment symbols olddefconfig did not keep */
	struct strvec fragment_why;	/* each of those with why: "X (depends on Y, which is off)" */
	struct strvec not_in_tree;	/* fragment symbols no Kconfig of the tree defines */
	struct strvec bisect_failures;	/* "NNNN subject: object": a patch that does not build */
	size_t patches_built;		/* patches built one by one */
	int warnings;			/* MAKE_W1 | MAKE_SPARSE for its makes (make_step.h) */
	time_t after_started;		/* when the build after the series began */
	double seconds;
};

/* The arch a cell builds (a variant's base arch), or NULL when kseries knows none. */
const struct arch_desc *cell_arch(const struct build_cell *c);
/* The arch/ folder a cell builds ("x86" for x86_64 and its variants), or NULL. */
const char *cell_srcarch(const struct build_cell *c);
/* A make of targets for cell c in o_dir, its output in log. */
struct make_job cell_job(const struct build_cell *c, const char *o_dir, const char *log,
			 const struct strvec *targets);
/* make TARGET alone for cell c: make's status. */
int cell_make1(const char *wt, const struct build_cell *c, const char *o_dir, const char *log,
	       const char *target);
/* The tree's own scripts/config with args on o_dir/.config: its status. */
int cell_kconfig(const char *wt, const char *o_dir, const char *const *args);

/*
 * One cell's configure, in steps, so that the makes of many cells
 * (defconfig, olddefconfig) run side by side.
 */
struct config_step {
	struct build_cell *c;
	const struct arch_desc *a;
	const char *o_dir, *log;
	struct strvec set;	/* scripts/config args */
	const char *why;	/* why it failed; NULL while it goes well */
};
/* Every step's configure, the makes of all cells side by side (cores at once); then each read back. */
void cell_config_all(const char *wt, const struct manifest *m, struct config_step *steps,
		     size_t n, int cores);
/* One cell's configure, then make prepare (NULL: none): NULL, or why it failed. */
const char *cell_configure(const char *wt, const struct arch_desc *a, const char *o_dir,
			   const char *log, const struct manifest *m, struct build_cell *c,
			   const char *prepare);
/* The cell's arch when this machine can build it; else the cell is skipped, saying why: NULL. */
const struct arch_desc *cell_usable_arch(struct build_cell *c);
/*
 * The compiler the tree can use: an arch whose little-endian support the
 * tree predates takes the big-endian one (c->cross); 0, or -1 when the cell
 * is skipped (its reason names the package).
 */
int cell_tree_compiler(const char *wt, const struct arch_desc *a, struct build_cell *c);
void cell_clear(struct build_cell *c);
void cells_free(struct build_cell *cells, size_t nr);

#endif
