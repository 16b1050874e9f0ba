/*
 * One-off kernels outside the matrix: an external module built against a
 * tree (the audit), a bootable x86_64 kernel and its modules (the boot test).
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "matrix/cell.h"
#include "matrix/kernel.h"
#include "kbuild/kbuild_owner.h"
#include "kbuild/treenames.h"
#include "lib/fileio.h"
#include "lib/usage.h"

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

int kernel_external_module(const char *wt, const char *arch, const struct manifest *m,
			  const char *o_dir, const char *module_dir, const char *log, int jobs,
			  char **why)
{
	struct build_cell c = { .arch = arch };
	const struct arch_desc *a = cell_usable_arch(&c);
	const char *failed;
	int ret;

	*why = NULL;
	if (!a || cell_tree_compiler(wt, a, &c)) {
		*why = c.reason;
		c.reason = NULL;
		cell_clear(&c);
		return -1;
	}
	mkdir(o_dir, 0777);
	failed = cell_configure(wt, a, o_dir, log, m, &c, "modules_prepare");
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

	make_failed_objects(text ? text : "", &failed, &other);
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
	if (ok && (cell_kconfig(wt, o_dir, (const char *const *)off.v) ||
		   cell_make1(wt, c, o_dir, log, treenames_olddefconfig(wt))))
		ok = 0;
	strvec_clear(&failed);
	strvec_clear(&other);
	strvec_clear(&off);
	return ok;
}

int kernel_boot(const char *wt, const struct manifest *m, const struct strvec *extra,
		      const char *o_dir, const char *log, int jobs, struct strvec *dropped,
		      struct strvec *users_dropped, char **why)
{
	struct build_cell c = { .arch = "x86_64" };
	struct manifest mm = *m;
	struct strvec targets = STRVEC_INIT, wanted = STRVEC_INIT;
	const struct arch_desc *a = cell_usable_arch(&c);
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
	failed = cell_configure(wt, a, o_dir, log, &mm, &c, NULL);
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

		job.whole = 1;	/* minutes of make: its log's count is the progress */
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

int kernel_module_in(const char *wt, const char *o_dir, const char *module_dir, const char *log,
		    int jobs, char **why)
{
	struct build_cell c = { .arch = "x86_64" };
	int ret = make_module(wt, &c, o_dir, module_dir, log, jobs);

	*why = NULL;
	if (ret)
		*why = xstrfmt("make M=%s modules failed: see %s", module_dir, log);
	return ret ? -1 : 0;
}
