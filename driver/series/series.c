#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "core/worktree.h"
#include "kbuild/prepare.h"
#include "lib/clock.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "posting/b4branch.h"
#include "posting/checkpatch.h"
#include "posting/cp_origin.h"
#include "posting/patchset.h"
#include "posting/stable.h"
#include "report/report.h"
#include "rules/hand_edits.h"
#include "rules/residuals.h"
#include "series/build_stage.h"
#include "series/series.h"

char *series_dir_name(const char *rev)
{
	char *name = xstrdup(rev);

	for (char *p = name; *p; p++)
		if (*p == '/' || *p == ' ' || *p == ':' || *p == '~' || *p == '^')
			*p = '-';
	return name;
}

static void add_patch(struct rev_result *r, const char *subject, const struct strvec *files,
		      int catch_all)
{
	struct patch_result *p;

	r->patches = xrealloc(r->patches, (r->nr_patches + 1) * sizeof(*r->patches));
	p = &r->patches[r->nr_patches++];
	memset(p, 0, sizeof(*p));
	p->subject = xstrdup(subject);
	p->catch_all = catch_all;
	p->cp_errors = p->cp_warnings = -1;
	strvec_pushv(&p->files, (const char *const *)files->v);
}

/*
 * The stable form of a patch that has an upstream commit: that commit's
 * author, date and trailers, then a note per file where this tree's code
 * differs from it (stable.h). 0, or -1.
 */
static int stable_as(const struct series_opts *so, const char *wt, const char *upstream,
		     const struct strvec *files, struct stable_origin *o, struct strvec *trailers,
		     struct commit_as *as)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	char *theirs = NULL;
	int ret;

	if (stable_origin_read(so->repo, upstream, o))
		return -1;
	/* this tree's change, not yet committed: the files as the rules left them */
	strvec_pushl(&cp.args, "git", "-C", wt, "diff", "HEAD", "--", NULL);
	strvec_pushv(&cp.args, (const char *const *)files->v);
	cp.capture_out = cp.capture_err = 1;
	ret = run_command(&cp) ||
	      run_capture(&theirs, NULL, "git", "-C", so->repo, "show", "--format=", upstream, NULL);
	if (ret)
		error("cannot compare this tree's patch with upstream commit %s", upstream);
	else {
		strvec_pushv(trailers, (const char *const *)o->trailers.v);
		stable_backport_notes(cp.out, theirs, trailers);
		*as = (struct commit_as){ o->author, o->date, trailers };
	}
	child_process_clear(&cp);
	free(theirs);
	return ret ? -1 : 0;
}

static int commit_patch(const struct series_opts *so, const char *wt, struct rev_result *r,
			const char *subject, const char *message, const struct strvec *files,
			int catch_all)
{
	char *upstream, *text = posting_message(r, subject, message, &upstream);
	struct stable_origin o = { 0 };
	struct strvec trailers = STRVEC_INIT;
	struct commit_as as = { 0 };
	int ret = upstream ? stable_as(so, wt, upstream, files, &o, &trailers, &as) : 0;
	int signoff = so->signoff;

	/* yours after the notes, in the one trailer block (git's --signoff would start another) */
	if (!ret && upstream && signoff) {
		char *sob = patchset_signoff_line(wt);

		if (sob && (!trailers.nr || strcmp(trailers.v[trailers.nr - 1], sob)))
			strvec_push(&trailers, sob);
		signoff = !sob;
		free(sob);
	}
	if (!ret)
		ret = patchset_commit(wt, files, subject, text, &as, signoff);
	free(text);
	stable_origin_clear(&o);
	strvec_clear(&trailers);
	if (ret) {
		free(upstream);
		return -1;
	}
	add_patch(r, subject, files, catch_all);
	r->patches[r->nr_patches - 1].upstream = upstream;
	return 0;
}

/* "atm/he" of drivers/atm/he.c under prefix "atm": the file's own name added. */
static char *with_file_name(const char *prefix, const char *file)
{
	const char *base = strrchr(file, '/'), *dot;

	base = base ? base + 1 : file;
	dot = strrchr(base, '.');
	return xstrfmt("%s/%.*s", prefix, (int)(dot ? dot - base : (long)strlen(base)), base);
}

/*
 * Each changed file no manifest entry names gets a patch of its own, its
 * subject unique in the series: prefixes two files share get each file's
 * name.
 */
static int catch_all_patches(const struct series_opts *so, struct convert *c, const char *wt,
			     const struct strvec *changed, struct rev_result *r)
{
	struct strvec files = STRVEC_INIT, prefixes = STRVEC_INIT;
	int ret = 0;

	for (size_t i = 0; i < changed->nr; i++)
		if (!convert_owned_by_any(&c->m, changed->v[i])) {
			char *prefix = patchset_subject_prefix(wt, changed->v[i], &c->m.catchall_prefixes);

			strvec_push(&files, changed->v[i]);
			strvec_push(&prefixes, prefix);
			free(prefix);
		}
	for (size_t i = 0; !ret && i < files.nr; i++) {
		struct strvec one = STRVEC_INIT;
		char *prefix = NULL, *subject;
		size_t same = 0;

		for (size_t j = 0; j < prefixes.nr; j++)
			same += !strcmp(prefixes.v[i], prefixes.v[j]);
		if (same > 1)
			prefix = with_file_name(prefixes.v[i], files.v[i]);
		subject = xstrfmt(c->m.catchall_subject, prefix ? prefix : prefixes.v[i]);
		info("[%s] catch-all patch for %s: \"%s\"", r->rev, files.v[i], subject);
		strvec_push(&one, files.v[i]);
		ret = commit_patch(so, wt, r, subject, c->m.catchall_message, &one, 1);
		strvec_clear(&one);
		free(prefix);
		free(subject);
	}
	strvec_clear(&files);
	strvec_clear(&prefixes);
	return ret;
}

static void parse_failure_lines(const struct convert *c, struct rev_result *r)
{
	for (size_t i = 0; i < c->nr_failures; i++) {
		const struct parse_failure *f = &c->failures[i];

		strvec_pushf(&r->parse_failures, "%s:%d: %s: %s", f->file, f->line, f->function,
			     f->holds_tokens ? "ERROR, the code uses the API" :
			     f->in_macro ? "warning, a macro definition" : "warning");
	}
	r->parse_errors = c->parse_errors;
}

void series_diff_stats(const char *wt, const char *base, const char *head, struct rev_result *r)
{
	char *out = NULL;
	const char *p;

	run_capture(&out, wt, "git", "diff", "--shortstat", base, head, NULL);
	if (out) {
		r->files_changed = atoi(out);
		if ((p = strstr(out, "changed, ")) && strstr(p, "insertion"))
			r->insertions = atoi(p + 9);
		if ((p = strstr(out, "(+), ")))
			r->deletions = atoi(p + 5);
		else if ((p = strstr(out, "changed, ")) && strstr(p, "deletion"))
			r->deletions = atoi(p + 9);
	}
	free(out);
}

/* --branch: PREFIX/<rev> in the user's repo, a branch b4 prep manages (b4branch.h). */
static int make_branch(const struct series_opts *so, const char *wt, const char *series_dir,
		       const char *head, struct rev_result *r)
{
	char *dir = series_dir_name(r->rev), *cover = NULL, *prefix;
	struct b4_branch b = { .repo = so->repo, .wt = wt, .base = r->commit, .head = head,
			       .version = r->post.version, .to = &r->post.cover_to,
			       .cc = &r->post.cover_cc };
	int ret;

	r->branch = xstrfmt("%s/%s", so->branch_prefix, dir);
	free(dir);
	b.branch = r->branch;
	b.subject_prefix = prefix = posting_subject_prefix(&so->post, r);
	ret = patchset_cover_in(series_dir, &cover);
	b.cover = cover;
	if (!ret)
		ret = b4_branch_make(&b);
	free(cover);
	free(prefix);
	return ret;
}

/* The build matrix of one revision, its proof, patch by patch, coverage. */
static void build_revision(const struct series_opts *so, const struct convert *c,
			   const char *wt, const char *rev_dir, struct rev_result *r)
{
	char *head = NULL, *bdir;
	struct build_request q;

	if (!so->build || !r->nr_patches) {
		r->build_note = xstrdup(!so->build ? "skipped: --no-build" :
					"skipped: the series is empty, nothing to build");
		return;
	}
	info("[%s] build: checking out the whole tree", r->rev);
	if (prepare_tree(wt, &r->build_note) ||
	    run_capture(&head, wt, "git", "rev-parse", "HEAD", NULL) || !head) {
		r->build_failed = 1;
		free(head);
		return;
	}
	head[strcspn(head, "\n")] = '\0';
	bdir = xstrfmt("%s/build", rev_dir);
	/* every hunk is the series': kseries wrote them all (scope NULL) */
	q = (struct build_request){ .wt = wt, .base = r->commit, .head = head, .dir = bdir,
				    .files = &c->files, .archs = so->archs, .m = so->m,
				    .jobs = so->co.jobs, .bisect = so->bisect,
				    .allow_unproven = so->allow_unproven, .kconfigs = so->kconfigs,
				    .warnings = build_warning_checks(so->warnings) };
	if (series_build(&q, r))
		r->build_failed = 1;
	free(bdir);
	free(head);
}

/* The report after the series: only the files whose text it changed run again. */
/* Where a file's text before the series is: the worktree's repo, at the base commit. */
struct base_text {
	const char *wt, *commit;
};

static char *text_at_base(const char *file, void *data)
{
	const struct base_text *at = data;
	char *spec = xstrfmt("%s:%s", at->commit, file), *text = NULL;

	if (run_capture(&text, at->wt, "git", "show", spec, NULL)) {
		free(text);
		text = NULL;
	}
	free(spec);
	return text;
}

/*
 * The residuals after the series into r->residuals, numbered on the text
 * as the series left it, and the by-hand findings carried over from the
 * report before into hand, numbered on the text before it.
 */
static int residual_report(struct convert *c, const char *wt, struct rev_result *r,
			   struct strvec *hand)
{
	struct strvec differ = STRVEC_INIT;
	char *out = NULL;
	int ret = run_capture(&out, wt, "git", "diff", "--name-only", "--no-renames", r->commit,
			      NULL);

	if (ret) {
		free(out);
		return error("cannot list what the series changed in %s: %s", wt,
			     run_capture_error());
	}
	strvec_split_lines(&differ, out ? out : "");
	ret = convert_report_again(c, wt, &r->findings, &differ, &r->residuals);
	/* and the uses no rule could see: unparsed code, macro bodies */
	if (!ret) {
		struct strvec left = STRVEC_INIT;
		struct base_text at = { wt, r->commit };

		ret = residuals_uses_left(c, wt, &differ, &r->residuals, &left);
		residuals_removed_uses(c, wt, &differ, text_at_base, &at, &r->residuals, &left);
		residuals_by_hand(&c->m, &r->findings, &r->residuals, hand);
		residuals_said(&c->m, &c->patch_said, &r->residuals, &left);
		/* the parse errors: uses in unparsed code that stay (no hand edit took them) */
		r->parse_errors = 0;
		for (size_t i = 0; i < left.nr; i++)
			r->parse_errors += strstr(left.v[i], ": not converted: spatch cannot parse") != NULL;
		strvec_pushv(&r->residuals, (const char *const *)left.v);
		strvec_sort_locations(&r->residuals);
		strvec_clear(&left);
	}
	strvec_clear(&differ);
	free(out);
	return ret;
}

/* The cover letter's build paragraph, now that the build is done. */
static void state_the_build(const struct series_opts *so, const char *series_dir,
			    const struct rev_result *r)
{
	char *cover = NULL, *statement = build_statement(r, so->bisect, so->allow_unproven);

	if (patchset_cover_in(series_dir, &cover) ||
	    patchset_cover_replace(cover, BUILD_PENDING, statement))
		warning("[%s] the cover letter's build paragraph could not be written: it still "
			"says the build did not finish", r->rev);
	free(statement);
	free(cover);
}

/* The checkpatch ERRORs the series brought: one line each patch on stderr, counted in r. */
static void checkpatch_said(struct rev_result *r)
{
	for (size_t i = 0; i < r->nr_patches; i++) {
		const char *first = NULL;
		int n = cp_new_errors(&r->patches[i], &first);

		if (!n)
			continue;
		r->cp_new_errors += n;
		warning("[%s] checkpatch: %04zu %s: %d ERROR%s the series wrote, first: %s", r->rev, i + 1,
			r->patches[i].subject, n, n == 1 ? "" : "s", first);
	}
}

/*
 * format-patch with what posting needs (base, version, the cover's
 * sections), the Cc headers, checkpatch, the mail tools' checks.
 */
static int post_series(const struct series_opts *so, const char *wt, const char *rev_dir,
		       const char *series_dir, const struct manifest *m, struct rev_result *r)
{
	struct strvec patches = STRVEC_INIT;
	char *head = NULL, *extra = NULL, *prefix = NULL, *cover = NULL;
	char *said = manifest_options_said(m, &so->co.defines);
	char *blurb = said ? xstrfmt("%s\n\n%s", m->cover, said) : xstrdup(m->cover);
	struct format_opts fo = { .base = r->commit, .cover_subject = m->name,
				  .cover_blurb = blurb, .to = &so->post.to,
				  .cover_build = so->build ? BUILD_PENDING : BUILD_NONE };
	int ret = run_capture(&head, wt, "git", "rev-parse", "HEAD", NULL);

	free(said);
	if (!ret && head) {
		head[strcspn(head, "\n")] = '\0';
		ret = posting_prepare(so->repo, &so->post, rev_dir, head, r, &extra);
	}
	if (!ret) {
		fo.cover_extra = extra;
		fo.reroll = r->post.version;
		fo.subject_prefix = prefix = posting_subject_prefix(&so->post, r);
		ret = patchset_format(wt, series_dir, &fo, &patches, &cover) < 0 ? -1 : 0;
	}
	/* a reroll's range-diff in the cover letter too, as format-patch --range-diff puts it */
	if (!ret && r->post.range_diff) {
		char *rd = xstrfmt("Range-diff against v%d:\n%s", r->post.previous_version,
				   r->post.range_diff);

		ret = patchset_cover_add(cover, rd);
		free(rd);
	}
	if (!ret) {
		long *lines = xcalloc(patches.nr + 1, sizeof(*lines));
		long *ends = xcalloc(patches.nr + 1, sizeof(*ends)), end;

		checkpatch_patches(wt, &patches, r, so->co.jobs);
		posting_filter_checkpatch(r);
		checkpatch_said(r);
		for (size_t i = 0; i < patches.nr; i++)
			lines[i] = checkpatch_mail_lines(patches.v[i], &ends[i]);
		ret = posting_finish(&so->post, wt, cover, &patches, so->co.jobs, r) < 0 ? -1 : 0;
		/* checkpatch's line numbers, as the files read once the Cc: headers are in */
		for (size_t i = 0; !ret && i < patches.nr && i < r->nr_patches; i++)
			checkpatch_shift(&r->patches[i], ends[i],
					 checkpatch_mail_lines(patches.v[i], &end) - lines[i]);
		free(lines);
		free(ends);
	}
	strvec_clear(&patches);
	free(head);
	free(extra);
	free(prefix);
	free(cover);
	free(blurb);
	return ret;
}

/*
 * Uses of the API remain: the patch that removes it would break them. When
 * it is the last commit it is left out (and r->api_note says so, in the
 * report and the cover letter); else the note marks it.
 */
static int drop_api_patch(const char *wt, const struct manifest *m, struct rev_result *r,
			  struct strvec *hand)
{
	const char *subject = m->patches[m->api_patch].subject;
	size_t last = r->nr_patches - 1;
	char *out = NULL;

	if (!r->nr_patches || r->patches[last].catch_all || strcmp(r->patches[last].subject, subject)) {
		strvec_pushv(&r->residuals, (const char *const *)hand->v);
		strvec_sort_locations(&r->residuals);
		for (size_t i = 0; i < r->nr_patches; i++)
			if (!r->patches[i].catch_all && !strcmp(r->patches[i].subject, subject))
				r->api_note = xstrfmt("patch %zu (\"%s\") removes the API while %zu "
						      "use%s of it remain: it breaks their build", i + 1,
						      subject, r->residuals.nr,
						      r->residuals.nr == 1 ? "" : "s");
		return 0;
	}
	/* the residuals in its files were named on their text with it: as they read without */
	for (size_t i = 0; i < r->patches[last].files.nr; i++) {
		const char *file = r->patches[last].files.v[i];

		if (!run_capture(&out, wt, "git", "diff", "-U0", "--no-color", "--no-ext-diff",
				 "HEAD~1", "HEAD", "--", file, NULL) && out)
			residuals_renumber(&r->residuals, file, out);
		free(out);
		out = NULL;
	}
	strvec_pushv(&r->residuals, (const char *const *)hand->v);
	strvec_sort_locations(&r->residuals);
	if (run_capture(&out, wt, "git", "reset", "-q", "--hard", "HEAD~1", NULL)) {
		free(out);
		return error("cannot leave the API removal out in %s: %s", wt, run_capture_error());
	}
	free(out);
	r->api_note = xstrfmt("\"%s\" is left out: %zu use%s of the API remain%s (the report lists "
			      "them), and removing it would break their build", subject,
			      r->residuals.nr, r->residuals.nr == 1 ? "" : "s",
			      r->residuals.nr == 1 ? "s" : "");
	warning("[%s] %s", r->rev, r->api_note);
	free(r->patches[last].subject);
	strvec_clear(&r->patches[last].files);
	strvec_clear(&r->patches[last].cc);
	free(r->patches[last].upstream);
	r->nr_patches--;
	return 0;
}

/* A hand edit's commit; r->error names it when it cannot go in. */
static int commit_hand_edit(const struct series_opts *so, struct convert *c, size_t i,
			    const char *wt, const struct strvec *changed, struct rev_result *r,
			    struct strvec *committed)
{
	const struct manifest_patch *p = &c->m.patches[i];
	struct strvec mine = STRVEC_INIT;
	int ret = hand_edit_apply(&c->m, i, wt, &c->files, changed, &mine) ||
		  commit_patch(so, wt, r, p->subject, manifest_message(&c->m, p, &c->o.defines), &mine,
			       0) ? -1 : 0;

	if (ret)
		r->error = xstrfmt("patch %zu (\"%s\"), the hand edit %s, does not apply (see the "
				   "messages above)", i + 1, p->subject, p->diff);
	else
		info("[%s] patch %zu: %s (a hand edit)", r->rev, r->nr_patches, p->subject);
	strvec_pushv(committed, (const char *const *)mine.v);
	strvec_clear(&mine);
	return ret;
}

/* Commits in manifest order; catch-alls before the patch that removes the API. 0 or -1. */
static int commit_in_order(const struct series_opts *so, struct convert *c, const char *wt,
			   const struct strvec *changed, struct rev_result *r,
			   const struct timespec *t0)
{
	struct strvec committed = STRVEC_INIT;
	int err = 0;

	for (size_t i = 0; i < c->m.nr_patches && !err; i++) {
		const struct manifest_patch *p = &c->m.patches[i];
		struct strvec mine = STRVEC_INIT;

		if (i == c->m.api_patch && catch_all_patches(so, c, wt, changed, r)) {
			err = -1;
			break;
		}
		if (p->diff) {
			err = commit_hand_edit(so, c, i, wt, changed, r, &committed);
			continue;
		}
		/* a file two entries name goes with the first */
		for (size_t f = 0; f < changed->nr; f++)
			if (convert_owned(changed->v[f], &p->paths) &&
			    !strvec_contains(&committed, changed->v[f]))
				strvec_push(&mine, changed->v[f]);
		strvec_pushv(&committed, (const char *const *)mine.v);
		if (mine.nr) {
			info("[%s] patch %zu: %s (%.0fs)", r->rev, r->nr_patches + 1, p->subject,
			     seconds_since(t0));
			err = commit_patch(so, wt, r, p->subject, manifest_message(&c->m, p, &c->o.defines),
					   &mine, 0);
		}
		strvec_clear(&mine);
	}
	strvec_clear(&committed);
	return err ? -1 : 0;
}

static int run_revision(const struct series_opts *so, const char *wt, const char *rev_dir,
			struct rev_result *r, const struct timespec *t0)
{
	struct convert c;
	struct strvec changed = STRVEC_INIT, hand = STRVEC_INIT;
	char *series_dir = xstrfmt("%s/series", rev_dir), *tip = NULL;
	int ret = -1;

	patchset_fix_date(wt, r->commit);
	if (convert_prepare(&c, wt, &so->co) || posting_load_upstream(so->repo, &so->post, r))
		goto out;
	/* the files spatch's parser died on hold the tokens too (their uses are residuals) */
	r->candidates = c.files.nr;
	for (size_t i = 0; i < c.nr_failures; i++)
		r->candidates += c.failures[i].whole_file;
	r->searched = 1;
	parse_failure_lines(&c, r);
	info("[%s] %zu files hold the tokens (%.0fs)", r->rev, c.files.nr, seconds_since(t0));
	if (c.files.nr && convert_report(&c, wt, &r->findings))
		goto out;

	if (convert_apply_owned(&c, wt, &r->findings, &changed))
		goto out;
	convert_idle_patches(&c, &r->findings, &changed, &r->idle_patches);
	for (size_t i = 0; i < r->idle_patches.nr; i++)
		warning("[%s] %s", r->rev, r->idle_patches.v[i]);
	/* files whose checks failed are back as they were: no patch carries them */
	strvec_pushv(&r->check_failures, (const char *const *)c.check_messages.v);
	r->unchecked = c.unchecked;
	strvec_pushv(&r->check_notes, (const char *const *)c.check_notes.v);
	strvec_pushv(&r->layout, (const char *const *)c.layout.v);
	for (size_t i = 0; i < c.layout.nr; i++)
		warning("[%s] layout: %s", r->rev, c.layout.v[i]);
	if (commit_in_order(so, &c, wt, &changed, r, t0))
		goto out;
	if ((c.files.nr || c.nr_failures) && residual_report(&c, wt, r, &hand))
		goto out;
	strvec_pushv(&r->residuals, (const char *const *)c.outside.v);
	if ((r->residuals.nr || hand.nr) && drop_api_patch(wt, &c.m, r, &hand))
		goto out;
	if (mkdir(series_dir, 0777) && errno != EEXIST) {
		error_errno("cannot create %s", series_dir);
		goto out;
	}
	if (r->nr_patches) {
		series_diff_stats(wt, r->commit, "HEAD", r);
		if (post_series(so, wt, rev_dir, series_dir, &c.m, r))
			goto out;
		/* the series' last commit: the build and its bisect move HEAD */
		if (run_capture(&tip, wt, "git", "rev-parse", "HEAD", NULL) || !tip) {
			error("cannot read HEAD in %s: %s", wt, run_capture_error());
			goto out;
		}
		tip[strcspn(tip, "\n")] = '\0';
	}
	build_revision(so, &c, wt, rev_dir, r);
	if (so->build && r->nr_patches)
		state_the_build(so, series_dir, r);
	/* after the build: the cover letter it carries says what was built */
	if (tip && so->branch_prefix && make_branch(so, wt, series_dir, tip, r))
		goto out;
	ret = 0;
out:
	strvec_clear(&changed);
	strvec_clear(&hand);
	free(series_dir);
	free(tip);
	convert_clear(&c);
	return ret;
}

int series_revision(const struct series_opts *so, const char *rev, const char *commit,
		    const char *rev_dir, struct rev_result *r)
{
	char *wt = xstrfmt("%s/worktree", rev_dir);
	char *marker = xstrfmt("%s/INCOMPLETE", rev_dir);
	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(r, 0, sizeof(*r));
	r->rev = xstrdup(rev);
	r->commit = xstrdup(commit);
	r->state = REV_FAILED;
	if (mkdir(rev_dir, 0777) && errno != EEXIST) {
		error_errno("cannot create %s", rev_dir);
		return 1;
	}
	usage_context(rev);
	/* until the report is written, the output says it is partial */
	write_file(marker, "kseries did not finish this revision: its output is partial\n");
	info("[%s] worktree at %s", rev, wt);
	worktree_remove_at_exit(so->repo, wt);
	if (worktree_add_sparse(so->repo, &so->m->tokens, wt, commit)) {
		r->error = xstrfmt("cannot make the worktree %s at %s", wt, commit);
	} else if (run_revision(so, wt, rev_dir, r, &t0)) {
		if (!r->error)
			r->error = xstrdup("the run stopped on an error: see the messages above");
	} else if (r->residuals.nr || r->parse_errors || r->check_failures.nr || r->build_failed ||
		   r->post.check_errors || r->cp_new_errors) {
		char *build = r->build_failed ? build_failure(r, so->allow_unproven) : NULL;

		r->error = xstrfmt("%zu residual uses, %d parse errors, %zu failed checks, %d failed "
				   "posting checks, %d checkpatch errors the series wrote%s%s",
				   r->residuals.nr, r->parse_errors, r->check_failures.nr,
				   r->post.check_errors, r->cp_new_errors,
				   r->build_failed ? "; build: " : "",
				   r->build_failed ? (build ? build : "failed (see report.txt)") : "");
		free(build);
	} else {
		r->state = r->nr_patches ? REV_CONVERTED : REV_ALREADY_CONVERTED;
	}
	worktree_remove_now(so->repo, wt);
	r->seconds = seconds_since(&t0);
	/* a failed revision with its report is complete: the report says why */
	if (!report_write(rev_dir, r, &so->m->kinds))
		remove(marker);
	if (r->state == REV_FAILED && r->error)
		error("[%s] %s", rev, r->error);
	info("[%s] %s: %zu patches (%.0fs)", rev, rev_state_name(r->state), r->nr_patches, r->seconds);
	usage_context(NULL);
	free(wt);
	free(marker);
	return r->state == REV_FAILED;
}
