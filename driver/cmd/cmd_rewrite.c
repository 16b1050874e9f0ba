/* kseries rewrite: apply every rule of the series to a kernel tree in place. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cmd/options.h"
#include "commands.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "rules/check.h"
#include "rules/convert.h"
#include "rules/hand_edits.h"
#include "rules/residuals.h"
#include "rules/spatch.h"

static const struct command_usage usage_rewrite = {
	"rewrite", "[options] DIR",
	"  Apply every rule of the series, in manifest order, to the kernel tree DIR\n"
	"  in place, and print what changed per file. DIR is a scratch tree: a git\n"
	"  work tree with uncommitted changes is refused unless --force. After the\n"
	"  rules, the series' checks (series.json \"checks\") run on every changed\n"
	"  file; a file that fails is put back as it was and its uses stay residuals.",
	"Exit status: 0 done (or nothing to do); 1 residual uses, parse errors or\n"
	"failed checks; 2 bad usage or environment.\n",
	1, 1,
};

/* +added -deleted of one file against git's view of the same file elsewhere. */
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
	char *dir;
	int report, force;
	struct convert_opts co;
};

static void parse_args(int argc, char **argv, struct rewrite_args *a)
{
	const struct opt opts[] = {
		OPT_FLAG("report", 0, &a->report,
			 "list what the rules find (file:line:col: message); change nothing"),
		OPT_FLAG("force", 0, &a->force, "rewrite a git work tree that has uncommitted changes"),
		OPT_JOBS(&a->co.jobs),
		OPT_END(),
	};
	struct strvec args = STRVEC_INIT;

	a->co.jobs = default_jobs();
	parse_options(argc, argv, &usage_rewrite, opts, &args, &a->co.defines);
	a->dir = xstrdup(args.v[0]);
	strvec_clear(&args);
}

/* Copies of the candidates, to count what changed per file afterwards. */
static void save_copies(const struct convert *c, const char *dir)
{
	for (size_t i = 0; i < c->files.nr; i++) {
		char *src = xstrfmt("%s/%s", dir, c->files.v[i]);
		char *dst = xstrfmt("%s/before-%zu", c->scratch, i);
		char *text = read_file(src);

		if (!text || write_file(dst, text))
			die_errno("cannot read %s", src);
		free(text);
		free(src);
		free(dst);
	}
}

/*
 * Candidates back as they were (those under paths; NULL: every one): after
 * a run that stopped on an error, or the API's own files while uses of it
 * remain (their lines in residuals renumbered as they read again). The
 * count put back.
 */
static size_t restore_copies(const struct convert *c, const char *dir, const struct strvec *paths,
			     struct strvec *changed, struct strvec *residuals)
{
	size_t n = 0;

	for (size_t i = 0; i < c->files.nr; i++) {
		if (paths && !convert_owned(c->files.v[i], paths))
			continue;
		char *path = xstrfmt("%s/%s", dir, c->files.v[i]);
		char *before = xstrfmt("%s/before-%zu", c->scratch, i);
		char *was = read_file(before), *now = read_file(path);
		int back = 0;

		if (was && (!now || strcmp(was, now))) {
			/* the residuals named on its text now: as the user will read it */
			char *diff = residuals ? check_diff_u0(c->scratch, path, was) : NULL;

			if (diff)
				residuals_renumber(residuals, c->files.v[i], diff);
			free(diff);
			if (replace_file(path, was))
				error("cannot put %s back as it was: its text before the run is in %s",
				      path, before);
			else
				back = 1;
		}
		n += back;
		/* as it was: no longer a change (the summary counts what the tree holds) */
		for (size_t k = 0; back && changed && k < changed->nr; k++)
			if (!strcmp(changed->v[k], c->files.v[i]))
				strvec_remove(changed, k--);
		free(was);
		free(now);
		free(path);
		free(before);
	}
	return n;
}

static void print_changes(const struct convert *c, const char *dir, const struct strvec *changed)
{
	int total_add = 0, total_del = 0;

	for (size_t i = 0; i < c->files.nr; i++) {
		char *path, *before;
		int add, del;

		if (!strvec_contains(changed, c->files.v[i]))
			continue;
		path = xstrfmt("%s/%s", dir, c->files.v[i]);
		before = xstrfmt("%s/before-%zu", c->scratch, i);
		count_changes(before, path, &add, &del);
		printf("%-60s +%d -%d\n", c->files.v[i], add, del);
		total_add += add;
		total_del += del;
		free(path);
		free(before);
	}
	/* "already converted" only once the residual check has found nothing */
	if (changed->nr)
		printf("%zu files changed, %d insertions(+), %d deletions(-)\n",
		       changed->nr, total_add, total_del);
	fflush(stdout);	/* before the residual pass's progress on stderr */
}

/* --report: what the rules find, and the uses behind links out of the tree (c->outside) */
static int report_only(struct convert *c, const char *dir)
{
	struct strvec found = STRVEC_INIT, none = STRVEC_INIT, left = STRVEC_INIT;
	int status = c->outside.nr ? 1 : 0;

	if (c->files.nr && convert_report(c, dir, &found))
		status = 1;
	/* and the uses no rule can see: in unparsed code, in macro bodies */
	if (residuals_uses_left(c, dir, &none, &found, &left))
		status = 1;
	status |= left.nr > 0;
	strvec_pushv(&found, (const char *const *)left.v);
	strvec_sort_locations(&found);
	strvec_clear(&left);
	for (size_t i = 0; i < found.nr; i++)
		printf("%s\n", found.v[i]);
	for (size_t i = 0; i < c->outside.nr; i++)
		printf("%s\n", c->outside.v[i]);
	strvec_clear(&found);
	return status;
}

/* A candidate's text before the rules: its copy in the scratch folder. */
static char *copy_before(const char *file, void *data)
{
	const struct convert *c = data;
	char *copy, *text;

	for (size_t i = 0; i < c->files.nr; i++) {
		if (strcmp(c->files.v[i], file))
			continue;
		copy = xstrfmt("%s/before-%zu", c->scratch, i);
		text = read_file(copy);
		free(copy);
		return text;
	}
	return NULL;
}

/*
 * After the rewrite, report mode on the result must find nothing: 0 or 1.
 * What it puts back (the API, while uses remain) leaves changed; then the
 * summary of what changed.
 * Files the rules did not change keep their findings of before.
 */
static int residual_check(struct convert *c, const char *dir, const struct strvec *before,
			  struct strvec *changed)
{
	struct strvec found = STRVEC_INIT, left = STRVEC_INIT, hand = STRVEC_INIT;
	int status = 0;
	size_t back = 0;

	if ((c->files.nr && convert_report_again(c, dir, before, changed, &found)) ||
	    residuals_uses_left(c, dir, changed, &found, &left)) {
		strvec_clear(&found);
		strvec_clear(&left);
		return 1;
	}
	residuals_removed_uses(c, dir, changed, copy_before, c, &found, &left);
	/* hand: numbered on the text before the rules; the others on the text now */
	residuals_by_hand(&c->m, before, &found, &hand);
	residuals_said(&c->m, &c->patch_said, &found, &left);
	strvec_pushv(&found, (const char *const *)left.v);
	strvec_clear(&left);
	/* as series leaves the API removal out: the uses left would not build without it */
	if (found.nr || hand.nr || c->outside.nr)
		back = restore_copies(c, dir, &c->m.patches[c->m.api_patch].paths, changed, &found);
	strvec_pushv(&found, (const char *const *)hand.v);
	strvec_clear(&hand);
	strvec_sort_locations(&found);
	strvec_pushv(&found, (const char *const *)c->outside.v);
	for (size_t i = 0; i < found.nr; i++)
		error("residual use after the rewrite: %s", found.v[i]);
	if (c->check_problems)
		error("%d check failure%s (%d unchecked) on what the rules wrote: those files are "
		      "left as they were", c->check_problems, c->check_problems == 1 ? "" : "s",
		      c->unchecked);
	if (found.nr || c->check_problems)
		status = 1;
	if (back)
		warning("the API is left in place (the files of \"%s\" are as they were): "
			"%zu use%s of it remain%s", c->m.patches[c->m.api_patch].subject, found.nr,
			found.nr == 1 ? "" : "s", found.nr == 1 ? "s" : "");
	print_changes(c, dir, changed);
	if (!changed->nr)
		printf(status ? "no file changed: see the errors above\n" :
		       "nothing to do: %s is already converted\n", dir);
	strvec_clear(&found);
	return status;
}

/* The author's hand edits, in manifest order, where no rule could go: 0 or -1. */
static int apply_hand_edits(const struct convert *c, const char *dir, struct strvec *changed)
{
	struct strvec hand = STRVEC_INIT;
	int ret = 0;

	for (size_t i = 0; !ret && i < c->m.nr_patches; i++)
		if (c->m.patches[i].diff)
			ret = hand_edit_apply(&c->m, i, dir, &c->files, changed, &hand);
	for (size_t i = 0; i < hand.nr; i++)
		if (!strvec_contains(changed, hand.v[i]))
			strvec_push(changed, hand.v[i]);
	strvec_clear(&hand);
	return ret;
}

int cmd_rewrite(int argc, char **argv)
{
	struct rewrite_args a = { 0 };
	struct convert c = { 0 };
	struct strvec changed = STRVEC_INIT, found = STRVEC_INIT;
	struct stat st;
	int status = 0, ret;
	time_t t0 = time(NULL);

	parse_args(argc, argv, &a);
	if (stat(a.dir, &st) || !S_ISDIR(st.st_mode))
		die("%s is not a directory: give the kernel tree to rewrite", a.dir);
	if (spatch_check()) {
		status = 2;
		goto out;
	}
	if (!a.report && !a.force && dirty_git_tree(a.dir))
		die("%s has uncommitted changes: commit or stash them, or pass --force", a.dir);
	if (convert_prepare(&c, a.dir, &a.co)) {
		status = 2;
		goto out;
	}
	if (!c.files.nr && !c.outside.nr && !c.nr_failures) {
		printf("nothing to do: no .c or .h file under %s holds '%s'\n", a.dir, c.m.tokens.v[0]);
		goto out;
	}
	if (a.report) {
		status = report_only(&c, a.dir);
		goto out;
	}
	if (convert_check_writable(&c, a.dir)) {
		status = 2;
		goto out;
	}
	save_copies(&c, a.dir);
	/* the rules go where the report finds uses, as in series */
	if (convert_report(&c, a.dir, &found)) {
		status = 1;
		goto out;
	}
	/* as series applies them: each patch's rules on its paths, all rules elsewhere */
	ret = convert_apply_owned(&c, a.dir, &found, &changed);
	if (!ret) {
		struct strvec idle = STRVEC_INIT;

		convert_idle_patches(&c, &found, &changed, &idle);
		for (size_t i = 0; i < idle.nr; i++)
			warning("%s", idle.v[i]);
		strvec_clear(&idle);
	}
	if (!ret)
		ret = apply_hand_edits(&c, a.dir, &changed);
	if (ret) {
		size_t n = restore_copies(&c, a.dir, NULL, NULL, NULL);

		error("the rewrite of %s stopped on an error: %s", a.dir,
		      n ? "the files it had changed are back as they were" : "it had changed nothing");
		status = 1;
		goto out;
	}
	status = residual_check(&c, a.dir, &found, &changed);
	for (size_t i = 0; i < c.check_notes.nr; i++)
		printf("%s\n", c.check_notes.v[i]);
	/* a layout finding is the rules' to fix, or the reviewer's to know: not a failure */
	for (size_t i = 0; i < c.layout.nr; i++)
		warning("layout: %s", c.layout.v[i]);
	fflush(stdout);
	info("rewrite done in %lds", (long)(time(NULL) - t0));
out:
	strvec_clear(&changed);
	strvec_clear(&found);
	strvec_clear(&a.co.defines);
	free(a.dir);
	convert_clear(&c);
	return status;
}
