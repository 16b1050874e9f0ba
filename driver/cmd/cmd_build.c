/*
 * kseries build: the build matrix and its proof for any commits BASE..TIP
 * of the user's repo (a series kseries wrote, a stable backport, a vendor's
 * cherry-picks), with the same report and matrix files as series.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "kbuild/userconfig.h"
#include "cmd/options.h"
#include "commands.h"
#include "core/arch.h"
#include "core/cmdcheck.h"
#include "core/manifest.h"
#include "core/outdir.h"
#include "core/worktree.h"
#include "kbuild/prepare.h"
#include "kbuild/toolchain.h"
#include "lib/cleanup.h"
#include "lib/clock.h"
#include "lib/fileio.h"
#include "lib/paths.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "report/report.h"
#include "proof/proof.h"
#include "series/build_stage.h"
#include "series/series.h"

static const struct command_usage usage_build = {
	"build", "--kernel REPO --base REV --tip REV --out DIR [options]",
	"  Cross-build the commits BASE..TIP of REPO (any branch; REPO is not\n"
	"  touched: the build happens in a worktree under DIR) on each arch: the\n"
	"  objects of the files the commits change and of the files that hold the\n"
	"  series' tokens, at BASE and at TIP, then each commit between for\n"
	"  bisectability. The proof: every changed line of code was compiled on some\n"
	"  arch (gcc -E of each object with its own flags), and every function the\n"
	"  series does not touch compiles to the same code at BASE and TIP. A hunk is\n"
	"  the series' when a line of it names one of the series' tokens, or its lines\n"
	"  belong to what such a line names (or --all-hunks); a function only other\n"
	"  hunks change is 'unexpected'. See docs/proof.md.\n"
	"  Writes DIR/<BASE..TIP>/report.txt, report.json, build/, DIR/matrix.txt\n"
	"  and matrix.json, as 'kseries series' does.\n",
	"Exit status: 0 every cell built, every line proven, no unexpected change;\n"
	"1 a cell failed, a line no arch compiled (unless --allow-unproven) or an\n"
	"unexpected change; 2 bad usage or environment.\n",
	0, 0,
};

struct build_args {
	const char *kernel, *base, *tip, *out;
	struct strvec archs, defines;
	struct strvec kconfig_args, kconfigs;	/* --kconfig as given; "ARCH=/abs/FILE" */
	struct strvec expect;		/* --expect: as given, then their full shas */
	const char *cc_wrapper;
	int jobs, force, bisect, allow_unproven, all_hunks, warnings;
};

static void parse_args(int argc, char **argv, struct build_args *a)
{
	const struct opt opts[] = {
		OPT_STRING("kernel", 0, &a->kernel, "REPO", "a kernel git repo"),
		OPT_STRING("base", 0, &a->base, "REV", "the commit before the series"),
		OPT_STRING("tip", 0, &a->tip, "REV", "the series' last commit"),
		OPT_STRING("out", 'o', &a->out, "DIR", "output folder"),
		OPT_JOBS(&a->jobs),
		OPT_LIST("arch", 0, &a->archs, "ARCH",
			 "build only these (x86_64 arm64 arm powerpc mips); repeat"),
		OPT_LIST("kconfig", 0, &a->kconfig_args, "[ARCH=]FILE",
			 "start ARCH's build from this .config, not its defconfig (a vendor's own); repeat"),
		OPT_CLEAR("no-bisect", &a->bisect, "build BASE and TIP only, not each commit"),
		OPT_CLEAR("no-warnings", &a->warnings,
			  "build without W=1 and sparse: new warnings are not looked for"),
		OPT_FLAG("allow-unproven", 0, &a->allow_unproven,
			 "a changed line no arch compiled is reported, not a failure"),
		OPT_STRING("cc-wrapper", 0, &a->cc_wrapper, "CMD",
			   "put CMD (distcc, icecc) in front of every compile; after ccache"),
		OPT_FLAG("all-hunks", 0, &a->all_hunks,
			 "every hunk is the series' (a branch whose every change is meant)"),
		OPT_LIST("expect", 0, &a->expect, "COMMIT",
			 "a commit of BASE..TIP whose changes are meant too (a vendor's own); repeat"),
		OPT_FLAG("force", 0, &a->force, "replace what an earlier kseries run wrote in DIR (only that)"),
		OPT_END(),
	};
	struct strvec args = STRVEC_INIT;

	a->jobs = default_jobs();
	a->bisect = 1;
	a->warnings = 1;
	parse_options(argc, argv, &usage_build, opts, &args, &a->defines);
	strvec_clear(&args);
	toolchain_use_wrapper(a->cc_wrapper);
	if (!a->kernel)
		die("no kernel given: kseries build --kernel REPO --base REV --tip REV --out DIR");
	if (!a->base || !a->tip)
		die("build needs --base REV and --tip REV: the commits BASE..TIP are built and proven");
	if (!a->out)
		die("no output folder given: add --out DIR");
	arch_check_names(&a->archs);
	userconfig_check(&a->kconfig_args, a->archs.nr ? &a->archs : NULL, &a->kconfigs);
}

/* The commits of base..tip, oldest first, with their subjects and files. */
static void read_commits(const char *repo, const char *base, const char *tip, struct rev_result *r,
			 struct strvec *commits)
{
	char *range = xstrfmt("%s..%s", base, tip), *out = NULL;

	run_capture(&out, repo, "git", "rev-list", "--reverse", "--first-parent", range, NULL);
	strvec_split_lines(commits, out ? out : "");
	free(out);
	free(range);
	r->patches = xcalloc(commits->nr + 1, sizeof(*r->patches));
	for (size_t i = 0; i < commits->nr; i++) {
		struct patch_result *p = &r->patches[r->nr_patches++];
		char *subject = NULL, *files = NULL, *parent = xstrfmt("%s^", commits->v[i]);

		run_capture(&subject, repo, "git", "log", "-1", "--format=%s", commits->v[i], NULL);
		run_capture(&files, repo, "git", "diff", "--name-only", "--no-renames", parent,
			    commits->v[i], NULL);
		p->subject = xstrndup(subject ? subject : "", strcspn(subject ? subject : "", "\n"));
		strvec_split_lines(&p->files, files ? files : "");
		p->cp_errors = p->cp_warnings = -1;
		free(subject);
		free(files);
		free(parent);
	}
}

/* What to build: the files the commits change, and those holding the series' tokens at base. */
static void build_files(const char *repo, const struct manifest *m, const char *base,
			struct rev_result *r, struct strvec *files)
{
	struct strvec tokens = STRVEC_INIT;

	for (size_t i = 0; i < r->nr_patches; i++)
		for (size_t f = 0; f < r->patches[i].files.nr; f++)
			if (!strvec_contains(files, r->patches[i].files.v[f]))
				strvec_push(files, r->patches[i].files.v[f]);
	/* the report's "files holding the tokens": at base, as series counts them */
	if (!grep_tokens(repo, base, &m->tokens, &tokens)) {
		r->candidates = tokens.nr;
		r->searched = 1;
	}
	for (size_t i = 0; i < tokens.nr; i++)
		if (!strvec_contains(files, tokens.v[i]))
			strvec_push(files, tokens.v[i]);
	strvec_sort(files);
	strvec_clear(&tokens);
}

struct range {
	const struct build_args *a;
	const char *repo;
	const struct manifest *m;
	const char *base, *tip;
};

/* The matrix, its proof, each commit on its own: into r. Returns the failed cells, or -1. */
static int build_range(const struct range *g, const char *wt, const char *bdir, struct rev_result *r)
{
	struct strvec commits = STRVEC_INIT, files = STRVEC_INIT;
	struct build_request q;
	int n;

	read_commits(g->repo, g->base, g->tip, r, &commits);
	build_files(g->repo, g->m, g->base, r, &files);
	series_diff_stats(g->repo, g->base, g->tip, r);
	info("[%s] %zu commits, %zu files to build", r->rev, commits.nr, files.nr);
	q = (struct build_request){ .wt = wt, .base = g->base, .head = g->tip, .dir = bdir,
				    .files = &files, .archs = g->a->archs.nr ? &g->a->archs : NULL,
				    .scope = g->a->all_hunks ? NULL : &g->m->tokens, .m = g->m,
				    .expect = &g->a->expect,
				    .jobs = g->a->jobs, .bisect = g->a->bisect,
				    .allow_unproven = g->a->allow_unproven,
				    .kconfigs = g->a->kconfigs.nr ? &g->a->kconfigs : NULL,
				    .warnings = build_warning_checks(g->a->warnings) };
	n = series_build(&q, r);
	strvec_clear(&commits);
	strvec_clear(&files);
	return n;
}

/* Each unexpected function once (the first cell that has it), with its commit: on stderr. */
static void say_unexpected(const struct rev_result *r)
{
	struct strvec seen = STRVEC_INIT;
	size_t more = 0;

	for (size_t i = 0; r->proof && i < r->proof->nr_cells; i++) {
		const struct strvec *u = &r->proof->cells[i].ident.unexpected_list;

		for (size_t k = 0; k < u->nr; k++) {
			if (strvec_contains(&seen, u->v[k]))
				continue;
			strvec_push(&seen, u->v[k]);
			if (seen.nr <= 10)
				warning("[%s] unexpected on %s: %s", r->rev, r->cells[i].arch, u->v[k]);
			else
				more++;
		}
	}
	if (more)
		warning("[%s] %zu more unexpected functions: see report.txt", r->rev, more);
	strvec_clear(&seen);
}

/* One range in rev_dir: worktree, build, report. 0 all good, 1 not. */
static int run_range(const struct range *g, const char *name, const char *rev_dir)
{
	char *wt = xstrfmt("%s/worktree", rev_dir), *bdir = xstrfmt("%s/build", rev_dir);
	char *marker = xstrfmt("%s/INCOMPLETE", rev_dir);
	struct rev_result r = { 0 };
	struct timespec t0;
	int n = -1, ret;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	r.rev = xstrdup(name);
	r.commit = xstrdup(g->base);
	r.state = REV_FAILED;
	if (mkdir(rev_dir, 0777) && errno != EEXIST)
		die_errno("cannot create %s", rev_dir);
	write_file(marker, "kseries did not finish this range: its output is partial\n");
	usage_context(name);
	info("[%s] worktree at %s", name, wt);
	worktree_remove_at_exit(g->repo, wt);
	if (worktree_add_sparse(g->repo, &g->m->tokens, wt, g->base))
		r.error = xstrfmt("cannot make the worktree %s at %s", wt, g->base);
	else if (prepare_tree(wt, &r.build_note))
		r.error = xstrdup("cannot check out the whole tree for the build");
	else if ((n = build_range(g, wt, bdir, &r)) < 0)
		r.error = xstrdup("the build stopped on an error: see the messages above");
	else if (n && !(r.error = build_failure(&r, g->a->allow_unproven)))
		r.error = xstrfmt("%d failed cells or an incomplete proof: see report.txt", n);
	else if (!n)
		r.state = REV_CONVERTED;
	worktree_remove_now(g->repo, wt);
	r.seconds = seconds_since(&t0);
	if (!report_write(rev_dir, &r, &g->m->kinds))
		remove(marker);
	ret = r.state == REV_FAILED;
	say_unexpected(&r);
	if (ret && r.error)
		error("[%s] %s", name, r.error);
	info("[%s] %s (%.0fs)", name, ret ? "failed" : "built and proven", r.seconds);
	usage_context(NULL);
	rev_result_clear(&r);
	free(wt);
	free(bdir);
	free(marker);
	return ret;
}

/* --expect COMMIT...: each a commit of base..tip, as its full sha (else exit 2, saying which). */
static void resolve_expected(const char *repo, const char *base, const char *tip, struct strvec *expect)
{
	for (size_t i = 0; i < expect->nr; i++) {
		char *spec = xstrfmt("%s^{commit}", expect->v[i]), *sha = NULL, *o = NULL;

		if (run_capture(&sha, repo, "git", "rev-parse", "--verify", "-q", spec, NULL) || !sha)
			die("--expect %s: not a commit of %s: give a commit of --base..--tip", expect->v[i],
			    repo);
		sha[strcspn(sha, "\n")] = '\0';
		int in_tip = !run_capture(&o, repo, "git", "merge-base", "--is-ancestor", sha, tip, NULL);

		free(o);
		o = NULL;
		if (!in_tip || !run_capture(&o, repo, "git", "merge-base", "--is-ancestor", sha, base, NULL))
			die("--expect %s: not a commit between --base and --tip (git log %.12s..%.12s "
			    "lists them)", expect->v[i], base, tip);
		free(expect->v[i]);
		expect->v[i] = sha;
		free(spec);
		free(o);
	}
}

int cmd_build(int argc, char **argv)
{
	struct build_args a = { .archs = STRVEC_INIT, .expect = STRVEC_INIT,
				.kconfig_args = STRVEC_INIT, .kconfigs = STRVEC_INIT };
	struct manifest m = { 0 };
	struct strvec dirs = STRVEC_INIT, names = STRVEC_INIT;
	char repo[PATH_MAX], out[PATH_MAX], *marker, *base, *tip, *dir;
	struct range g;
	int failed;

	parse_args(argc, argv, &a);
	if (access(a.kernel, R_OK) || !realpath(a.kernel, repo))
		die("cannot read the kernel %s: give a kernel git repo", a.kernel);
	if (!cmdcheck_is_git_repo(repo))
		die("%s is not a git repo: build proves commits, so it needs one (git init; "
		    "git add -A; git commit, then your series on top)", a.kernel);
	if (manifest_load(&m, kseries_cocci_dir()))
		return 2;
	base = cmdcheck_kernel_commit(repo, a.kernel, a.base, "--base");
	tip = cmdcheck_kernel_commit(repo, a.kernel, a.tip, "--tip");
	if (!strcmp(base, tip))
		die("--base %s and --tip %s are the same commit: there is nothing to build", a.base, a.tip);
	{
		char *o = NULL;

		if (run_capture(&o, repo, "git", "merge-base", "--is-ancestor", base, tip, NULL))
			die("--base %s is not an ancestor of --tip %s: give the commit the series "
			    "starts from (git merge-base %s %s)", a.base, a.tip, a.base, a.tip);
		free(o);
	}
	resolve_expected(repo, base, tip, &a.expect);
	cmdcheck_out_not_in_repo(repo, a.out);
	cmdcheck_out_buildable(a.out);
	outdir_prepare(a.out, a.force, repo);
	if (!realpath(a.out, out))
		die("cannot resolve %s", a.out);
	cleanup_install();
	strvec_pushf(&names, "%s..%s", a.base, a.tip);
	dir = outdir_rev_name(names.v[0]);
	strvec_pushf(&dirs, "%s/%s", out, dir);
	marker = xstrfmt("%s/INCOMPLETE", out);
	write_file(marker, "kseries did not finish: this output is partial\n");
	g = (struct range){ .a = &a, .repo = repo, .m = &m, .base = base, .tip = tip };
	failed = run_range(&g, names.v[0], dirs.v[0]);
	report_matrix(out, &dirs, &names);
	remove(marker);
	report_show_matrix(out);
	free(marker);
	free(dir);
	free(base);
	free(tip);
	strvec_clear(&dirs);
	strvec_clear(&names);
	strvec_clear(&a.archs);
	strvec_clear(&a.kconfig_args);
	strvec_clear(&a.kconfigs);
	strvec_clear(&a.defines);
	strvec_clear(&a.expect);
	manifest_clear(&m);
	return failed ? 1 : 0;
}
