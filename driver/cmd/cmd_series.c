/* kseries series: regenerate the patch series on kernel revisions. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "kbuild/userconfig.h"
#include "cmd/options.h"
#include "commands.h"
#include "core/revsweep.h"
#include "core/arch.h"
#include "core/cmdcheck.h"
#include "core/manifest.h"
#include "core/outdir.h"
#include "core/worktree.h"
#include "kbuild/toolchain.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/paths.h"
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "posting/patchset.h"
#include "report/report.h"
#include "rules/rule_check.h"
#include "rules/spatch.h"
#include "runtime/boot_kernels.h"
#include "runtime/qemu.h"
#include "series/series.h"

static const struct command_usage usage_series = {
	"series", "--kernel REPO --rev REV [--rev REV ...] --out DIR [options]",
	"  Regenerate the patch series on each revision of REPO, without touching\n"
	"  REPO: a git worktree under DIR, the rules applied patch by patch and\n"
	"  committed, catch-all patches for files no manifest entry names, a residual\n"
	"  check, git format-patch with a cover letter, checkpatch, the build matrix\n"
	"  (per arch: the API's objects before and after the series), and a report.",
	"--jobs N runs up to N revisions at once and shares the N among their spatch\n"
	"and make processes.\n"
	"\n"
	"Exit status: 0 all good; 1 a revision failed, has residual uses or parse\n"
	"errors; 2 bad usage or environment.\n",
	0, 0,
};

struct series_args {
	const char *kernel, *out;
	struct strvec revs, archs;
	struct strvec kconfig_args, kconfigs;	/* --kconfig as given; "ARCH=/abs/FILE" */
	const char *cc_wrapper, *reroll;
	int jobs, force, boot;
	struct series_opts so;
};

static void parse_args(int argc, char **argv, struct series_args *a)
{
	const struct opt opts[] = {
		OPT_STRING("kernel", 0, &a->kernel, "REPO",
			   "a kernel git repo, or a plain kernel directory (then no --rev)"),
		OPT_LIST("rev", 0, &a->revs, "REV", "a revision (tag, branch, commit), a tag pattern "
			 "('v4.4.*') or a range of tags (v4.4.1..v4.4.9); repeat for several"),
		OPT_STRING("out", 'o', &a->out, "DIR", "output folder: DIR/<rev>/series/, report.txt,\n"
			   "report.json, DIR/matrix.txt, matrix.json"),
		OPT_JOBS(&a->jobs),
		OPT_LIST("arch", 0, &a->archs, "ARCH",
			 "build only these (x86_64 arm64 arm powerpc mips); repeat"),
		OPT_LIST("kconfig", 0, &a->kconfig_args, "[ARCH=]FILE",
			 "start ARCH's build from this .config, not its defconfig (a vendor's own); repeat"),
		OPT_CLEAR("no-build", &a->so.build, "skip the build matrix"),
		OPT_CLEAR("no-bisect", &a->so.bisect, "build the series as a whole only, not patch by patch"),
		OPT_CLEAR("no-warnings", &a->so.warnings,
			  "build without W=1 and sparse: new warnings are not looked for"),
		OPT_FLAG("allow-unproven", 0, &a->so.allow_unproven,
			 "a changed line no arch compiled is reported, not a failure"),
		OPT_STRING("branch", 0, &a->so.branch_prefix, "PREFIX",
			   "also create the branch PREFIX/<rev> in REPO"),
		OPT_STRING("cc-wrapper", 0, &a->cc_wrapper, "CMD",
			   "put CMD (distcc, icecc) in front of every compile; after ccache"),
		OPT_FLAG("signoff", 's', &a->so.signoff, "add Signed-off-by to every patch"),
		OPT_FLAG("boot", 0, &a->boot, "then boot each converted revision before and after the\n"
			 "series under qemu (kseries boot): DIR/<rev>/boot/runtime.txt"),
		OPT_FLAG("force", 0, &a->force, "replace what an earlier kseries run wrote in DIR (only that)"),
		OPT_LIST("to", 0, &a->so.post.to, "ADDR", "To: of every mail (repeat for several)"),
		OPT_LIST("cc", 0, &a->so.post.cc, "ADDR", "Cc: of every mail, besides the maintainers"),
		OPT_FLAG("no-cc", 0, &a->so.post.no_cc, "no Cc lines from the tree's get_maintainer.pl"),
		OPT_STRING("reroll-count", 0, &a->reroll, "N", "version N of the series: [PATCH vN 00/M]"),
		OPT_STRING("previous", 0, &a->so.post.previous, "DIR",
			   "an earlier kseries output: \"Changes since\" in the cover letter\n"
			   "from git range-diff, DIR/<rev>/range-diff.txt"),
		OPT_STRING("stable", 0, &a->so.post.stable, "UPSTREAM-REV",
			   "the stable trees' form: \"commit <sha> upstream.\" where\n"
			   "UPSTREAM-REV has a commit of the patch's subject"),
		OPT_END(),
	};
	struct strvec args = STRVEC_INIT;

	a->jobs = default_jobs();
	a->so.build = 1;
	a->so.bisect = 1;
	a->so.warnings = 1;
	parse_options(argc, argv, &usage_series, opts, &args, &a->so.co.defines);
	strvec_clear(&args);
	toolchain_use_wrapper(a->cc_wrapper);
	if (a->reroll) {
		long n;

		if (whole_number(a->reroll, 2, 999, &n))
			die("--reroll-count %s: give the version number, 2 or more", a->reroll);
		a->so.post.reroll = (int)n;
	}
	if (!a->kernel)
		die("no kernel given: kseries series --kernel REPO --rev REV --out DIR");
	arch_check_names(&a->archs);
	a->so.archs = a->archs.nr ? &a->archs : NULL;
	userconfig_check(&a->kconfig_args, a->so.archs, &a->kconfigs);
	a->so.kconfigs = a->kconfigs.nr ? &a->kconfigs : NULL;
	if (!a->out)
		die("no output folder given: add --out DIR");
	if (a->boot)
		qemu_check_installed();	/* before any work, not after the series */
}

/* A plain directory becomes one commit of a scratch repo under out. */
static char *snapshot_plain_dir(const char *kernel, const char *out)
{
	char *git_dir = xstrfmt("%s/.kernel-snapshot.git", out);
	struct child_process cp = CHILD_PROCESS_INIT;
	int ret;

	info("%s is not a git repo: taking a snapshot of it in %s", kernel, git_dir);
	cleanup_add_dir(git_dir);
	strvec_pushl(&cp.args, "git", "init", "-q", "--bare", git_dir, NULL);
	cp.quiet_err = 1;
	ret = run_command(&cp);
	child_process_clear(&cp);
	if (!ret) {
		strvec_pushl(&cp.args, "git", "--git-dir", git_dir, "--work-tree", kernel, "add", "-A",
			     NULL);
		cp.quiet_err = 1;
		ret = run_command(&cp);
		child_process_clear(&cp);
	}
	if (!ret) {
		strvec_pushl(&cp.args, "git", "--git-dir", git_dir, "--work-tree", kernel,
			     "-c", "user.name=kseries", "-c", "user.email=kseries@localhost",
			     "commit", "-q", "-m", "snapshot of the kernel directory", NULL);
		cp.quiet_err = 1;
		ret = run_command(&cp);
		child_process_clear(&cp);
	}
	if (ret)
		die("cannot take a snapshot of %s: is it readable?", kernel);
	return git_dir;
}

/* Every --rev resolves to a commit of a kernel tree, or a one-line exit 2. */
static void check_revisions(const struct series_args *a, struct strvec *commits)
{
	for (size_t i = 0; i < a->revs.nr; i++) {
		char *commit = cmdcheck_kernel_commit(a->so.repo, a->kernel, a->revs.v[i], "--rev");

		strvec_push(commits, commit);
		free(commit);
	}
}
/* Each revision once: folder names are reversible, so only a repeat collides. */
static void refuse_repeats(const struct strvec *revs)
{
	for (size_t i = 0; i < revs->nr; i++)
		for (size_t j = 0; j < i; j++)
			if (!strcmp(revs->v[i], revs->v[j]))
				die("--rev %s is given twice: give each revision once", revs->v[i]);
}

/* --rev patterns and ranges of tags, each tag once, in version order (revsweep.h); said. */
static void sweep_revisions(const char *repo, struct strvec *revs)
{
	struct strvec raw = *revs, said = STRVEC_INIT;

	*revs = (struct strvec)STRVEC_INIT;
	revsweep_expand(repo, &raw, revs, &said);
	for (size_t i = 0; i < said.nr; i++)
		info("%s", said.v[i]);
	strvec_clear(&said);
	strvec_clear(&raw);
}

/* Every revision gets a folder of its own, named by outdir_rev_name(). */
static void name_revisions(const struct series_args *a, const char *out, struct strvec *dirs)
{
	for (size_t i = 0; i < a->revs.nr; i++) {
		char *name = outdir_rev_name(a->revs.v[i]);

		strvec_pushf(dirs, "%s/%s", out, name);
		free(name);
	}
}

/* One revision, in a process of its own (a job of run_parallel). */
struct revision_job {
	const struct series_args *a;
	const char *rev, *commit, *dir;
};

static int revision_job(void *data)
{
	const struct revision_job *j = data;
	struct rev_result r;
	int ret = series_revision(&j->a->so, j->rev, j->commit, j->dir, &r);

	rev_result_clear(&r);
	return ret;
}

/* Run each revision in a child of its own, at most jobs at once (the one scheduler). */
static int run_revisions(const struct series_args *a, const struct strvec *commits,
			 const struct strvec *dirs)
{
	size_t n = a->revs.nr;
	struct child_process *cps = xcalloc(n, sizeof(*cps));
	struct revision_job *jobs = xcalloc(n, sizeof(*jobs));
	int *results = xcalloc(n, sizeof(*results)), failed;

	for (size_t i = 0; i < n; i++) {
		char *wt = xstrfmt("%s/worktree", dirs->v[i]);

		/* the parent removes it too if the child is killed */
		worktree_remove_at_exit(a->so.repo, wt);
		free(wt);
		jobs[i] = (struct revision_job){ a, a->revs.v[i], commits->v[i], dirs->v[i] };
		cps[i] = (struct child_process)CHILD_PROCESS_INIT;
		strvec_pushf(&cps[i].args, "kseries series [%s]", a->revs.v[i]);
		cps[i].fn = revision_job;
		cps[i].fn_data = &jobs[i];
	}
	failed = run_parallel(cps, n, a->jobs, results) ? 1 : 0;
	for (size_t i = 0; i < n; i++) {
		/* kseries itself crashed (a stop signal has stopped the run already) */
		if (results[i] > 128)
			error("[%s] kseries crashed (signal %d, %s): its output is partial; please "
			      "report it with the command line", a->revs.v[i], results[i] - 128,
			      strsignal(results[i] - 128));
		child_process_clear(&cps[i]);
	}
	free(cps);
	free(jobs);
	free(results);
	return failed;
}

/* --boot: kseries boot of each converted revision, its patches from this run. */
static int boot_revisions(const struct series_args *a, const struct manifest *m,
			  const struct strvec *dirs)
{
	int failed = 0;

	if (!m->runtime_probe) {
		error("--boot: the series %s has no \"runtime\" data (docs/runtime.md)", m->dir);
		return 1;
	}
	for (size_t i = 0; i < dirs->nr; i++) {
		char *path = xstrfmt("%s/report.json", dirs->v[i]), *text = read_file(path);
		struct boot_args b = { .kernel = a->so.repo, .rev = a->revs.v[i],
				       .o = { "auto", 600, a->jobs } };

		b.patches_dir = xstrfmt("%s/series", dirs->v[i]);
		b.out = xstrfmt("%s/boot", dirs->v[i]);
		if (text && strstr(text, "\"state\": \"converted\"")) {
			if (mkdir(b.out, 0777))
				die_errno("cannot create %s", b.out);
			failed += boot_revision(&b, m) != 0;
		} else {
			info("[%s] --boot: not converted here, nothing to boot", a->revs.v[i]);
		}
		free((char *)b.patches_dir);
		free((char *)b.out);
		free(text);
		free(path);
	}
	return failed;
}

/* --out, before it is made: outside the repo, a path Kbuild takes, not holding --previous. */
static void check_out(const struct series_args *a, const char *repo)
{
	if (repo)
		cmdcheck_out_not_in_repo(repo, a->out);
	if (a->so.build)
		cmdcheck_out_buildable(a->out);
	/* --force would empty it before it is read */
	if (path_within(a->out, a->so.post.previous))
		die("--previous %s is inside --out %s, which this run empties (--force) or refuses: "
		    "write the new version to another --out (say %s-v2)", a->so.post.previous, a->out,
		    a->out);
}

/*
 * The stable trees' form turns on the series' options marked "stable" (a
 * fix the stable trees took) unless --no-NAME: said once.
 */
static void stable_defaults(const struct manifest *m, struct strvec *defines)
{
	for (size_t i = 0; i < m->options.rows; i++) {
		const char *name = cell(&m->options, i, OPTION_NAME);
		const char *define = cell(&m->options, i, OPTION_DEFINE);

		if (!m->option_stable[i] || option_turned_off(define) || strvec_contains(defines, define))
			continue;
		strvec_push(defines, define);
		note("--stable turns --%s on, the form the stable trees took (--no-%s for the other)",
		     name, name);
	}
}

int cmd_series(int argc, char **argv)
{
	struct series_args a = { 0 };
	struct strvec commits = STRVEC_INIT, dirs = STRVEC_INIT;
	struct manifest m = { 0 };
	char repo_abs[PATH_MAX], out_abs[PATH_MAX], *marker, *snapshot = NULL;
	int failed, status, git;

	parse_args(argc, argv, &a);
	if (access(a.kernel, R_OK) || !realpath(a.kernel, repo_abs))
		die("cannot read the kernel %s: give a kernel git repo or directory", a.kernel);
	if (spatch_check() || manifest_load(&m, kseries_cocci_dir()) ||
	    rule_check_files(&m, &a.so.co.defines, a.jobs)) {
		status = 2;
		goto out;
	}
	a.so.m = &m;
	if (a.so.post.stable)
		stable_defaults(&m, &a.so.co.defines);
	/* every check of the input before anything is written */
	git = cmdcheck_is_git_repo(repo_abs);
	if (git) {
		a.so.repo = repo_abs;
		if (!a.revs.nr)
			die("no revision given: add --rev REV (a tag, branch or commit of %s)", a.kernel);
		refuse_repeats(&a.revs);
		sweep_revisions(repo_abs, &a.revs);
		check_revisions(&a, &commits);
	} else {
		if (a.revs.nr)
			die("%s is not a git repo, so it has no revisions: drop --rev", a.kernel);
		if (a.so.branch_prefix)
			die("%s is not a git repo: --branch needs one", a.kernel);
	}
	posting_check_opts(git ? repo_abs : NULL, &a.so.post, &a.revs);
	/* then whether commits can have an author */
	if (patchset_check_identity(git ? repo_abs : NULL)) {
		status = 2;
		goto out;
	}
	check_out(&a, git ? repo_abs : NULL);
	outdir_prepare(a.out, a.force, git ? repo_abs : NULL);
	if (!realpath(a.out, out_abs))
		die("cannot resolve %s", a.out);
	cleanup_install();
	if (!git) {
		snapshot = snapshot_plain_dir(repo_abs, out_abs);
		a.so.repo = snapshot;
		strvec_push(&a.revs, "HEAD");
		check_revisions(&a, &commits);
	}
	name_revisions(&a, out_abs, &dirs);

	/* one --jobs: N processes, shared by the revisions running side by side */
	a.so.co.jobs = a.jobs / (a.jobs < (int)a.revs.nr ? a.jobs : (int)a.revs.nr);
	if (a.so.co.jobs < 1)
		a.so.co.jobs = 1;
	marker = xstrfmt("%s/INCOMPLETE", out_abs);
	write_file(marker, "kseries did not finish: this output is partial\n");
	failed = run_revisions(&a, &commits, &dirs);
	if (a.boot)
		failed += boot_revisions(&a, &m, &dirs);
	report_matrix(out_abs, &dirs, &a.revs);
	remove(marker);
	report_show_matrix(out_abs);
	free(marker);
	status = failed ? 1 : 0;
out:
	free(snapshot);
	strvec_clear(&commits);
	strvec_clear(&dirs);
	strvec_clear(&a.revs);
	strvec_clear(&a.archs);
	strvec_clear(&a.kconfig_args);
	strvec_clear(&a.kconfigs);
	manifest_clear(&m);
	posting_opts_clear(&a.so.post);
	return status;
}
