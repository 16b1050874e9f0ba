/* kseries rewrite: apply every rule of the series to a kernel tree in place. */
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "commands.h"
#include "fileio.h"
#include "manifest.h"
#include "rules.h"
#include "run.h"
#include "spatch.h"
#include "tidy.h"
#include "usage.h"

static const char usage_text[] =
	"usage: kseries rewrite [--report] [--force] [--kvm-apic-range] [--jobs N] [--quiet] DIR\n"
	"  Apply every rule of the series, in manifest order, to the kernel tree DIR\n"
	"  in place, and print what changed per file. DIR is a scratch tree: a git\n"
	"  work tree with uncommitted changes is refused unless --force.\n"
	"\n"
	"  --report   list what the rules find (file:line:col: message); change nothing\n"
	"  --force    rewrite a git work tree that has uncommitted changes\n"
	"  --kvm-apic-range  keep x86's APIC access page check as a range hook called\n"
	"             from KVM's range_start callback (as Linux 4.15 fixed it), instead\n"
	"             of dropping it with invalidate_page as upstream 4.13 did\n"
	"  --jobs N   spatch processes (default: the number of CPUs)\n"
	"  --quiet    no progress messages\n"
	"\n"
	"Exit status: 0 done (or nothing to do), 1 residual uses or parse errors,\n"
	"2 bad usage or environment.\n";

static char *scratch_dir;

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void remove_scratch(void)
{
	if (scratch_dir) {
		nftw(scratch_dir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
		free(scratch_dir);
		scratch_dir = NULL;
	}
}

static void on_signal(int sig)
{
	remove_scratch();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* +added -deleted of one file against its saved copy, from git's numstat. */
static void count_changes(const char *before, const char *after, int *add, int *del)
{
	char *out = NULL;

	*add = *del = 0;
	run_capture(&out, NULL, "git", "diff", "--no-index", "--numstat", before, after, NULL);
	if (out)
		sscanf(out, "%d %d", add, del);
	free(out);
}

static int dirty_git_tree(const char *dir)
{
	char *out = NULL;
	int ret = run_capture(&out, dir, "git", "status", "--porcelain", "--untracked-files=no", NULL);
	int dirty = !ret && out && *out;

	free(out);
	return dirty;
}

struct rewrite_args {
	const char *dir;
	int report, force, jobs, kvm_apic_range;
};

static void parse_args(int argc, char **argv, struct rewrite_args *a)
{
	a->jobs = (int)sysconf(_SC_NPROCESSORS_ONLN);
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (!strcmp(arg, "--help") || !strcmp(arg, "-h")) {
			fputs(usage_text, stdout);
			exit(0);
		} else if (!strcmp(arg, "--report")) {
			a->report = 1;
		} else if (!strcmp(arg, "--kvm-apic-range")) {
			a->kvm_apic_range = 1;
		} else if (!strcmp(arg, "--force")) {
			a->force = 1;
		} else if (!strcmp(arg, "--quiet") || !strcmp(arg, "-q")) {
			usage_quiet = 1;
		} else if (!strcmp(arg, "--jobs") || !strcmp(arg, "-j")) {
			if (++i >= argc || (a->jobs = atoi(argv[i])) < 1)
				die("--jobs needs a number of processes, e.g. --jobs 2");
		} else if (arg[0] == '-') {
			die("unknown option '%s': see 'kseries rewrite --help'", arg);
		} else if (a->dir) {
			die("more than one tree given ('%s', '%s'): rewrite takes one DIR", a->dir, arg);
		} else {
			a->dir = arg;
		}
	}
	if (!a->dir)
		die("no kernel tree given: kseries rewrite DIR");
}

/*
 * Parse failures: an error where the unparsed code holds the tokens, a warning
 * per spot otherwise; macro definitions (no rule matches macro bodies) get one
 * warning per file, so real problems are not lost in the noise.
 */
static int report_parse_failures(const struct rules_opts *o, const char *dir,
				 const struct strvec *files, const struct strvec *tokens)
{
	struct parse_failure *f;
	size_t nr, macros = 0;
	int errors = 0, first = 0;

	if (rules_parse_check(o, dir, files, tokens, &f, &nr))
		return -1;
	for (size_t i = 0; i < nr; i++) {
		if (f[i].holds_tokens) {
			error("spatch cannot parse %s:%d (in %s), code that uses the API: "
			      "add a macro to cocci/kernel-macros.h", f[i].file, f[i].line, f[i].function);
			errors++;
		} else if (!f[i].in_macro) {
			warning("spatch cannot parse %s:%d (in %s); that code does not use the API",
				f[i].file, f[i].line, f[i].function);
		} else if (!macros++) {
			first = f[i].line;
		}
		/* failures come grouped by file: one line per file for its macros */
		if (macros && (i + 1 == nr || strcmp(f[i + 1].file, f[i].file))) {
			warning("spatch cannot parse %zu macro definition%s in %s (first at line %d); "
				"no rule matches macro bodies", macros, macros == 1 ? "" : "s",
				f[i].file, first);
			macros = 0;
		}
	}
	parse_failures_free(f, nr);
	return errors;
}

static int run_all(const struct rules_opts *o, const char *dir, const struct strvec *rules,
		   const char *mode, const struct strvec *files, struct strvec *report)
{
	for (size_t i = 0; i < rules->nr; i++) {
		info("%s: %s", mode, rules->v[i]);
		if (rules_run(o, dir, rules->v[i], mode, files, report))
			return -1;
	}
	if (report)
		strvec_sort(report);
	return 0;
}

int cmd_rewrite(int argc, char **argv)
{
	struct rewrite_args a = { 0 };
	struct rules_opts o = { 0 };
	struct manifest m;
	struct strvec rules = STRVEC_INIT, files = STRVEC_INIT, found = STRVEC_INIT;
	struct stat st;
	char tmpl[] = "/tmp/kseries-rewrite-XXXXXX";
	int parse_errors, changed = 0, total_add = 0, total_del = 0, status = 0;
	time_t t0 = time(NULL);

	parse_args(argc, argv, &a);
	if (stat(a.dir, &st) || !S_ISDIR(st.st_mode))
		die("%s is not a directory: give the kernel tree to rewrite", a.dir);
	if (spatch_check())
		return 2;
	o.cocci_dir = kseries_cocci_dir();
	o.jobs = a.jobs;
	if (manifest_load(&m, o.cocci_dir))
		return 2;
	if (!a.report && !a.force && dirty_git_tree(a.dir))
		die("%s has uncommitted changes: commit or stash them, or pass --force", a.dir);

	if (!mkdtemp(tmpl))
		die("cannot create a scratch folder in /tmp: %s", strerror(errno));
	scratch_dir = xstrdup(tmpl);
	o.tmp_dir = scratch_dir;
	atexit(remove_scratch);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);

	if (rules_candidates(a.dir, &m.tokens, &files)) {
		status = 2;
		goto out;
	}
	if (!files.nr) {
		info("nothing to do: no .c or .h file under %s holds '%s'", a.dir, m.tokens.v[0]);
		goto out;
	}
	info("%zu files hold the tokens", files.nr);
	manifest_rules(&m, &rules);
	if (rules_any_file_contains(a.dir, &files, m.api_member))
		strvec_push(&o.defines, "api_has_invalidate_page");
	if (a.kvm_apic_range)
		strvec_push(&o.defines, "kvm_apic_range");

	parse_errors = report_parse_failures(&o, a.dir, &files, &m.tokens);
	if (parse_errors < 0) {
		status = 2;
		goto out;
	}

	if (a.report) {
		if (run_all(&o, a.dir, &rules, "report", &files, &found)) {
			status = 1;
			goto out;
		}
		for (size_t i = 0; i < found.nr; i++)
			printf("%s\n", found.v[i]);
		status = parse_errors ? 1 : 0;
		goto out;
	}

	/* keep a copy of every candidate to tell what changed */
	for (size_t i = 0; i < files.nr; i++) {
		char *src = xstrfmt("%s/%s", a.dir, files.v[i]);
		char *dst = xstrfmt("%s/before-%zu", scratch_dir, i);
		char *text = read_file(src);

		if (!text || write_file(dst, text))
			die("cannot read %s: %s", src, strerror(errno));
		free(text);
		free(src);
		free(dst);
	}

	if (run_all(&o, a.dir, &rules, "patch", &files, NULL)) {
		error("the tree %s is partly rewritten: restore it (git checkout .) before a new run",
		      a.dir);
		status = 1;
		goto out;
	}

	for (size_t i = 0; i < files.nr; i++) {
		char *path = xstrfmt("%s/%s", a.dir, files.v[i]);
		char *before = xstrfmt("%s/before-%zu", scratch_dir, i);
		char *old = read_file(before), *now = read_file(path);
		int add, del;

		if (old && now && strcmp(old, now)) {
			int pairs;
			char *tidy = tidy_empty_ifdefs(now, &pairs);
			int old_pairs;
			char *old_tidy = tidy_empty_ifdefs(old, &old_pairs);

			/* only the pairs the rules emptied, never the tree's own */
			if (pairs > old_pairs && !old_pairs)
				write_file(path, tidy);
			free(tidy);
			free(old_tidy);
			count_changes(before, path, &add, &del);
			printf("%-60s +%d -%d\n", files.v[i], add, del);
			changed++;
			total_add += add;
			total_del += del;
		}
		free(old);
		free(now);
		free(path);
		free(before);
	}
	if (!changed)
		printf("nothing to do: %s is already converted\n", a.dir);
	else
		printf("%d files changed, %d insertions(+), %d deletions(-)\n",
		       changed, total_add, total_del);
	fflush(stdout);	/* before the residual pass's progress on stderr */

	/* residual check: report mode on the result must find nothing */
	if (run_all(&o, a.dir, &rules, "report", &files, &found)) {
		status = 1;
		goto out;
	}
	for (size_t i = 0; i < found.nr; i++)
		error("residual use after the rewrite: %s", found.v[i]);
	if (found.nr || parse_errors)
		status = 1;
	info("rewrite done in %lds", (long)(time(NULL) - t0));
out:
	strvec_clear(&rules);
	strvec_clear(&files);
	strvec_clear(&found);
	strvec_clear(&o.defines);
	manifest_clear(&m);
	return status;
}
