/*
 * The test kernels of kseries boot: a revision built before and after
 * the series in one worktree and O= folder (the second build is
 * incremental), or a prebuilt kernel with its headers and modules.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "matrix/kernel.h"
#include "core/cmdcheck.h"
#include "core/outdir.h"
#include "core/worktree.h"
#include "kbuild/prepare.h"
#include "lib/clock.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "posting/patchset.h"
#include "runtime/boot_kernels.h"
#include "runtime/qemu.h"

/* The patches of a series output for rev, in order (not the cover letter). */
static int series_patches(const char *series_out, const char *rev, struct strvec *patches)
{
	char *name = outdir_rev_name(rev), *dir = xstrfmt("%s/%s/series", series_out, name);
	int ret = 0;

	if (access(dir, R_OK))
		ret = error("%s has no series for %s (no %s): give the --out of 'kseries series "
			    "--rev %s', or leave --series-out out", series_out, rev, dir, rev);
	else
		ret = patchset_list_dir(dir, patches, 0);
	free(name);
	free(dir);
	return ret;
}

/* kseries series --no-build of rev into out/series: where the patches come from otherwise. */
static int run_series(const struct boot_args *a, const char *repo, char **series_out)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	int ret;

	if (n < 0)
		return error_errno("cannot find kseries itself (/proc/self/exe)");
	self[n] = '\0';
	*series_out = xstrfmt("%s/series", a->out);
	info("[%s] the series' patches: kseries series --no-build", a->rev);
	strvec_pushl(&cp.args, self, "series", "--no-build", "--quiet", "--kernel", repo, "--rev",
		     a->rev, "--out", *series_out, NULL);
	strvec_pushf(&cp.args, "--jobs=%d", a->o.jobs);
	ret = run_command(&cp);
	child_process_clear(&cp);
	/* 1: a revision with nothing to convert or with residuals still has its patches */
	return ret == 0 || ret == 1 ? 0 : error("kseries series failed on %s (exit %d)", a->rev, ret);
}

static int apply_patches(const char *wt, const struct strvec *patches)
{
	for (size_t i = 0; i < patches->nr; i++) {
		char *out = NULL;
		int ret = run_capture(&out, wt, "git", "apply", patches->v[i], NULL);

		free(out);
		if (ret)
			return error("%s does not apply to the tree: %s", patches->v[i],
				     run_capture_error());
	}
	return 0;
}

/* One of the two kernels: built in o_dir, its image and config kept in dir. */
static void build_one(const struct boot_args *a, const struct manifest *m, const char *wt,
		      const char *o_dir, struct test_kernel *k, struct rt_result *r)
{
	char *dir = xstrfmt("%s/%s", a->out, k->label), *log = xstrfmt("%s/build.log", dir);
	char *why = NULL, *img = xstrfmt("%s/arch/x86/boot/bzImage", o_dir);
	struct strvec dropped = STRVEC_INIT;
	struct timespec t0;

	mkdir(dir, 0777);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	info("[%s] building a bootable x86_64 kernel in %s", k->label, o_dir);
	k->wt = wt;
	k->o_dir = o_dir;
	if (kernel_boot(wt, m, &m->runtime_config, o_dir, log, a->o.jobs, &dropped,
			      &r->dropped, &why)) {
		r->state = RT_NOT_BUILT;
		r->why = why;
	} else {
		char *cfg = xstrfmt("%s/.config", o_dir);

		k->image = xstrfmt("%s/bzImage", dir);
		k->config = xstrfmt("%s/config", dir);
		if (run_capture(&why, NULL, "cp", img, k->image, NULL) ||
		    run_capture(&why, NULL, "cp", cfg, k->config, NULL)) {
			r->state = RT_NOT_BUILT;
			r->why = xstrfmt("no %s after the build: see %s", img, log);
		}
		r->config = read_file(cfg);
		free(cfg);
		free(why);
	}
	for (size_t i = 0; i < dropped.nr; i++)
		strvec_pushf(&r->dropped, "%s: olddefconfig did not keep it", dropped.v[i]);
	for (size_t i = 0; i < r->dropped.nr; i++)
		warning("[%s] not in this kernel: %s", k->label, r->dropped.v[i]);
	r->build_seconds = seconds_since(&t0);
	strvec_clear(&dropped);
	free(img);
	free(log);
	free(dir);
}

static int boot_all(const struct boot_args *a, const struct manifest *m, struct rt_result *rs,
		    size_t n)
{
	const char *accel = NULL;
	char *note = NULL;
	int ret;

	for (size_t i = 0; i < n; i++)
		runtime_guest(m, &rs[i], a->out, &a->o);
	for (size_t i = 0; i < n && !accel; i++)
		if (rs[i].guest_ready) {
			char *dir = xstrfmt("%s/%s", a->out, rs[i].k->label);

			accel = qemu_accel(a->o.accel, rs[i].k->image, dir, &note);
			if (note)
				info("%s", note);
			free(dir);
		}
	for (size_t i = 0; i < n; i++)
		if (rs[i].guest_ready)
			runtime_boot(m, &rs[i], a->out, accel, &a->o);
	ret = runtime_write(a->out, m, rs, n, accel ? accel : "(not booted)", note);
	{
		char *path = xstrfmt("%s/runtime.txt", a->out), *text = read_file(path);

		fputs(text ? text : "", stdout);
		free(text);
		free(path);
	}
	free(note);
	return ret;
}

static char *image_release(const char *image);

/* The prebuilt kernel's inputs: readable, a bzImage, its modules there. */
static void check_prebuilt(const struct boot_args *a, const struct manifest *m)
{
	char *release, *modules;

	if (access(a->image, R_OK))
		die("cannot read the kernel image %s", a->image);
	if (access(a->headers, R_OK))
		die("cannot read the headers %s: apt-get install linux-headers-RELEASE", a->headers);
	if (!(release = image_release(a->image)))
		die("%s is no bzImage (no setup header with a kernel version): give a vmlinuz, "
		    "such as /boot/vmlinuz-RELEASE", a->image);
	modules = a->modules ? xstrdup(a->modules) : xstrfmt("/lib/modules/%s", release);
	if (m->runtime_modules.nr && access(modules, R_OK))
		die("no modules of %s in %s: apt-get install linux-image-%s, or give --modules DIR",
		    release, modules, release);
	free(release);
	free(modules);
}

void boot_check_args(const struct boot_args *a, const struct manifest *m)
{
	char repo[PATH_MAX];

	qemu_check_installed();
	if (a->image) {
		check_prebuilt(a, m);
		return;
	}
	if (access(a->kernel, R_OK) || !realpath(a->kernel, repo) || !cmdcheck_is_git_repo(repo))
		die("cannot read the kernel %s: give a kernel git repo", a->kernel);
	free(cmdcheck_kernel_commit(repo, a->kernel, a->rev, "--rev"));
	cmdcheck_out_not_in_repo(repo, a->out);
}

int boot_revision(const struct boot_args *a, const struct manifest *m)
{
	char repo[PATH_MAX], *commit, *wt = xstrfmt("%s/worktree", a->out), *note = NULL;
	char *o_dir = xstrfmt("%s/build", a->out), *series_out = NULL;
	struct test_kernel k[2] = { { .label = "before" }, { .label = "after" } };
	struct rt_result rs[2] = { { .k = &k[0] }, { .k = &k[1] } };
	struct strvec patches = STRVEC_INIT;
	int ret = 2;

	/* boot_check_args checked them */
	if (!realpath(a->kernel, repo))
		die("cannot read the kernel %s: give a kernel git repo", a->kernel);
	commit = cmdcheck_kernel_commit(repo, a->kernel, a->rev, "--rev");
	if (a->patches_dir ? patchset_list_dir(a->patches_dir, &patches, 0) :
	    a->series_out ? series_patches(a->series_out, a->rev, &patches) :
	    run_series(a, repo, &series_out) || series_patches(series_out, a->rev, &patches))
		goto out;
	if (!patches.nr) {
		error("the series has no patches for %s (already converted?): nothing to boot after it",
		      a->rev);
		goto out;
	}
	info("[%s] %zu patches; worktree at %s", a->rev, patches.nr, wt);
	worktree_remove_at_exit(repo, wt);
	if (worktree_add_sparse(repo, &m->tokens, wt, commit) || prepare_tree(wt, &note))
		goto out;
	build_one(a, m, wt, o_dir, &k[0], &rs[0]);
	/* the probe is built against the kernel before the series changes its headers */
	runtime_guest(m, &rs[0], a->out, &a->o);
	if (apply_patches(wt, &patches))
		goto out;
	build_one(a, m, wt, o_dir, &k[1], &rs[1]);
	ret = boot_all(a, m, rs, 2);
out:
	worktree_remove_now(repo, wt);
	for (size_t i = 0; i < 2; i++) {
		rt_result_clear(&rs[i]);
		free(k[i].image);
		free(k[i].config);
	}
	strvec_clear(&patches);
	free(series_out);
	free(commit);
	free(note);
	free(wt);
	free(o_dir);
	return ret;
}

/*
 * The release a bzImage says it is (its setup header's kernel_version
 * string, boot protocol 2.0+: uname -r of the kernel), or NULL.
 */
static char *image_release(const char *image)
{
	FILE *f = fopen(image, "rb");
	unsigned char off[2];
	char buf[256] = "", magic[4];

	if (!f)
		return NULL;
	/* the setup header's "HdrS" at 0x202: any other file is no bzImage */
	if (fseek(f, 0x202, SEEK_SET) || fread(magic, 1, 4, f) != 4 || memcmp(magic, "HdrS", 4) ||
	    fseek(f, 0x20e, SEEK_SET) || fread(off, 1, 2, f) != 2 ||
	    fseek(f, 0x200 + (off[0] | off[1] << 8), SEEK_SET) || !fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, " ")] = '\0';
	return buf[0] ? xstrdup(buf) : NULL;
}

int boot_prebuilt(const struct boot_args *a, const struct manifest *m)
{
	struct test_kernel k = { .label = "kernel" };
	struct rt_result r = { .k = &k };
	char *cfg;
	int ret;

	/* boot_check_args checked each of them */
	k.image = realpath(a->image, NULL);
	k.headers = realpath(a->headers, NULL);
	k.release = image_release(k.image);
	k.modules = a->modules ? xstrdup(a->modules) : xstrfmt("/lib/modules/%s", k.release);
	cfg = xstrfmt("%s/.config", k.headers);
	r.config = read_file(cfg);
	if (!r.config) {
		free(cfg);
		cfg = xstrfmt("/boot/config-%s", k.release);
		r.config = read_file(cfg);
	}
	if (!r.config)
		warning("no .config of %s (%s/.config, %s): every watched message counts as not "
			"checked", k.release, k.headers, cfg);
	k.config = cfg;
	ret = boot_all(a, m, &r, 1);
	rt_result_clear(&r);
	free(k.image);
	free(k.headers);
	free(k.release);
	free(k.modules);
	free(k.config);
	return ret;
}
