/*
 * The build matrix: per architecture, defconfig plus a fragment that enables
 * every user of the API that arch can build (the series' "build" data),
 * prepare once, then only the objects of the files that used the API, before and after the series, in an
 * O= folder of its own (../shared/BUILDING.md has the measurements).
 */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "build.h"
#include "make_step.h"
#include "fileio.h"
#include "fixups.h"
#include "kbuild_owner.h"
#include "worktree.h"
#include "run.h"
#include "treenames.h"
#include "usage.h"

struct arch_desc {
	const char *name, *arch, *srcarch, *cross;
	const char *defconfig;	/* the ones to try, in order, space-separated */
	const char *package;
	const char *const *toolchain;	/* scripts/config args that keep gcc 12 building */
	/* a tree that lacks this Kconfig symbol builds with be_cross (big-endian only) */
	const char *le_symbol, *be_cross, *be_package;
};

/*
 * What the toolchain of this machine needs, whatever the series: the
 * series' own Kconfig settings (what makes its users build) are data, in
 * series.json "build"."config".
 */
static const char *const common_toolchain[] = {
	"-d", "DEBUG_INFO", "-d", "SECURITY_SELINUX", "-d", "STACK_VALIDATION", NULL,
};
static const char *const powerpc_toolchain[] = { "-e", "PPC_DISABLE_WERROR", NULL };
static const char *const no_toolchain[] = { NULL };

static const struct arch_desc archs[] = {
	{ "x86_64", "x86_64", "x86", "", "x86_64_defconfig", "gcc", no_toolchain, NULL, NULL, NULL },
	{ "arm64", "arm64", "arm64", "aarch64-linux-gnu-", "defconfig", "gcc-aarch64-linux-gnu",
	  no_toolchain, NULL, NULL, NULL },
	{ "arm", "arm", "arm", "arm-linux-gnueabi-", "multi_v7_defconfig", "gcc-arm-linux-gnueabi",
	  no_toolchain, NULL, NULL, NULL },
	{ "powerpc", "powerpc", "powerpc", "powerpc64le-linux-gnu-",
	  "powernv_defconfig ppc64le_defconfig pseries_le_defconfig pseries_defconfig ppc64_defconfig",
	  "gcc-powerpc64le-linux-gnu", powerpc_toolchain,
	  /* little-endian powerpc came in 3.13: older trees are built big-endian */
	  "CPU_LITTLE_ENDIAN", "powerpc64-linux-gnu-", "gcc-powerpc64-linux-gnu" },
	{ "mips", "mips", "mips", "mips-linux-gnu-", "malta_defconfig", "gcc-mips-linux-gnu",
	  no_toolchain, NULL, NULL, NULL },
};

const char *cell_state_name(enum cell_state s)
{
	return s == CELL_OK ? "ok" : s == CELL_FAILED ? "failed" : "skipped";
}

const char *const build_arch_names[] = { "x86_64", "arm64", "arm", "powerpc", "mips", NULL };

void build_check_arch_names(const struct strvec *names)
{
	for (size_t i = 0; names && i < names->nr; i++) {
		int known = 0;

		for (size_t k = 0; build_arch_names[k]; k++)
			known |= !strcmp(names->v[i], build_arch_names[k]);
		if (!known)
			die("unknown architecture '%s': kseries builds x86_64, arm64, arm, powerpc, mips",
			    names->v[i]);
	}
}

/* text with every "{arch}" as srcarch (caller frees) */
static char *with_arch(const char *text, const char *srcarch)
{
	const char *p = strstr(text, "{arch}");
	char *rest, *out;

	if (!p)
		return xstrdup(text);
	rest = with_arch(p + 6, srcarch);
	out = xstrfmt("%.*s%s%s", (int)(p - text), text, srcarch, rest);
	free(rest);
	return out;
}

/* The series' target for file f, when a row of "targets" takes it; else NULL. */
static char *series_target(const char *wt, const char *srcarch, const char *f,
			   const struct manifest_table *rows)
{
	for (size_t r = 0; rows && r < rows->rows; r++) {
		char *files = with_arch(cell(rows, r, TARGET_FILES), srcarch);
		char *when = with_arch(cell(rows, r, TARGET_WHEN), srcarch);
		char *path = xstrfmt("%s/%s", wt, when);
		int hit = !strncmp(f, files, strlen(files)) && !access(path, R_OK);

		free(files);
		free(when);
		free(path);
		if (hit)
			return with_arch(cell(rows, r, TARGET_BUILD_IN), srcarch);
	}
	return NULL;
}

void build_targets(const char *wt, const char *srcarch, const struct strvec *files,
		   const struct manifest_table *rows, struct strvec *targets)
{
	char *arch_prefix = xstrfmt("arch/%s/", srcarch);

	for (size_t i = 0; i < files->nr; i++) {
		const char *f = files->v[i];
		size_t n = strlen(f);
		char *t;

		if (n < 3 || strcmp(f + n - 2, ".c"))
			continue;	/* headers are compiled through the .c files */
		if (!strncmp(f, "arch/", 5) && strncmp(f, arch_prefix, strlen(arch_prefix)))
			continue;	/* another architecture's file */
		/* a file built through another folder's Makefile (series.json "targets") */
		t = series_target(wt, srcarch, f, rows);
		if (!t)
			t = xstrfmt("%.*s.o", (int)(n - 2), f);
		if (!strvec_contains(targets, t))
			strvec_push(targets, t);
		free(t);
	}
	free(arch_prefix);
}

void build_use_cc_wrapper(const char *cmd)
{
	const char *w;
	char *first;

	if (cmd)
		setenv("KSERIES_CC_WRAPPER", cmd, 1);
	if (!(w = build_cc_wrapper()))
		return;
	first = xstrndup(w, strcspn(w, " \t"));
	/* before any work: a wrapper that cannot run would fail every compile */
	if (!program_exists(first))
		die("the compile wrapper '%s' (--cc-wrapper or KSERIES_CC_WRAPPER) is not installed: "
		    "apt-get install %s, or give its full path", w, first);
	free(first);
}

const char *build_cc_wrapper(void)
{
	const char *w = getenv("KSERIES_CC_WRAPPER");

	return w && *w ? w : NULL;
}

/*
 * CC= for make, and the environment it needs. ccache when installed:
 * rebuilds of the same objects across revisions and worktrees are cheap
 * (CCACHE_BASEDIR: paths relative to the worktree, so another revision's
 * worktree hits too). A wrapper (distcc, icecc) goes behind ccache as its
 * CCACHE_PREFIX, so a hit never leaves the machine; without ccache it goes
 * in front of the compiler. Preprocessing and linking stay local.
 */
void build_compiler(const char *wt, const char *cross, struct strvec *args, struct strvec *env)
{
	const char *wrapper = build_cc_wrapper();
	char *abs = realpath(wt, NULL);

	if (program_exists("ccache")) {
		strvec_pushf(args, "CC=ccache %sgcc", cross);
		strvec_pushf(env, "CCACHE_BASEDIR=%s", abs ? abs : wt);
		strvec_push(env, "CCACHE_NOHASHDIR=1");
		if (wrapper)
			strvec_pushf(env, "CCACHE_PREFIX=%s", wrapper);
	} else if (wrapper) {
		strvec_pushf(args, "CC=%s %sgcc", wrapper, cross);
	}
	free(abs);
}

/* make -k TARGETS for one arch in its O= folder; stdout and stderr into log. */
static const struct arch_desc *cell_arch(const struct build_cell *c);

static const struct arch_desc *find_arch(const char *name);

/* The arch a cell builds: its own, or its variant's. */
static const struct arch_desc *cell_arch(const struct build_cell *c)
{
	return find_arch(c->base_arch ? c->base_arch : c->arch);
}

const char *build_cell_srcarch(const struct build_cell *c)
{
	const struct arch_desc *a = cell_arch(c);

	return a ? a->srcarch : NULL;
}

static const struct arch_desc *find_arch(const char *name)
{
	for (size_t i = 0; i < sizeof(archs) / sizeof(archs[0]); i++)
		if (!strcmp(archs[i].name, name))
			return &archs[i];
	return NULL;
}

/* A make of targets for cell c in o_dir, its output in log. */
static struct make_job cell_job(const struct build_cell *c, const char *o_dir, const char *log,
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
	return job;
}

static int make1(const char *wt, const struct build_cell *c, const char *o_dir, const char *log,
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
static int kconfig(const char *wt, const char *o_dir, const char *const *args)
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
/* sym is y or m in the text of a .config (as scripts/config -s would say) */
static int config_on(const char *config, const char *sym)
{
	char *key = xstrfmt("CONFIG_%s=", sym);
	size_t n = strlen(key);
	int on = 0;

	for (const char *p = config; p && *p && !on; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		on = !strncmp(p, key, n) && (p[n] == 'y' || p[n] == 'm') &&
		     (p[n + 1] == '\n' || !p[n + 1]);
	free(key);
	return on;
}

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
		on = config_on(config, set->v[i + 1]);
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
 * One cell's configure, in steps, so that the makes of many cells
 * (defconfig, olddefconfig) run side by side: defconfig (the first the tree
 * has of the series' and the arch's names), toolchain and series settings,
 * olddefconfig, the settings read back.
 */
struct config_step {
	struct build_cell *c;
	const struct arch_desc *a;
	const char *o_dir, *log;
	struct strvec set;	/* scripts/config args */
	const char *why;	/* why it failed; NULL while it goes well */
};

static void config_choose(struct config_step *s, const char *wt, const struct manifest *m)
{
	struct build_cell *c = s->c;
	const char *olddefconfig = treenames_olddefconfig(wt);

	c->defconfig = treenames_defconfig(wt, s->a->srcarch, series_defconfig(m, s->a),
					   s->a->defconfig, &c->defconfig_note);
	if (c->defconfig && strcmp(olddefconfig, "olddefconfig")) {
		char *note = xstrfmt("%s, then oldnoconfig (this tree has no olddefconfig)",
				     c->defconfig_note ? c->defconfig_note : c->defconfig);

		free(c->defconfig_note);
		c->defconfig_note = note;
	}
	strvec_pushv(&s->set, common_toolchain);
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
		if (steps[i].why)
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
	else if (s->set.nr && kconfig(wt, s->o_dir, (const char *const *)s->set.v))
		s->why = "scripts/config failed";
	free(dotconfig);
}

/* Every step's configure, the makes of all cells side by side; then each read back. */
static void config_all(const char *wt, const struct manifest *m, struct config_step *steps,
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
static const char *configure(const char *wt, const struct arch_desc *a, const char *o_dir,
			     const char *log, const struct manifest *m, struct build_cell *c,
			     const char *prepare)
{
	struct config_step s = { c, a, o_dir, log, STRVEC_INIT, NULL };

	config_all(wt, m, &s, 1, 2);
	if (!s.why && prepare && make1(wt, c, o_dir, log, prepare))
		s.why = !strcmp(prepare, "prepare") ? "make prepare failed" : "make modules_prepare failed";
	strvec_clear(&s.set);
	return s.why;
}

static int checkout(const char *wt, const char *rev)
{
	char *out = NULL;
	int ret = run_capture(&out, wt, "git", "-c", "checkout.workers=0", "checkout", "-q",
			      "--detach", rev, NULL);

	free(out);
	return ret ? error("cannot check out %s in %s: %s%s", rev, wt, run_capture_error(),
			   full_disk_hint(run_capture_error(), wt)) : 0;
}

/*
 * The matrix's state: what every arch step reads (the worktree, the files,
 * the series' build data, make -j) and, per arch, its cell, targets and the
 * objects that failed before the series.
 */
struct matrix {
	const char *wt, *out_dir;
	const struct strvec *files;
	const struct manifest *m;
	struct build_proof *proof;	/* NULL: no proof asked */
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

/* An arch this machine cannot build is a skipped cell that says why, never a pass. */
static const struct arch_desc *usable_arch(struct build_cell *c)
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
static int tree_compiler(const char *wt, const struct arch_desc *a, struct build_cell *c)
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

/* The targets of step i that did not fail (a folder: when none of its objects did). */
static void targets_built(const struct strvec *targets, const struct strvec *failed,
			  struct strvec *built)
{
	for (size_t t = 0; t < targets->nr; t++) {
		int bad = 0;

		for (size_t f = 0; f < failed->nr && !bad; f++)
			bad = !strncmp(failed->v[f], targets->v[t], strlen(targets->v[t]));
		if (!bad)
			strvec_push(built, targets->v[t]);
	}
}

/* mkdir -p of the folder that holds path */
static void make_parents(const char *path)
{
	char *dir = xstrdup(path);

	for (char *p = strchr(dir + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		mkdir(dir, 0777);
		*p = '/';
	}
	free(dir);
}

/*
 * The proof's part before the series: the removed lines, from the objects
 * this step built; and those objects kept (hard links: the next step
 * unlinks before it rebuilds) in <arch>-before/ for the identity.
 */
static void proof_before(struct matrix *mx, size_t i, const char *o_dir,
			 const struct strvec *failed)
{
	struct strvec built = STRVEC_INIT, objs = STRVEC_INIT;
	char *keep = xstrfmt("%s/%s-before", mx->out_dir, mx->cells[i].arch);

	targets_built(&mx->targets[i], failed, &built);
	lineproof_arch(&mx->proof->lines, 0, 1u << i, mx->cells[i].arch, o_dir, &built);
	objects_of_targets(o_dir, &built, &objs);
	for (size_t o = 0; o < objs.nr; o++) {
		char *from = xstrfmt("%s/%s", o_dir, objs.v[o]), *to = xstrfmt("%s/%s", keep, objs.v[o]);

		make_parents(to);
		unlink(to);
		if (link(from, to)) {
			char *text = NULL;

			/* another file system: a copy (run_capture of cp keeps it simple) */
			run_capture(&text, NULL, "cp", from, to, NULL);
			free(text);
		}
		free(from);
		free(to);
	}
	mx->cells[i].proved = 1;
	strvec_clear(&built);
	strvec_clear(&objs);
	free(keep);
}

/* After the series: the added lines, and each object's functions against the kept ones. */
static void proof_after(struct matrix *mx, size_t i, const struct arch_desc *a, const char *o_dir)
{
	struct build_cell *c = &mx->cells[i];
	char *keep = xstrfmt("%s/%s-before", mx->out_dir, mx->cells[i].arch);

	lineproof_arch(&mx->proof->lines, 1, 1u << i, mx->cells[i].arch, o_dir, &c->built);
	identity_arch(&mx->proof->ident, a->cross, keep, o_dir, &c->built, &c->ident);
	if (c->ident.unexpected && c->state == CELL_OK)
		fail_cell(mx, c, xstrfmt("%zu functions changed that the diff does not touch: %s",
					 c->ident.unexpected, c->ident.unexpected_list.v[0]));
	free(keep);
}

/* Keep the targets under one of the folders of only ("mm/ fs/"). */
static void only_under(struct strvec *targets, const char *only)
{
	for (size_t t = targets->nr; t-- > 0;) {
		int keep = 0;

		for (const char *p = only; *p && !keep; p += strspn(p, " ")) {
			size_t n = strcspn(p, " ");

			keep = n && !strncmp(targets->v[t], p, n);
			p += n;
		}
		if (!keep)
			strvec_remove(targets, t);
	}
}

/*
 * Before the series, per cell: its arch and compiler, its targets, its O=
 * folder; 1 when it is to be configured.
 */
static int before_ready(struct matrix *mx, size_t i)
{
	struct build_cell *c = &mx->cells[i];
	const struct arch_desc *a = usable_arch(c);
	char *o_dir;

	if (!a || tree_compiler(mx->wt, a, c))
		return 0;
	info("build: %s: configure, prepare, objects before the series", mx->cells[i].arch);
	o_dir = xstrfmt("%s/%s", mx->out_dir, mx->cells[i].arch);
	mkdir(o_dir, 0777);
	free(o_dir);
	build_targets(mx->wt, a->srcarch, mx->files, &mx->m->targets, &mx->targets[i]);
	if (c->only)
		only_under(&mx->targets[i], c->only);
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
	config_all(mx->wt, mx->m, steps, n, mx->jobs);
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
	else if (mx->proof)
		proof_before(mx, i, job->o_dir, &st->failed);
}

/*
 * The compiler's first error for object obj in log ("mm/x.c:12:3: error:
 * ..."), so the report names why without the log; NULL when there is none.
 */
static char *first_error(const char *log_text, const char *obj)
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

/* Sort what failed after the series: new failures are the series' fault. */
static void judge_after(struct matrix *mx, size_t i, const struct strvec *fail_head, const char *log)
{
	struct build_cell *c = &mx->cells[i];
	char *text = read_file(log);

	for (size_t t = 0; t < fail_head->nr; t++) {
		char *why;

		if (strvec_contains(&mx->fail_base[i], fail_head->v[t])) {
			strvec_push(&c->not_buildable, fail_head->v[t]);
			continue;
		}
		strvec_push(&c->regressions, fail_head->v[t]);
		why = ends_with(fail_head->v[t], ".o") && text ? first_error(text, fail_head->v[t]) : NULL;
		strvec_pushf(&c->regression_errors, "%s: %s", fail_head->v[t],
			     why ? why : "(no compiler error names it: see the log)");
		free(why);
	}
	free(text);
	targets_built(&mx->targets[i], fail_head, &c->built);
	if (c->regressions.nr)
		fail_cell(mx, c, xstrfmt("%zu objects build before the series and fail after it: see %s",
					 c->regressions.nr, log));
	else
		c->state = CELL_OK;
}

/* After the series, per cell: what the same objects' make did, and the proof. */
static void after_judge(struct matrix *mx, size_t i, struct make_job *job)
{
	struct build_cell *c = &mx->cells[i];
	struct make_step *st = &job->st;

	if (st->other.nr)
		strvec_pushf(&c->regressions, "%s (the build itself)", st->other.v[0]);
	judge_after(mx, i, &st->failed, job->log);
	if (!st->broken && mx->proof && c->proved)
		proof_after(mx, i, cell_arch(c), job->o_dir);
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
	struct timespec t0;
	double took;

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
	clock_gettime(CLOCK_MONOTONIC, &t0);
	make_steps(mx->wt, jobs, n, mx->jobs);
	took = seconds_since(&t0);
	for (size_t k = 0; k < n; k++) {
		struct timespec t1;

		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (after)
			after_judge(mx, cell_of[k], &jobs[k]);
		else
			before_judge(mx, cell_of[k], &jobs[k]);
		mx->cells[cell_of[k]].seconds += took + seconds_since(&t1);
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
		 const struct strvec *arch_names, const struct manifest *m, const char *out_dir,
		 int jobs, struct build_proof *proof, struct build_cell **cells, size_t *nr_cells)
{
	const char *const *names = arch_names ? (const char *const *)arch_names->v : build_arch_names;
	struct matrix mx = { .wt = wt, .out_dir = out_dir, .files = files, .m = m, .jobs = jobs,
			     .proof = proof };
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
	if (mkdir(out_dir, 0777) && access(out_dir, W_OK)) {
		error_errno("cannot create %s", out_dir);
		goto out;
	}
	if (checkout(wt, base))
		goto out;
	matrix_side(&mx, 0);
	if (checkout(wt, head))
		goto out;
	matrix_side(&mx, 1);
	ret = mx.failed;
out:
	matrix_clear(&mx);
	return ret;
}

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
int build_prepare_tree(const char *wt, char **note)
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

/*
 * The objects commit p reaches on cell c (all of the arch's when it touches
 * a header) that built after the series.
 */
static void patch_targets(const char *wt, const struct strvec *files, const struct strvec *all_files,
			  const struct manifest_table *target_rows, const struct build_cell *c,
			  struct strvec *targets)
{
	const struct arch_desc *a = cell_arch(c);
	int header = 0;

	for (size_t f = 0; f < files->nr; f++)
		header |= ends_with(files->v[f], ".h");
	build_targets(wt, a->srcarch, header ? all_files : files, target_rows, targets);
	if (c->only)
		only_under(targets, c->only);
	/* what did not build after the series (not enabled, the toolchain) teaches nothing here */
	for (size_t t = targets->nr; t-- > 0;)
		if (!strvec_contains(&c->built, targets->v[t]))
			strvec_remove(targets, t);
}

/* What commit p's make did on a cell: its failures, beyond what never built */
static void judge_patch(struct build_cell *c, size_t p, const char *subject, struct make_job *job)
{
	struct make_step *st = &job->st;

	strvec_pushv(&st->failed, (const char *const *)st->other.v);
	if (st->broken)
		strvec_pushf(&c->bisect_failures, "%04zu %s: %s", p + 1, subject, st->broken);
	for (size_t k = 0; !st->broken && k < st->failed.nr; k++)
		if (!strvec_contains(&c->not_buildable, st->failed.v[k]))
			strvec_pushf(&c->bisect_failures, "%04zu %s: %s", p + 1, subject,
				     st->failed.v[k]);
	if (!c->bisect_failures.nr)
		remove(job->log);	/* keep only the logs that show a problem */
	c->patches_built++;
}

int build_patches(const char *wt, const struct strvec *commits, const struct strvec *files,
		  const struct strvec *subjects, const struct strvec *all_files,
		  const struct manifest_table *target_rows, struct build_cell *cells, size_t nr_cells,
		  const char *out_dir, int jobs)
{
	struct make_job *step = xcalloc(nr_cells ? nr_cells : 1, sizeof(*step));
	struct strvec *targets = xcalloc(nr_cells ? nr_cells : 1, sizeof(*targets));
	size_t *cell_of = xcalloc(nr_cells ? nr_cells : 1, sizeof(*cell_of));
	int failed = 0;

	for (size_t p = 0; p < commits->nr && failed >= 0; p++) {
		size_t n = 0;
		struct timespec t0;
		double took;

		if (checkout(wt, commits->v[p])) {
			failed = -1;
			break;
		}
		for (size_t i = 0; i < nr_cells; i++) {
			if (!cell_arch(&cells[i]) || cells[i].state != CELL_OK)
				continue;
			patch_targets(wt, &files[p], all_files, target_rows, &cells[i], &targets[n]);
			if (!targets[n].nr)
				continue;
			step[n] = cell_job(&cells[i], xstrfmt("%s/%s", out_dir, cells[i].arch),
					   xstrfmt("%s/%s-patch-%04zu.log", out_dir, cells[i].arch, p + 1),
					   &targets[n]);
			cell_of[n++] = i;
		}
		/* the cells of one commit side by side: they share its checkout */
		clock_gettime(CLOCK_MONOTONIC, &t0);
		make_steps(wt, step, n, jobs);
		took = seconds_since(&t0);
		for (size_t k = 0; k < n; k++) {
			cells[cell_of[k]].seconds += took;	/* the cell's time, bisect included */
			judge_patch(&cells[cell_of[k]], p, subjects->v[p], &step[k]);
			make_step_clear(&step[k].st);
			free((char *)step[k].o_dir);
			free((char *)step[k].log);
			strvec_clear(&targets[k]);
		}
	}
	for (size_t i = 0; failed >= 0 && i < nr_cells; i++) {
		if (cells[i].bisect_failures.nr && cells[i].state == CELL_OK) {
			cells[i].state = CELL_FAILED;
			free(cells[i].reason);
			cells[i].reason = xstrfmt("%zu objects fail to build in the middle of the series: "
						  "not bisectable", cells[i].bisect_failures.nr);
			failed++;
		}
	}
	free(step);
	free(targets);
	free(cell_of);
	return failed;
}

/*
 * A .c file compiled after the series on cell c: its object was built, or
 * a folder target built it (a file of virt/ through an arch folder's
 * Makefile, series.json "targets") and the after step wrote it (its mtime
 * is not older than the step: an object left from the before step never
 * counts).
 */
static int c_compiled(const char *out_dir, const struct build_cell *c, const char *file)
{
	size_t n = strlen(file);
	char *obj = xstrfmt("%.*s.o", (int)(n - 2), file);
	int ok = 0, folder = 0;

	for (size_t t = 0; t < c->built.nr && !ok; t++) {
		const char *b = c->built.v[t];
		size_t bn = strlen(b);

		folder |= bn && b[bn - 1] == '/';
		ok = !strcmp(b, obj) || (bn && b[bn - 1] == '/' && !strncmp(obj, b, bn));
	}
	if (!ok && folder && c->after_started) {
		char *path = xstrfmt("%s/%s/%s", out_dir, c->arch, obj);
		struct stat st;

		ok = !stat(path, &st) && st.st_mtime >= c->after_started;
		free(path);
	}
	ok = ok && !strvec_contains(&c->regressions, obj) && !strvec_contains(&c->not_buildable, obj);
	free(obj);
	return ok;
}

static int header_compiled(const char *out_dir, const struct build_cell *c, const char *file)
{
	char *dir = xstrfmt("%s/%s", out_dir, c->arch), *out = NULL;
	/* Kbuild's .cmd files list every header an object read; the demo's .d files too */
	int ret = run_capture(&out, NULL, "grep", "-rlqF", "--include=.*.cmd", "--include=*.d",
			      "-e", file, dir, NULL);

	free(out);
	free(dir);
	return ret == 0;
}

void build_coverage(const char *out_dir, const struct build_cell *cells, size_t nr_cells,
		    const struct strvec *changed, struct strvec *compiled, struct strvec *not_compiled)
{
	for (size_t f = 0; f < changed->nr; f++) {
		const char *file = changed->v[f];
		size_t n = strlen(file);
		int is_c = n > 2 && !strcmp(file + n - 2, ".c"), ok = 0;

		for (size_t i = 0; i < nr_cells && !ok; i++) {
			if (cells[i].state == CELL_PENDING || cells[i].state == CELL_SKIPPED)
				continue;
			ok = is_c ? c_compiled(out_dir, &cells[i], file) :
				    header_compiled(out_dir, &cells[i], file);
		}
		strvec_push(ok ? compiled : not_compiled, file);
	}
}

static void cell_clear(struct build_cell *c)
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
	strvec_clear(&c->fragment_dropped);
	strvec_clear(&c->fragment_why);
	strvec_clear(&c->not_in_tree);
	ident_result_clear(&c->ident);
}

void build_cells_free(struct build_cell *cells, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		cell_clear(&cells[i]);
	free(cells);
}

/* make M=module_dir modules in the cell's O= folder: make's status */
static int make_module(const char *wt, const struct build_cell *c, const char *o_dir,
		       const char *module_dir, const char *log, int jobs)
{
	struct strvec targets = STRVEC_INIT;
	struct make_job job;
	int ret;

	strvec_pushf(&targets, "M=%s", module_dir);
	strvec_push(&targets, "modules");
	job = cell_job(c, o_dir, log, &targets);
	ret = make_run(wt, &job, jobs);
	strvec_clear(&targets);
	return ret;
}

int build_external_module(const char *wt, const char *arch, const struct manifest *m,
			  const char *o_dir, const char *module_dir, const char *log, int jobs,
			  char **why)
{
	struct build_cell c = { .arch = arch };
	const struct arch_desc *a = usable_arch(&c);
	const char *failed;
	int ret;

	*why = NULL;
	if (!a || tree_compiler(wt, a, &c)) {
		*why = c.reason;
		c.reason = NULL;
		cell_clear(&c);
		return -1;
	}
	mkdir(o_dir, 0777);
	failed = configure(wt, a, o_dir, log, m, &c, "modules_prepare");
	if (failed) {
		*why = xstrfmt("%s: see %s", failed, log);
		cell_clear(&c);
		return -1;
	}
	ret = make_module(wt, &c, o_dir, module_dir, log, jobs);
	cell_clear(&c);
	if (ret < 0 || ret >= 128) {
		*why = ret < 0 ? xstrfmt("make could not run: see %s", log) :
				 xstrfmt("make died of signal %d (%s): see %s", ret - 128,
					 strsignal(ret - 128), log);
		return -1;
	}
	return ret ? 1 : 0;
}

/* The series' build settings with extra ones for every arch after them. */
static struct manifest_table config_with(const struct manifest_table *config,
					 const struct strvec *extra)
{
	struct manifest_table t = { STRVEC_INIT, config->rows, 2 };

	strvec_pushv(&t.cells, (const char *const *)config->cells.v);
	for (size_t i = 0; i < extra->nr; i++, t.rows++)
		strvec_pushl(&t.cells, "all", extra->v[i], NULL);
	return t;
}

/* The settings a boot kernel asks for: the series' for x86_64 and extra. */
static void boot_wanted(const struct manifest_table *config, struct strvec *wanted)
{
	for (size_t r = 0; r < config->rows; r++)
		if (!strcmp(cell(config, r, CONFIG_ARCH), "all") ||
		    !strcmp(cell(config, r, CONFIG_ARCH), "x86_64"))
			strvec_push(wanted, cell(config, r, CONFIG_SETTING));
}

/*
 * After a failed make of a boot kernel: the settings asked for that bring
 * the failed objects in, turned off ("SYMBOL: OBJECT does not build" into
 * users_dropped), and olddefconfig. 1 when some were, 0 when a failed
 * object is the defconfig's own (or nothing failed that is an object).
 */
static int drop_unbuildable(const char *wt, const char *o_dir, const char *log,
			    struct build_cell *c, const struct strvec *wanted,
			    struct strvec *users_dropped)
{
	struct strvec failed = STRVEC_INIT, other = STRVEC_INIT, off = STRVEC_INIT;
	char *text = read_file(log);
	int ok;

	build_failed_objects(text ? text : "", &failed, &other);
	free(text);
	ok = failed.nr > 0;
	/* a folder target fails when an object in it does; anything else is the build's own */
	for (size_t i = 0; ok && i < other.nr; i++) {
		char *dir = xstrfmt("%s/%s", wt, other.v[i]);
		struct stat st;

		ok = !stat(dir, &st) && S_ISDIR(st.st_mode);
		free(dir);
	}
	for (size_t i = 0; ok && i < failed.nr; i++) {
		char *sym = kbuild_owner_symbol(wt, failed.v[i], wanted);

		if (!sym) {
			ok = 0;
		} else if (!strvec_contains(&off, sym)) {
			strvec_pushl(&off, "-d", sym, NULL);
			strvec_pushf(users_dropped, "%s: %s does not build in this tree", sym, failed.v[i]);
		}
		free(sym);
	}
	if (ok && (kconfig(wt, o_dir, (const char *const *)off.v) ||
		   make1(wt, c, o_dir, log, treenames_olddefconfig(wt))))
		ok = 0;
	strvec_clear(&failed);
	strvec_clear(&other);
	strvec_clear(&off);
	return ok;
}

int build_boot_kernel(const char *wt, const struct manifest *m, const struct strvec *extra,
		      const char *o_dir, const char *log, int jobs, struct strvec *dropped,
		      struct strvec *users_dropped, char **why)
{
	struct build_cell c = { .arch = "x86_64" };
	struct manifest mm = *m;
	struct strvec targets = STRVEC_INIT, wanted = STRVEC_INIT;
	const struct arch_desc *a = usable_arch(&c);
	const char *failed;
	int ret;

	*why = NULL;
	if (!a) {
		*why = c.reason;
		c.reason = NULL;
		cell_clear(&c);
		return -1;
	}
	mkdir(o_dir, 0777);
	mm.config = config_with(&m->config, extra);
	/* only the series' users may go: what the runtime fragment asks for must build */
	boot_wanted(&m->config, &wanted);
	failed = configure(wt, a, o_dir, log, &mm, &c, NULL);
	strvec_clear(&mm.config.cells);
	strvec_pushv(dropped, (const char *const *)c.fragment_dropped.v);
	if (failed) {
		*why = xstrfmt("%s: see %s", failed, log);
		cell_clear(&c);
		strvec_clear(&wanted);
		return -1;
	}
	strvec_pushl(&targets, "bzImage", "modules", NULL);
	/* "the series' users as far as they build": a user whose objects fail is turned off */
	for (int round = 0; round < 4; round++) {
		struct make_job job = cell_job(&c, o_dir, log, &targets);

		ret = make_run(wt, &job, jobs);
		if (!ret || ret >= 128 || round == 3 ||
		    !drop_unbuildable(wt, o_dir, log, &c, &wanted, users_dropped))
			break;
	}
	strvec_clear(&targets);
	strvec_clear(&wanted);
	cell_clear(&c);
	if (ret)
		*why = ret < 0 ? xstrfmt("make could not run: see %s", log) :
		       ret >= 128 ? xstrfmt("make died of signal %d: see %s", ret - 128, log) :
				    xstrfmt("make bzImage modules failed: see %s", log);
	return ret ? -1 : 0;
}

int build_module_in(const char *wt, const char *o_dir, const char *module_dir, const char *log,
		    int jobs, char **why)
{
	struct build_cell c = { .arch = "x86_64" };
	int ret = make_module(wt, &c, o_dir, module_dir, log, jobs);

	*why = NULL;
	if (ret)
		*why = xstrfmt("make M=%s modules failed: see %s", module_dir, log);
	return ret ? -1 : 0;
}
