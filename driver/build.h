#ifndef KSERIES_BUILD_H
#define KSERIES_BUILD_H

#include "strvec.h"

/* One cell of the build matrix: one revision on one architecture. */
struct build_cell {
	const char *arch;
	const char *state;		/* "ok", "failed", "skipped" */
	char *reason;			/* why skipped or failed, or NULL */
	struct strvec built;		/* objects (or folders) built after the series */
	struct strvec regressions;	/* build before the series, fail after it */
	struct strvec not_buildable;	/* fail before the series too: config, toolchain */
	struct strvec fragment_dropped;	/* fragment symbols olddefconfig did not keep */
	double seconds;
};

/* The architectures kseries builds, in matrix order; NULL-terminated names. */
extern const char *const build_arch_names[];

/*
 * Build, for each arch (NULL: all five), the objects of files (relative to
 * the worktree wt, the .c files that used the API) at base and at head, each
 * arch in its own O= folder under out_dir. Objects that build at base and
 * fail at head are regressions; objects that fail at both are reported as not
 * buildable in that config. cells gets one entry per arch. jobs: make -j.
 * Returns the number of failed cells, or -1 on an environment error.
 */
int build_matrix(const char *wt, const char *base, const char *head, const struct strvec *files,
		 const struct strvec *arch_names, const char *out_dir, int jobs,
		 struct build_cell **cells, size_t *nr_cells);
/* Objects a make -k log says failed ("*** [...: dir/file.o] Error N"). */
void build_failed_objects(const char *log, struct strvec *out);
/* The make targets for one arch: file.c -> file.o; virt/kvm -> arch/X/kvm/. */
void build_targets(const char *wt, const char *srcarch, const struct strvec *files,
		   struct strvec *targets);
void build_cells_free(struct build_cell *cells, size_t nr);

#endif
