/*
 * One cell of the build matrix: an arch (or a series' variant of one) with
 * its compiler, its make jobs and its configure (defconfig, the series'
 * settings, olddefconfig, every setting read back).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "matrix/cell.h"
#include "kbuild/treenames.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"

const char *cell_state_name(enum cell_state s)
{
	return s == CELL_OK ? "ok" : s == CELL_FAILED ? "failed" : "skipped";
}

/* The arch a cell builds: its own, or its variant's. */
const struct arch_desc *cell_arch(const struct build_cell *c)
{
	return arch_find(c->base_arch ? c->base_arch : c->arch);
}

const char *cell_srcarch(const struct build_cell *c)
{
	const struct arch_desc *a = cell_arch(c);

	return a ? a->srcarch : NULL;
}

/* A make of targets for cell c in o_dir, its output in log. */
struct make_job cell_job(const struct build_cell *c, const char *o_dir, const char *log,
				const struct strvec *targets)
{
	const struct arch_desc *a = cell_arch(c);
	struct make_job job = MAKE_JOB_INIT;

	job.name = c->arch;
	job.arch = a->arch;
	job.cross = c->cross ? c->cross : a->cross;
	job.o_dir = o_dir;
	job.log = log;
	job.targets = targets;
	job.warnings = c->warnings;
	return job;
}

int cell_make1(const char *wt, const struct build_cell *c, const char *o_dir, const char *log,
		 const char *target)
{
	struct strvec t = STRVEC_INIT;
	struct make_job job = cell_job(c, o_dir, log, &t);
	int ret;

	strvec_push(&t, target);
	ret = make_run(wt, &job, 2);
	strvec_clear(&t);
	return ret;
}

/* scripts/config of the tree itself, on this arch's .config */
int cell_kconfig(const char *wt, const char *o_dir, const char *const *args)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	char *config = xstrfmt("%s/.config", o_dir);
	int ret;

	/* --keep-case: a mixed-case symbol (CRYPTO_DEV_QAT_DH895xCC) is set as written */
	strvec_pushl(&cp.args, "sh", "scripts/config", "--file", config, "--keep-case", NULL);
	strvec_pushv(&cp.args, args);
	cp.dir = wt;
	cp.capture_out = 1;
	cp.quiet_err = 1;
	ret = run_command(&cp);
	child_process_clear(&cp);
	free(config);
	return ret;
}

/*
 * scripts/config args of the series' settings for this cell: "all" and its
 * arch's own; a variant has only its own (they replace the series').
 */
static void series_config(const struct manifest_table *config, const struct build_cell *c,
			  struct strvec *args)
{
	for (size_t r = 0; config && r < config->rows; r++) {
		const char *setting = cell(config, r, CONFIG_SETTING), *eq = strrchr(setting, '=');
		const char *for_arch = cell(config, r, CONFIG_ARCH);

		if (c->base_arch ? strcmp(for_arch, c->arch) :
				   strcmp(for_arch, "all") && strcmp(for_arch, c->arch))
			continue;
		strvec_push(args, eq[1] == 'y' ? "-e" : eq[1] == 'm' ? "-m" : "-d");
		strvec_pushf(args, "%.*s", (int)(eq - setting), setting);
	}
}

/* The defconfig the series wants for this arch, or NULL: the arch's own. */
static const char *series_defconfig(const struct manifest *m, const struct arch_desc *a)
{
	const char *wanted = NULL;

	for (size_t r = 0; r < m->defconfigs.rows; r++)
		if (!strcmp(cell(&m->defconfigs, r, CONFIG_ARCH), a->name))
			wanted = cell(&m->defconfigs, r, CONFIG_SETTING);
	return wanted;
}

/*
 * olddefconfig drops what the arch cannot have, silently: read every
 * setting back. A symbol no Kconfig of the tree defines is "not in this
 * tree" (not_in_tree), never "dropped".
 */
static void read_back(const char *wt, const char *srcarch, const char *o_dir,
		      const struct strvec *set, struct build_cell *c)
{
	struct strvec syms = STRVEC_INIT;
	char *path = xstrfmt("%s/.config", o_dir), *config = read_file(path);

	for (size_t i = 0; i + 1 < set->nr; i += 2)
		strvec_push(&syms, set->v[i + 1]);
	treenames_kconfig_unknown(wt, srcarch, &syms, &c->not_in_tree);
	/* one read of .config, not a scripts/config process per symbol */
	for (size_t i = 0; config && i + 1 < set->nr; i += 2) {
		int on;

		if (strvec_contains(&c->not_in_tree, set->v[i + 1]))
			continue;
		on = treenames_config_on(config, set->v[i + 1]);
		if (strcmp(set->v[i], "-d") && !on) {
			char *why = treenames_kconfig_why_off(wt, set->v[i + 1], config);

			strvec_push(&c->fragment_dropped, set->v[i + 1]);
			strvec_pushf(&c->fragment_why, "%s (%s)", set->v[i + 1],
				     why ? why : "olddefconfig dropped it");
			free(why);
		} else if (!strcmp(set->v[i], "-d") && c->base_arch && on) {
			/* a symbol turned off that something selects is on again */
			strvec_pushf(&c->fragment_dropped, "%s=n", set->v[i + 1]);
			strvec_pushf(&c->fragment_why, "%s=n (on again: something selects it)",
				     set->v[i + 1]);
		}
	}
	strvec_clear(&syms);
	free(config);
	free(path);
}

/*
 * --kconfig: the user's .config is the O= folder's, in place of make
 * defconfig; the toolchain's and the series' settings go on top of it.
 */
static void user_config(struct config_step *s)
{
	char *text = read_file(s->c->kconfig), *dotconfig = xstrfmt("%s/.config", s->o_dir);

	s->c->defconfig_note = xstrfmt("%s (--kconfig, in place of a defconfig)", s->c->kconfig);
	if (!text || write_file(dotconfig, text))
		s->why = "the --kconfig file could not be copied to the build folder";
	strvec_pushv(&s->set, arch_common_toolchain);
	strvec_pushv(&s->set, s->a->toolchain);
	free(dotconfig);
	free(text);
}

/*
 * One cell's configure, in steps, so that the makes of many cells
 * (defconfig, olddefconfig) run side by side: defconfig (the first the tree
 * has of the series' and the arch's names), toolchain and series settings,
 * olddefconfig, the settings read back.
 */
static void config_choose(struct config_step *s, const char *wt, const struct manifest *m)
{
	struct build_cell *c = s->c;
	const char *olddefconfig = treenames_olddefconfig(wt);

	if (c->kconfig) {
		user_config(s);
		series_config(&m->config, c, &s->set);
		return;
	}
	c->defconfig = treenames_defconfig(wt, s->a->srcarch, series_defconfig(m, s->a),
					   s->a->defconfig, &c->defconfig_note);
	if (c->defconfig && strcmp(olddefconfig, "olddefconfig")) {
		char *note = xstrfmt("%s, then oldnoconfig (this tree has no olddefconfig)",
				     c->defconfig_note ? c->defconfig_note : c->defconfig);

		free(c->defconfig_note);
		c->defconfig_note = note;
	}
	strvec_pushv(&s->set, arch_common_toolchain);
	strvec_pushv(&s->set, s->a->toolchain);
	series_config(&m->config, c, &s->set);
	if (!c->defconfig)
		s->why = "no defconfig kseries knows for this arch is in this tree";
}

/* make TARGET (NULL: each cell's defconfig) in every step still going well, side by side */
static void config_make(const char *wt, struct config_step *steps, size_t n, const char *target,
			int cores, const char *fails)
{
	struct make_job *jobs = xcalloc(n ? n : 1, sizeof(*jobs));
	struct strvec *targets = xcalloc(n ? n : 1, sizeof(*targets));
	size_t *step_of = xcalloc(n ? n : 1, sizeof(*step_of)), k = 0;
	int *results = xcalloc(n ? n : 1, sizeof(*results));

	for (size_t i = 0; i < n; i++) {
		/* a --kconfig cell has its .config: no defconfig to make */
		if (steps[i].why || (!target && steps[i].c->kconfig))
			continue;
		strvec_push(&targets[k], target ? target : steps[i].c->defconfig);
		jobs[k] = cell_job(steps[i].c, steps[i].o_dir, steps[i].log, &targets[k]);
		step_of[k++] = i;
	}
	make_runs(wt, jobs, k, cores, results);
	for (size_t j = 0; j < k; j++) {
		if (results[j])
			steps[step_of[j]].why = fails;
		strvec_clear(&targets[j]);
	}
	free(jobs);
	free(targets);
	free(step_of);
	free(results);
}

static void config_settings(struct config_step *s, const char *wt)
{
	char *dotconfig = xstrfmt("%s/.config", s->o_dir);

	if (access(dotconfig, R_OK))
		s->why = "make defconfig wrote no .config";
	else if (s->set.nr && cell_kconfig(wt, s->o_dir, (const char *const *)s->set.v))
		s->why = "scripts/config failed";
	free(dotconfig);
}

/* Every step's configure, the makes of all cells side by side; then each read back. */
void cell_config_all(const char *wt, const struct manifest *m, struct config_step *steps,
		       size_t n, int cores)
{
	for (size_t i = 0; i < n; i++)
		config_choose(&steps[i], wt, m);
	config_make(wt, steps, n, NULL, cores, "make defconfig failed");
	for (size_t i = 0; i < n; i++)
		if (!steps[i].why)
			config_settings(&steps[i], wt);
	config_make(wt, steps, n, treenames_olddefconfig(wt), cores,
		    "make olddefconfig (or the tree's oldnoconfig) failed");
	for (size_t i = 0; i < n; i++)
		if (!steps[i].why)
			read_back(wt, steps[i].a->srcarch, steps[i].o_dir, &steps[i].set, steps[i].c);
}

/* One cell's configure, then prepare (NULL: none). */
const char *cell_configure(const char *wt, const struct arch_desc *a, const char *o_dir,
			     const char *log, const struct manifest *m, struct build_cell *c,
			     const char *prepare)
{
	struct config_step s = { c, a, o_dir, log, STRVEC_INIT, NULL };

	cell_config_all(wt, m, &s, 1, 2);
	if (!s.why && prepare && cell_make1(wt, c, o_dir, log, prepare))
		s.why = !strcmp(prepare, "prepare") ? "make prepare failed" : "make modules_prepare failed";
	strvec_clear(&s.set);
	return s.why;
}

/* An arch this machine cannot build is a skipped cell that says why, never a pass. */
const struct arch_desc *cell_usable_arch(struct build_cell *c)
{
	const struct arch_desc *a = cell_arch(c);
	char *gcc;

	if (!a) {
		c->state = CELL_SKIPPED;
		c->reason = xstrdup("unknown architecture (kseries builds x86_64, arm64, arm, powerpc, mips)");
		return NULL;
	}
	gcc = xstrfmt("%sgcc", a->cross);
	if (!program_exists(gcc)) {
		c->state = CELL_SKIPPED;
		c->reason = xstrfmt("%s not found: apt-get install %s (or make deps)", gcc, a->package);
		a = NULL;
	}
	free(gcc);
	return a;
}

/*
 * The compiler the tree can use: an arch whose little-endian support the
 * tree predates (no le_symbol in its Kconfig) takes the big-endian one, and
 * says so; a machine without it gets a skipped cell naming the package.
 * 0, or -1 when skipped.
 */
int cell_tree_compiler(const char *wt, const struct arch_desc *a, struct build_cell *c)
{
	struct strvec sym = STRVEC_INIT, unknown = STRVEC_INIT;
	int ret = 0;

	if (!a->le_symbol)
		return 0;
	strvec_push(&sym, a->le_symbol);
	treenames_kconfig_unknown(wt, a->srcarch, &sym, &unknown);
	if (unknown.nr) {
		char *gcc = xstrfmt("%sgcc", a->be_cross);

		if (program_exists(gcc)) {
			c->cross = xstrdup(a->be_cross);
		} else {
			c->state = CELL_SKIPPED;
			c->reason = xstrfmt("this tree has no %s (little-endian %s): its big-endian build needs "
					    "%s: apt-get install %s (or make deps)", a->le_symbol, a->name, gcc,
					    a->be_package);
			ret = -1;
		}
		free(gcc);
	}
	strvec_clear(&sym);
	strvec_clear(&unknown);
	return ret;
}

void cell_clear(struct build_cell *c)
{
	strvec_clear(&c->bisect_failures);
	free(c->reason);
	free(c->defconfig);
	free(c->defconfig_note);
	free(c->cross);
	strvec_clear(&c->built);
	strvec_clear(&c->regressions);
	strvec_clear(&c->regression_errors);
	strvec_clear(&c->not_buildable);
	strvec_clear(&c->not_enabled);
	strvec_clear(&c->not_buildable_errors);
	strvec_clear(&c->fragment_dropped);
	strvec_clear(&c->fragment_why);
	strvec_clear(&c->not_in_tree);
}

void cells_free(struct build_cell *cells, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		cell_clear(&cells[i]);
	free(cells);
}
