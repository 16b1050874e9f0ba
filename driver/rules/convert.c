#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/worktree.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/paths.h"
#include "lib/usage.h"
#include "rules/check.h"
#include "rules/convert.h"
#include "rules/lineend.h"
#include "rules/parse_report.h"
#include "rules/rule_check.h"
#include "rules/tidy.h"

/* The symbolic links under the tree being walked, relative to it. */
static struct strvec *walk_links;
static size_t walk_skip;

static int note_link(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	if (flag == FTW_D && !strcmp(path + ftw->base, ".git"))
		return FTW_SKIP_SUBTREE;
	if (flag == FTW_SL)
		strvec_push(walk_links, path + walk_skip);
	return FTW_CONTINUE;
}

/*
 * kseries writes only inside the tree, and the token search does not follow
 * links: a link to a file or folder outside the tree that holds the API
 * would be a silent miss. Each is named (a warning), and counts as a
 * residual use (c->outside).
 */
/* One use behind a link out of the tree, said once however it was found. */
static void note_outside(struct convert *c, const char *file, const char *target)
{
	char *line = xstrfmt("%s: a symbolic link leads to %s, outside the tree: not rewritten, "
			     "and it uses the API", file, target);

	if (!strvec_contains(&c->outside, line)) {
		strvec_push(&c->outside, line);
		warning("%s", line);
	}
	free(line);
}

static int find_outside_links(struct convert *c, const char *dir)
{
	char top[PATH_MAX], target[PATH_MAX];
	struct strvec links = STRVEC_INIT;
	size_t n;

	if (!realpath(dir, top))
		return error_errno("cannot resolve %s", dir);
	n = strlen(top);
	/* git grep reads a path through a linked folder: such a candidate is not ours */
	for (size_t i = 0; i < c->files.nr; i++) {
		char *path = xstrfmt("%s/%s", dir, c->files.v[i]);

		if (realpath(path, target) && (strncmp(target, top, n) || target[n] != '/')) {
			note_outside(c, c->files.v[i], target);
			strvec_remove(&c->files, i--);
		}
		free(path);
	}
	walk_links = &links;
	walk_skip = strlen(dir) + 1;
	nftw(dir, note_link, 32, FTW_PHYS | FTW_ACTIONRETVAL);
	for (size_t i = 0; i < links.nr; i++) {
		char *path;

		if (manifest_excluded(&c->m, links.v[i]))
			continue;
		path = xstrfmt("%s/%s", dir, links.v[i]);
		struct strvec hits = STRVEC_INIT;
		struct stat st;

		if (realpath(path, target) && (strncmp(target, top, n) || target[n] != '/') &&
		    !stat(target, &st)) {
			if (S_ISDIR(st.st_mode)) {
				if (grep_tokens(target, NULL, &c->m.tokens, &hits))
					strvec_clear(&hits);
			} else {
				size_t len = strlen(links.v[i]);
				int source = len > 2 && (!strcmp(links.v[i] + len - 2, ".c") ||
							 !strcmp(links.v[i] + len - 2, ".h"));
				char *text = source ? read_file(target) : NULL;
				int uses = 0;

				for (size_t t = 0; text && t < c->m.tokens.nr && !uses; t++)
					uses = strstr(text, c->m.tokens.v[t]) != NULL;
				if (uses)
					note_outside(c, links.v[i], target);
				free(text);
			}
		}
		/* a linked folder: each of its files that uses the API */
		for (size_t h = 0; h < hits.nr; h++) {
			char *file = xstrfmt("%s/%s", links.v[i], hits.v[h]);
			char *to = xstrfmt("%s/%s", target, hits.v[h]);

			note_outside(c, file, to);
			free(file);
			free(to);
		}
		strvec_clear(&hits);
		free(path);
	}
	strvec_clear(&links);
	return 0;
}

int convert_prepare(struct convert *c, const char *dir, const struct convert_opts *co)
{
	memset(c, 0, sizeof(*c));
	c->o.cocci_dir = kseries_cocci_dir();
	c->o.jobs = co->jobs > 0 ? co->jobs : 1;
	if (manifest_load(&c->m, c->o.cocci_dir) || rule_check_files(&c->m, &c->o.defines, c->o.jobs))
		return -1;
	if (!(c->scratch = cleanup_scratch_dir()))
		return -1;
	c->o.tmp_dir = c->scratch;
	c->macro_file = xstrfmt("%s/%s", c->o.cocci_dir, c->m.macro_file);
	c->o.macro_file = c->macro_file;
	manifest_rules(&c->m, &c->order);

	if (rules_candidates(dir, &c->m.tokens, &c->files))
		return -1;
	/* "exclude": not the series' code, so neither a candidate nor a residual */
	for (size_t i = 0; i < c->files.nr; i++)
		if (manifest_excluded(&c->m, c->files.v[i]))
			strvec_remove(&c->files, i--);
	if (find_outside_links(c, dir))
		return -1;
	if (!c->files.nr)
		return 0;
	verbose("%zu files hold the tokens", c->files.nr);
	/* the series' probes, then the options the user gave */
	for (size_t i = 0; i < c->m.probes.rows; i++)
		if (rules_any_file_contains(dir, &c->files, cell(&c->m.probes, i, PROBE_TEXT)))
			strvec_push(&c->o.defines, cell(&c->m.probes, i, PROBE_DEFINE));
	for (size_t i = 0; i < co->defines.nr; i++)
		strvec_push(&c->o.defines, co->defines.v[i]);
	if (rules_parse_check(&c->o, dir, &c->files, &c->m.tokens, &c->failures, &c->nr_failures))
		return -1;
	c->parse_errors = parse_report(dir, c->failures, c->nr_failures, c->macro_file);
	/* what spatch's parser dies on, every rule run would die on too: named, left out */
	parse_failures_drop_dead(&c->files, c->failures, c->nr_failures);
	return 0;
}

/*
 * The series' checks on the files just changed. A file that fails goes back
 * to its text before the rewrite and leaves *changed: its callers stay
 * unconverted (residual errors with the reason above), never half-closed.
 */
static int check_changes(struct convert *c, const char *dir, struct strvec *changed,
			 char **before)
{
	struct strvec bad = STRVEC_INIT, keep = STRVEC_INIT;
	int unchecked, problems;

	if (!changed->nr || !c->m.check_rules.nr)
		return 0;
	problems = check_written(&c->o, &c->m, dir, changed, before, &bad, &unchecked,
				 &c->check_messages, &c->check_notes);
	if (problems < 0)
		return -1;
	c->check_problems += problems;
	c->unchecked += unchecked;
	for (size_t i = 0; i < changed->nr; i++) {
		char *path;

		if (!strvec_contains(&bad, changed->v[i])) {
			strvec_push(&keep, changed->v[i]);
			continue;
		}
		error("%s: left as it was: a check failed on what the rules wrote there (above)",
		      changed->v[i]);
		path = xstrfmt("%s/%s", dir, changed->v[i]);
		if (replace_file(path, before[i]))
			problems = -1;
		free(path);
	}
	strvec_clear(changed);
	strvec_pushv(changed, (const char *const *)keep.v);
	strvec_clear(&keep);
	strvec_clear(&bad);
	return problems < 0 ? -1 : 0;
}

/*
 * The text of every file before the rules, as the rules will see it: a CRLF
 * file is rewritten with LF lines (spatch writes LF; its CRs come back in
 * give_back_crlf). A file of mixed endings is refused and left out of todo.
 */
static int take_before(struct convert *c, const char *dir, const struct strvec *files,
		       char **before, int *crlf, struct strvec *todo)
{
	for (size_t i = 0; i < files->nr; i++) {
		char *path = xstrfmt("%s/%s", dir, files->v[i]);
		char *text = read_file(path);
		int cr, lines;

		if (!text) {
			error_errno("cannot read %s", path);
			free(path);
			return -1;
		}
		switch (line_ends_of(text, &cr, &lines)) {
		case ENDS_MIXED:
			/* a failed check of its own: the report and exit status say so */
			strvec_pushf(&c->check_messages, "%s: left as it was: %d of its %d lines "
				     "end in CR LF, the others in LF; give them one kind (dos2unix, "
				     "or unix2dos) and rerun", files->v[i], cr, lines);
			error("%s", c->check_messages.v[c->check_messages.nr - 1]);
			c->check_problems++;
			free(text);
			text = NULL;
			break;
		case ENDS_CRLF:
			crlf[i] = 1;
			before[i] = crlf_to_lf(text);
			free(text);
			text = NULL;
			if (replace_file(path, before[i])) {
				free(path);
				return -1;
			}
			break;
		case ENDS_LF:
			before[i] = text;
			break;
		}
		/* spatch writes in place: a hard-linked file gets its own copy first */
		if (before[i] && unshare_file(path)) {
			free(path);
			return -1;
		}
		if (before[i])
			strvec_push(todo, files->v[i]);
		free(path);
	}
	return 0;
}

/* Every CRLF file gets its CR LF lines back, whatever the rules did. */
static int give_back_crlf(const char *dir, const struct strvec *files, const int *crlf)
{
	int ret = 0;

	for (size_t i = 0; i < files->nr; i++) {
		char *path, *now, *back;

		if (!crlf[i])
			continue;
		path = xstrfmt("%s/%s", dir, files->v[i]);
		now = read_file(path);
		if (!now) {
			ret = error_errno("cannot read %s", path);
		} else {
			back = lf_to_crlf(now);
			if (replace_file(path, back))
				ret = -1;
			free(back);
		}
		free(now);
		free(path);
	}
	return ret;
}

/* Tidy each changed file; its name to mine, its text before to mine_before. */
static int collect_changed(const char *dir, const struct strvec *files, char **before,
			   struct strvec *mine, char **mine_before)
{
	int ret = 0;

	for (size_t i = 0; i < files->nr; i++) {
		char *path, *now;

		if (!before[i])
			continue;
		path = xstrfmt("%s/%s", dir, files->v[i]);
		now = read_file(path);
		if (now && strcmp(now, before[i])) {
			int pairs, old_pairs, indents;
			char *tidy = tidy_empty_ifdefs(now, &pairs);
			char *old_tidy = tidy_empty_ifdefs(before[i], &old_pairs);
			/* only the pairs the rules emptied, never the tree's own */
			char *base = pairs > old_pairs && !old_pairs ? tidy : now;
			char *tabbed = tidy_indent(base, before[i], &indents);

			if (((pairs > old_pairs && !old_pairs) || indents) && replace_file(path, tabbed))
				ret = -1;
			free(tabbed);
			free(tidy);
			free(old_tidy);
			strvec_push(mine, files->v[i]);
			mine_before[mine->nr - 1] = before[i];
		}
		free(now);
		free(path);
	}
	return ret;
}

int convert_apply(struct convert *c, const char *dir, const struct rule_job *jobs, size_t n,
		  struct strvec *changed)
{
	struct strvec files = STRVEC_INIT;	/* every job's, once */
	struct strvec todo = STRVEC_INIT;	/* the files the rules may change */
	struct strvec mine = STRVEC_INIT;	/* what this call changed */
	struct strvec layout = STRVEC_INIT;	/* its written lines' layout findings */
	struct rule_job *todo_jobs = xcalloc(n + 1, sizeof(*todo_jobs));
	char **before, **mine_before;
	int *crlf, ret;

	for (size_t i = 0; i < n; i++)
		for (size_t f = 0; f < jobs[i].files.nr; f++)
			if (!strvec_contains(&files, jobs[i].files.v[f]))
				strvec_push(&files, jobs[i].files.v[f]);
	before = xcalloc(files.nr + 1, sizeof(*before));
	mine_before = xcalloc(files.nr + 1, sizeof(*mine_before));
	crlf = xcalloc(files.nr + 1, sizeof(*crlf));
	ret = take_before(c, dir, &files, before, crlf, &todo);
	/* each job on its files the rules may change */
	for (size_t i = 0; i < n; i++) {
		todo_jobs[i] = (struct rule_job){ jobs[i].rules, STRVEC_INIT };
		for (size_t f = 0; f < jobs[i].files.nr; f++)
			if (strvec_contains(&todo, jobs[i].files.v[f]))
				strvec_push(&todo_jobs[i].files, jobs[i].files.v[f]);
	}
	if (!ret && todo.nr && rule_jobs_run(&c->o, dir, todo_jobs, n, &c->patch_said))
		ret = -1;
	if (!ret)
		ret = collect_changed(dir, &files, before, &mine, mine_before);
	/* the layout first: check_changes drops the files it puts back from mine */
	if (!ret && check_layout(c->o.tmp_dir, dir, &mine, mine_before, &layout))
		ret = -1;
	if (!ret && check_changes(c, dir, &mine, mine_before))
		ret = -1;
	for (size_t i = 0; i < layout.nr; i++)
		for (size_t f = 0; f < mine.nr; f++)
			if (!strncmp(layout.v[i], mine.v[f], strlen(mine.v[f])) &&
			    layout.v[i][strlen(mine.v[f])] == ':') {
				strvec_push(&c->layout, layout.v[i]);
				break;
			}
	strvec_clear(&layout);
	if (give_back_crlf(dir, &files, crlf))
		ret = -1;
	if (!ret)
		strvec_pushv(changed, (const char *const *)mine.v);
	for (size_t i = 0; i < n; i++)
		strvec_clear(&todo_jobs[i].files);
	free(todo_jobs);
	strvec_clear(&mine);
	strvec_clear(&todo);
	free(mine_before);
	for (size_t i = 0; i < files.nr; i++)
		free(before[i]);
	free(before);
	free(crlf);
	strvec_clear(&files);
	return ret;
}

int convert_check_writable(const struct convert *c, const char *dir)
{
	struct strvec bad = STRVEC_INIT;
	int err = 0, ret;

	for (size_t i = 0; i < c->files.nr; i++) {
		char *path = xstrfmt("%s/%s", dir, c->files.v[i]);

		if (access(path, W_OK)) {
			err = errno;
			strvec_push(&bad, c->files.v[i]);
		}
		free(path);
	}
	ret = bad.nr ? -1 : 0;
	if (bad.nr) {
		char *list = strvec_join(&bad, 8, ", ");

		error("cannot write %zu of the %zu files to rewrite under %s (%s): %s; nothing was "
		      "changed: make them writable (chmod u+w), or rewrite a copy of the tree",
		      bad.nr, c->files.nr, dir, strerror(err), list);
		free(list);
	}
	strvec_clear(&bad);
	return ret;
}

int convert_report_files(struct convert *c, const char *dir, const struct strvec *files,
			 struct strvec *found)
{
	verbose("report: %zu rule files on %zu files", c->order.nr, files->nr);
	if (rules_run_each(&c->o, dir, &c->order, "report", files, found))
		return -1;
	strvec_sort_locations(found);
	return 0;
}

static int line_of_file(const char *line, const char *file);

/* 1 when the report has a line on file */
static int found_in(const struct strvec *findings, const char *file)
{
	for (size_t i = 0; i < findings->nr; i++)
		if (line_of_file(findings->v[i], file))
			return 1;
	return 0;
}

void convert_files_with_findings(const struct convert *c, const struct strvec *findings,
				 struct strvec *files)
{
	for (size_t f = 0; f < c->files.nr; f++)
		if (found_in(findings, c->files.v[f]))
			strvec_push(files, c->files.v[f]);
	verbose("rules run on %zu of the %zu candidates: those with findings", files->nr,
		c->files.nr);
}

int convert_report(struct convert *c, const char *dir, struct strvec *found)
{
	return convert_report_files(c, dir, &c->files, found);
}

/* "FILE:LINE:..." belongs to FILE */
static int line_of_file(const char *line, const char *file)
{
	size_t n = strlen(file);

	return !strncmp(line, file, n) && line[n] == ':';
}

int convert_report_again(struct convert *c, const char *dir, const struct strvec *before,
			 const struct strvec *changed, struct strvec *found)
{
	struct strvec again = STRVEC_INIT;
	int ret;

	for (size_t i = 0; i < c->files.nr; i++)
		if (strvec_contains(changed, c->files.v[i]))
			strvec_push(&again, c->files.v[i]);
	/* a file is matched on its own: the same text gives the same lines */
	for (size_t i = 0; i < before->nr; i++) {
		int keep = 1;

		for (size_t k = 0; k < again.nr && keep; k++)
			keep = !line_of_file(before->v[i], again.v[k]);
		if (keep)
			strvec_push(found, before->v[i]);
	}
	ret = again.nr ? convert_report_files(c, dir, &again, found) : 0;
	strvec_sort_locations(found);
	strvec_clear(&again);
	return ret;
}

void convert_clear(struct convert *c)
{
	manifest_clear(&c->m);
	strvec_clear(&c->order);
	strvec_clear(&c->files);
	strvec_clear(&c->check_messages);
	strvec_clear(&c->check_notes);
	strvec_clear(&c->layout);
	strvec_clear(&c->patch_said);
	strvec_clear(&c->outside);
	strvec_clear(&c->o.defines);
	parse_failures_free(c->failures, c->nr_failures);
	free(c->scratch);
	free(c->macro_file);
	memset(c, 0, sizeof(*c));
}

int convert_owned(const char *file, const struct strvec *paths)
{
	for (size_t i = 0; i < paths->nr; i++) {
		size_t n = strlen(paths->v[i]);

		if (!strcmp(file, paths->v[i]) ||
		    (!strncmp(file, paths->v[i], n) && n && paths->v[i][n - 1] == '/'))
			return 1;
	}
	return 0;
}

int convert_owned_by_any(const struct manifest *m, const char *file)
{
	for (size_t i = 0; i < m->nr_patches; i++)
		if (convert_owned(file, &m->patches[i].paths))
			return 1;
	return 0;
}

static int same_rules(const struct strvec *a, const struct strvec *b)
{
	if (a->nr != b->nr)
		return 0;
	for (size_t i = 0; i < a->nr; i++)
		if (strcmp(a->v[i], b->v[i]))
			return 0;
	return 1;
}

/*
 * Every patch's rules on the candidates it owns, and every rule, in order
 * (as rewrite does), on the files no manifest entry names: one job per
 * distinct rule list (ten callback patches, one job), all in one
 * convert_apply, side by side (files are converted independently: what
 * each patch commits is the same, only faster). Changed files are added
 * to changed.
 */
int convert_apply_owned(struct convert *c, const char *wt, const struct strvec *findings,
		       struct strvec *changed)
{
	struct rule_job *jobs = xcalloc(c->m.nr_patches + 1, sizeof(*jobs));
	struct strvec files = STRVEC_INIT;
	size_t n = 0;
	int ret;

	convert_files_with_findings(c, findings, &files);

	for (size_t i = 0; i < c->m.nr_patches; i++) {
		const struct strvec *rules = &c->m.patches[i].rules;
		int seen = 0;

		for (size_t j = 0; j < i && !seen; j++)
			seen = same_rules(rules, &c->m.patches[j].rules);
		if (seen)
			continue;
		jobs[n] = (struct rule_job){ rules, STRVEC_INIT };
		for (size_t k = i; k < c->m.nr_patches; k++)
			if (same_rules(rules, &c->m.patches[k].rules))
				for (size_t f = 0; f < files.nr; f++)
					if (convert_owned(files.v[f], &c->m.patches[k].paths) &&
					    !strvec_contains(&jobs[n].files, files.v[f]))
						strvec_push(&jobs[n].files, files.v[f]);
		n += jobs[n].files.nr > 0;
	}
	jobs[n] = (struct rule_job){ &c->order, STRVEC_INIT };
	for (size_t f = 0; f < files.nr; f++)
		if (!convert_owned_by_any(&c->m, files.v[f]))
			strvec_push(&jobs[n].files, files.v[f]);
	n += jobs[n].files.nr > 0;
	ret = n ? convert_apply(c, wt, jobs, n, changed) : 0;
	strvec_clear(&files);
	for (size_t i = 0; i <= c->m.nr_patches; i++)
		strvec_clear(&jobs[i].files);
	free(jobs);
	return ret;
}


/*
 * A patch whose paths hold candidates that use the API, none of which its
 * rules changed (and no check put back): its rules match nothing here. A
 * line a patch into idle.
 */
void convert_idle_patches(const struct convert *c, const struct strvec *findings,
			  const struct strvec *changed, struct strvec *idle)
{
	struct strvec files = STRVEC_INIT;

	convert_files_with_findings(c, findings, &files);
	for (size_t i = 0; i < c->m.nr_patches; i++) {
		struct strvec mine = STRVEC_INIT;
		int busy = 0;

		for (size_t f = 0; f < files.nr; f++) {
			if (!convert_owned(files.v[f], &c->m.patches[i].paths))
				continue;
			strvec_push(&mine, files.v[f]);
			busy |= strvec_contains(changed, files.v[f]);
			for (size_t k = 0; k < c->check_messages.nr && !busy; k++)
				busy = strstr(c->check_messages.v[k], files.v[f]) != NULL;
		}
		if (mine.nr && !busy) {
			char *list = strvec_join(&mine, 3, ", ");

			strvec_pushf(idle, "patch %zu (\"%s\"): its rules changed none of the %zu "
				     "file%s its paths hold that use the API (%s)", i + 1,
				     c->m.patches[i].subject, mine.nr, mine.nr == 1 ? "" : "s", list);
			free(list);
		}
		strvec_clear(&mine);
	}
	strvec_clear(&files);
}
