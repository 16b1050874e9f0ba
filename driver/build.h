#ifndef KSERIES_BUILD_H
#define KSERIES_BUILD_H

#include "identity.h"
#include "lineproof.h"
#include "manifest.h"

/* A build cell's state; CELL_PENDING until its arch has been built. */
enum cell_state { CELL_PENDING, CELL_OK, CELL_FAILED, CELL_SKIPPED };
/* "ok", "failed", "skipped" (pending ones count as skipped: never a pass) */
const char *cell_state_name(enum cell_state s);
#include <time.h>
#include "strvec.h"

/* One cell of the build matrix: one revision on one architecture. */
struct build_cell {
	const char *arch;		/* the arch, or a variant's name ("build"."variants") */
	const char *base_arch;		/* a variant's arch, or NULL */
	const char *only;		/* a variant's folders (space-separated), or NULL: all */
	enum cell_state state;
	char *reason;			/* why skipped or failed, or NULL */
	struct strvec built;		/* objects (or folders) built after the series */
	struct strvec regressions;	/* build before the series, fail after it */
	struct strvec regression_errors;	/* "obj: the compiler's first error for it" */
	struct strvec not_buildable;	/* fail before the series too: config, toolchain */
	char *defconfig;		/* the defconfig used: the first the tree has */
	char *defconfig_note;		/* the choice, when a wanted one was not there */
	char *cross;			/* CROSS_COMPILE when not the arch's usual one */
	struct strvec fragment_dropped;	/* fragment symbols olddefconfig did not keep */
	struct strvec fragment_why;	/* each of those with why: "X (depends on Y, which is off)" */
	struct strvec not_in_tree;	/* fragment symbols no Kconfig of the tree defines */
	struct strvec bisect_failures;	/* "NNNN subject: object": a patch that does not build */
	size_t patches_built;		/* patches built one by one */
	int proved;			/* the proof ran on this cell */
	size_t hunks_compiled;		/* hunks whose code lines this arch compiled, every one */
	struct ident_result ident;	/* functions before and after */
	time_t after_started;		/* when the build after the series began */
	double seconds;
};

/*
 * The proof of a diff base..tip over the matrix: its hunks (each line's
 * arches), the line proof's and the identity's state and costs.
 */
struct build_proof {
	struct hunks hunks;
	struct lineproof lines;
	struct identity ident;
};

/*
 * Read base..tip in wt. tokens: a hunk is the series' when it (or another
 * hunk of its function) names one; NULL: every hunk is (kseries wrote them).
 */
int build_proof_init(struct build_proof *p, const char *wt, const char *base, const char *tip,
		     const struct strvec *tokens);
/* After the matrix: the reasons for what no arch compiled, the per-cell hunk figures. */
void build_proof_finish(struct build_proof *p, struct build_cell *cells, size_t nr_cells);
/*
 * Is the proof complete (every line of code compiled on some arch)? *incomplete
 * says; returns 1 when that fails the revision (not allow_unproven), else
 * 0. No proof at all (p NULL: the diff could not be read) is incomplete.
 */
int build_judge_proof(const struct build_proof *p, int allow_unproven, int *incomplete);
void build_proof_clear(struct build_proof *p);

/* The architectures kseries builds, in matrix order; NULL-terminated names. */
extern const char *const build_arch_names[];
/* Each --arch name is one of them, or die naming it (exit 2). */
void build_check_arch_names(const struct strvec *names);

/*
 * Build, for each arch (NULL: all five), the objects of files (relative to
 * the worktree wt, the .c files that used the API) at base and at head, each
 * arch in its own O= folder under out_dir. Objects that build at base and
 * fail at head are regressions; objects that fail at both are reported as not
 * buildable in that config. cells gets one entry per arch. jobs: make -j.
 * proof (or NULL): the line proof and the object identity of base..head,
 * run on each arch right after its build (build_proof_init first).
 * Returns the number of failed cells, or -1 on an environment error.
 */
int build_matrix(const char *wt, const char *base, const char *head, const struct strvec *files,
		 const struct strvec *arch_names, const struct manifest *m, const char *out_dir,
		 int jobs, struct build_proof *proof, struct build_cell **cells, size_t *nr_cells);
/*
 * The whole tree checked out in the build worktree wt, a committed
 * .config taken away, the toolchain fixups for old trees applied (there
 * only): what was done in *note (caller frees). 0, or -1 (*note says why).
 */
int build_prepare_tree(const char *wt, char **note);
/*
 * Bisectability: check out each commit of the series in turn and build, on
 * every arch whose cell is ok, the objects that commit touched (all the
 * arch's objects when it touched a header). commits[i] goes with files[i]
 * and subjects[i]. A failure that is not already in not_buildable fails the
 * cell. Leaves the worktree at the last commit. Returns the failed cells.
 */
int build_patches(const char *wt, const struct strvec *commits, const struct strvec *files,
		  const struct strvec *subjects, const struct strvec *all_files,
		  const struct manifest_table *target_rows, struct build_cell *cells, size_t nr_cells,
		  const char *out_dir, int jobs);
/*
 * The make targets for one arch: file.c -> file.o, or the folder a row of
 * the series' "targets" names ({arch}: srcarch) when its "when" file exists.
 */
void build_targets(const char *wt, const char *srcarch, const struct strvec *files,
		   const struct manifest_table *rows, struct strvec *targets);
/*
 * Which changed files were compiled on some arch after the series: a .c file
 * whose object is in an arch's O= folder and did not fail there; a header
 * that a compiled object's dependency list (.cmd, .d) names.
 */
void build_coverage(const char *out_dir, const struct build_cell *cells, size_t nr_cells,
		    const struct strvec *changed, struct strvec *compiled, struct strvec *not_compiled);
void build_cells_free(struct build_cell *cells, size_t nr);
/* The arch/ folder a cell builds ("x86" for x86_64 and its variants), or NULL. */
const char *build_cell_srcarch(const struct build_cell *c);
/*
 * An external module (module_dir, with its Kbuild file) against the tree
 * wt: defconfig with the series' settings and modules_prepare in o_dir, then
 * make M=module_dir modules; everything into log. 0 built, 1 did not build,
 * -1 could not even prepare (or no compiler): *why says it (caller frees).
 */
int build_external_module(const char *wt, const char *arch, const struct manifest *m,
			  const char *o_dir, const char *module_dir, const char *log, int jobs,
			  char **why);

/*
 * A bootable x86_64 kernel of the tree wt in o_dir: defconfig, the series'
 * build settings and extra (the runtime fragment), then make bzImage
 * modules; fragment settings olddefconfig did not keep go to dropped. A
 * setting asked for whose objects fail to build is turned off and the
 * build retried ("SYMBOL: OBJECT does not build in this tree" into
 * users_dropped). 0, or -1 with *why (caller frees).
 */
int build_boot_kernel(const char *wt, const struct manifest *m, const struct strvec *extra,
		      const char *o_dir, const char *log, int jobs, struct strvec *dropped,
		      struct strvec *users_dropped, char **why);
/* make M=module_dir modules against the kernel built in o_dir: 0, or -1 with *why. */
int build_module_in(const char *wt, const char *o_dir, const char *module_dir, const char *log,
		    int jobs, char **why);

/*
 * --cc-wrapper CMD (NULL: only KSERIES_CC_WRAPPER): made the one the builds
 * use; dies when its program is not installed.
 */
void build_use_cc_wrapper(const char *cmd);
/* The compile wrapper (--cc-wrapper, KSERIES_CC_WRAPPER: distcc, icecc), or NULL. */
const char *build_cc_wrapper(void);
/* make's CC= (ccache, the wrapper) into args, what they need into env ("NAME=VALUE"). */
void build_compiler(const char *wt, const char *cross, struct strvec *args, struct strvec *env);

#endif
