/*
 * The build matrix: per architecture, defconfig plus a fragment that enables
 * every user of the API that arch can build (the series' "build" data),
 * prepare once, then only the objects of the files that used the API, before and after the series, in an
 * O= folder of its own (../shared/BUILDING.md has the measurements).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "kbuild/userconfig.h"
#include "matrix/matrix.h"
#include "core/worktree.h"
#include "kbuild/kbuild_owner.h"
#include "kbuild/targets.h"
#include "kbuild/treenames.h"
#include "lib/clock.h"
#include "lib/fileio.h"
#include "lib/strbuf.h"
#include "lib/usage.h"

/*
 * The matrix's state: what every arch step reads (the worktree, the files,
 * the series' build data, make -j) and, per arch, its cell, targets and the
 * objects that failed before the series.
 */
struct matrix {
	const char *wt, *out_dir;
	const struct strvec *files;
	const struct manifest *m;
	const struct matrix_hooks *hooks;	/* NULL: none */
	int jobs, failed;
	struct build_cell *cells;
	struct strvec *targets, *fail_base;
	size_t n;
};

static void fail_cell(struct matrix *mx, struct build_cell *c, char *reason)
{
	c->state = CELL_FAILED;
	c->reason = reason;
	mx->failed++;
}

/*
 * Before the series, per cell: its arch and compiler, its targets, its O=
 * folder; 1 when it is to be configured.
 */
static int before_ready(struct matrix *mx, size_t i)
{
	struct build_cell *c = &mx->cells[i];
	const struct arch_desc *a = cell_usable_arch(c);
	char *o_dir;

	if (!a || cell_tree_compiler(mx->wt, a, c))
		return 0;
	info("build: %s: configure, prepare, objects before the series", mx->cells[i].arch);
	o_dir = xstrfmt("%s/%s", mx->out_dir, mx->cells[i].arch);
	mkdir(o_dir, 0777);
	free(o_dir);
	targets_of_files(mx->wt, a->srcarch, mx->files, &mx->m->targets, &mx->targets[i]);
	if (c->only)
		targets_only_under(&mx->targets[i], c->only);
	return 1;
}

/* Configure every ready cell at once (config_all); 1 in ready[i] for those that are. */
static void matrix_configure(struct matrix *mx, int *ready)
{
	struct config_step *steps = xcalloc(mx->n, sizeof(*steps));
	size_t *cell_of = xcalloc(mx->n, sizeof(*cell_of)), n = 0;
	struct timespec t0;
	double took;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (size_t i = 0; i < mx->n; i++) {
		if (!before_ready(mx, i))
			continue;
		steps[n] = (struct config_step){ &mx->cells[i], cell_arch(&mx->cells[i]),
			xstrfmt("%s/%s", mx->out_dir, mx->cells[i].arch),
			xstrfmt("%s/%s-before.log", mx->out_dir, mx->cells[i].arch), STRVEC_INIT, NULL };
		cell_of[n++] = i;
	}
	cell_config_all(mx->wt, mx->m, steps, n, mx->jobs);
	took = seconds_since(&t0);
	for (size_t k = 0; k < n; k++) {
		size_t i = cell_of[k];

		if (steps[k].why)
			fail_cell(mx, &mx->cells[i], xstrfmt("%s: see %s", steps[k].why, steps[k].log));
		ready[i] = !steps[k].why && mx->targets[i].nr;
		mx->cells[i].seconds += took;
		strvec_clear(&steps[k].set);
		free((char *)steps[k].o_dir);
		free((char *)steps[k].log);
	}
	free(steps);
	free(cell_of);
}

/* Before the series, per cell: what its objects' make did; what fails here is not ours. */
static void before_judge(struct matrix *mx, size_t i, struct make_job *job)
{
	struct build_cell *c = &mx->cells[i];
	struct make_step *st = &job->st;

	strvec_pushv(&mx->fail_base[i], (const char *const *)st->failed.v);
	if (st->broken)
		fail_cell(mx, c, xstrfmt("before the series: %s", st->broken));
	/* the build itself failed (a host tool, prepare): no object was tried */
	else if (st->other.nr)
		fail_cell(mx, c, xstrfmt("the build fails before any object, at %s "
					 "(toolchain?): see %s", st->other.v[0], job->log));
	else if (mx->hooks && mx->hooks->before) {
		struct strvec built = STRVEC_INIT;

		targets_built(&mx->targets[i], &st->failed, &built);
		mx->hooks->before(mx->hooks->data, i, c, mx->out_dir, job->o_dir, &built);
		strvec_clear(&built);
	}
}

/*
 * The compiler's first error for object obj in log ("mm/x.c:12:3: error:
 * ..."), so the report names why without the log; NULL when there is none.
 */
char *matrix_first_error(const char *log_text, const char *obj)
{
	char *src = xstrfmt("%.*s.c:", (int)(strlen(obj) - 2), obj), *found = NULL;

	for (const char *p = log_text; p && *p && !found; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		size_t len = strcspn(p, "\n");
		const char *at = memmem(p, len, src, strlen(src));

		/* the path is the worktree's: keep it from the object's own path on */
		if (at && (at == p || at[-1] == '/') && memmem(p, len, ": error: ", 9))
			found = xstrndup(at, len - (size_t)(at - p));
	}
	free(src);
	return found;
}

int matrix_judge_after(struct build_cell *c, const struct strvec *fail_base,
		       const struct strvec *targets, const struct strvec *fail_head, const char *log)
{
	char *text = read_file(log);

	for (size_t t = 0; t < fail_head->nr; t++) {
		const char *obj = fail_head->v[t];
		char *why;

		if (strvec_contains(fail_base, obj)) {
			strvec_push(&c->not_buildable, obj);
			continue;
		}
		strvec_push(&c->regressions, obj);
		why = ends_with(obj, ".o") && text ? matrix_first_error(text, obj) : NULL;
		strvec_pushf(&c->regression_errors, "%s: %s", obj,
			     why ? why : "(no compiler error names it: see the log)");
		free(why);
	}
	free(text);
	targets_built(targets, fail_head, &c->built);
	if (!c->regressions.nr) {
		c->state = CELL_OK;
		return 0;
	}
	c->state = CELL_FAILED;
	c->reason = xstrfmt("%zu objects build before the series and fail after it: see %s",
			    c->regressions.nr, log);
	return 1;
}

/*
 * The objects that build neither before nor after, told apart: one a
 * symbol off in this cell's .config keeps out of the build (its folder's
 * Makefile, its composite's or a folder's above) is not enabled here, and
 * the symbol to set is named; any other fails to compile, and its first
 * error is given.
 */
static void not_buildable_why(const char *wt, const char *o_dir, const char *log,
			      struct build_cell *c)
{
	char *path = xstrfmt("%s/.config", o_dir), *config = read_file(path), *text = read_file(log);

	for (size_t i = 0; config && i < c->not_buildable.nr; i++) {
		const char *obj = c->not_buildable.v[i], *off = NULL;
		struct strvec gates = STRVEC_INIT;
		char *why;

		if (ends_with(obj, ".o"))
			kbuild_object_gates(wt, obj, &gates);
		for (size_t g = 0; g < gates.nr && !off; g++)
			if (!treenames_config_on(config, gates.v[g]))
				off = gates.v[g];
		if (off) {
			strvec_pushf(&c->not_enabled, "%s: not enabled here (CONFIG_%s=n): add \"%s=y\" "
				     "to the series' build.config (for %s, or \"all\")", obj, off, off,
				     c->arch);
		} else {
			why = ends_with(obj, ".o") && text ? matrix_first_error(text, obj) : NULL;
			strvec_pushf(&c->not_buildable_errors, "%s: %s", obj,
				     why ? why : "(no compiler error names it: see the log)");
			free(why);
		}
		strvec_clear(&gates);
	}
	free(text);
	free(config);
	free(path);
}

/* After the series, per cell: what the same objects' make did, then the after hook. */
static void after_judge(struct matrix *mx, size_t i, struct make_job *job)
{
	struct build_cell *c = &mx->cells[i];
	struct make_step *st = &job->st;

	if (st->other.nr)
		strvec_pushf(&c->regressions, "%s (the build itself)", st->other.v[0]);
	mx->failed += matrix_judge_after(c, &mx->fail_base[i], &mx->targets[i], &st->failed, job->log);
	not_buildable_why(mx->wt, job->o_dir, job->log, c);
	if (!st->broken && mx->hooks && mx->hooks->after) {
		char *reason = mx->hooks->after(mx->hooks->data, i, c, mx->out_dir, job->o_dir);

		/* the hook's reason fails a cell the build passed; else it is forgotten */
		if (reason && c->state == CELL_OK)
			fail_cell(mx, c, reason);
		else
			free(reason);
	}
	if (st->broken) {
		/* nothing of this step can be trusted: no object counts as built */
		strvec_clear(&c->built);
		if (c->state == CELL_FAILED)
			mx->failed--;	/* fail_cell counts it once, below */
		free(c->reason);
		fail_cell(mx, c, xstrfmt("after the series: %s", st->broken));
	}
}

/*
 * One side of the matrix, every ready cell's objects side by side (one
 * make per cell, make_steps), then each judged in turn. A cell's time
 * counts the whole side-by-side step.
 */
static void matrix_side(struct matrix *mx, int after)
{
	struct make_job *jobs = xcalloc(mx->n, sizeof(*jobs));
	size_t *cell_of = xcalloc(mx->n, sizeof(*cell_of)), n = 0;
	int *ready = xcalloc(mx->n, sizeof(*ready));

	if (!after)
		matrix_configure(mx, ready);
	for (size_t i = 0; i < mx->n; i++) {
		struct build_cell *c = &mx->cells[i];

		if (after ? c->state != CELL_PENDING : !ready[i])
			continue;
		if (after) {
			info("build: %s: objects after the series", c->arch);
			c->after_started = time(NULL);
		}
		jobs[n] = cell_job(c, xstrfmt("%s/%s", mx->out_dir, c->arch),
				   xstrfmt("%s/%s%s.log", mx->out_dir, c->arch, after ? "" : "-before"),
				   &mx->targets[i]);
		cell_of[n++] = i;
	}
	make_steps(mx->wt, jobs, n, mx->jobs);
	for (size_t k = 0; k < n; k++) {
		struct timespec t1;

		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (after)
			after_judge(mx, cell_of[k], &jobs[k]);
		else
			before_judge(mx, cell_of[k], &jobs[k]);
		/* its own make, not the whole side-by-side step; its proof after it */
		mx->cells[cell_of[k]].seconds += jobs[k].seconds + seconds_since(&t1);
		make_step_clear(&jobs[k].st);
		free((char *)jobs[k].o_dir);
		free((char *)jobs[k].log);
	}
	free(jobs);
	free(cell_of);
	free(ready);
}

static void matrix_clear(struct matrix *mx)
{
	for (size_t i = 0; i < mx->n; i++) {
		strvec_clear(&mx->targets[i]);
		strvec_clear(&mx->fail_base[i]);
	}
	free(mx->targets);
	free(mx->fail_base);
}

int build_matrix(const char *wt, const char *base, const char *head, const struct strvec *files,
		 const struct strvec *archs, const struct manifest *m, const char *out_dir,
		 int jobs, const struct matrix_hooks *hooks, struct build_cell **cells,
		 size_t *nr_cells)
{
	const char *const *names = archs ? (const char *const *)archs->v : arch_names;
	struct matrix mx = { .wt = wt, .out_dir = out_dir, .files = files, .m = m, .jobs = jobs,
			     .hooks = hooks };
	size_t plain = 0;
	int ret = -1;

	while (names[plain])
		plain++;
	mx.n = plain + m->variants.rows;
	mx.cells = *cells = xcalloc(mx.n, sizeof(**cells));
	mx.targets = xcalloc(mx.n, sizeof(*mx.targets));
	mx.fail_base = xcalloc(mx.n, sizeof(*mx.fail_base));
	for (size_t i = 0; i < plain; i++)
		mx.cells[i].arch = names[i];
	/* the series' variants of the arches asked for, after them */
	mx.n = plain;
	for (size_t v = 0; v < m->variants.rows; v++) {
		int asked = 0;

		for (size_t k = 0; k < plain; k++)
			asked |= !strcmp(names[k], cell(&m->variants, v, VARIANT_ARCH));
		if (!asked)
			continue;
		mx.cells[mx.n].arch = cell(&m->variants, v, VARIANT_NAME);
		mx.cells[mx.n].base_arch = cell(&m->variants, v, VARIANT_ARCH);
		mx.cells[mx.n++].only = cell(&m->variants, v, VARIANT_FILES);
	}
	*nr_cells = mx.n;
	for (size_t i = 0; hooks && i < mx.n; i++) {
		const struct arch_desc *a = cell_arch(&mx.cells[i]);

		mx.cells[i].kconfig = userconfig_for(hooks->kconfigs, mx.cells[i].base_arch ?
						     mx.cells[i].base_arch : mx.cells[i].arch);
		mx.cells[i].warnings = hooks->warnings & MAKE_W1;
		if (a && !strcmp(a->arch, "x86_64"))
			mx.cells[i].warnings |= hooks->warnings & MAKE_SPARSE;
	}
	if (mkdir(out_dir, 0777) && access(out_dir, W_OK)) {
		error_errno("cannot create %s", out_dir);
		goto out;
	}
	if (worktree_checkout(wt, base))
		goto out;
	matrix_side(&mx, 0);
	if (worktree_checkout(wt, head))
		goto out;
	matrix_side(&mx, 1);
	ret = mx.failed;
out:
	matrix_clear(&mx);
	return ret;
}
