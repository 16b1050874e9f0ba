#include <ctype.h>
#include <stdarg.h>
#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/outdir.h"
#include "core/worktree.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "posting/mailfile.h"
#include "posting/patchset.h"
#include "posting/reroll.h"

/* A folder holding format-patch output: at least one NNNN-*.patch. */
static int has_patches(const char *dir)
{
	struct strvec patches = STRVEC_INIT;
	int n = !patchset_list_dir(dir, &patches, 1) ? (int)patches.nr : 0;

	strvec_clear(&patches);
	return n > 0;
}

/* The series folders of an output folder: DIR/<rev>/series. */
static void output_series(const char *given, struct strvec *dirs)
{
	DIR *d = opendir(given);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		char *s = xstrfmt("%s/%s/series", given, e->d_name);

		if (e->d_name[0] != '.' && has_patches(s))
			strvec_push(dirs, s);
		free(s);
	}
	if (d)
		closedir(d);
	strvec_sort(dirs);
}

static char *series_folder(const char *given, const char *rev)
{
	struct strvec dirs = STRVEC_INIT;
	char *name, *dir = NULL;

	if (has_patches(given))
		return xstrdup(given);
	name = outdir_rev_name(rev);
	dir = xstrfmt("%s/%s/series", given, name);
	free(name);
	if (has_patches(dir))
		return dir;
	free(dir);
	dir = NULL;
	output_series(given, &dirs);
	if (dirs.nr == 1)
		dir = xstrdup(dirs.v[0]);
	else if (!dirs.nr)
		error("--previous %s holds no series: give the --out of an earlier kseries series "
		      "run, or its DIR/<rev>/series folder", given);
	else
		error("--previous %s holds series of %zu revisions and none of %s: give one of "
		      "them, e.g. %s", given, dirs.nr, rev, dirs.v[0]);
	strvec_clear(&dirs);
	return dir;
}

/* "base-commit: SHA" of the cover letter, else the commit of its report.json. */
static char *series_base(const char *dir, const char *cover_text)
{
	const char *p = cover_text ? strstr(cover_text, "\nbase-commit: ") : NULL;
	char *report;
	json_t *o;
	char *base = NULL;

	if (p)
		return xstrndup(p + 14, strcspn(p + 14, " \n"));
	report = xstrfmt("%s/../report.json", dir);
	o = json_load_file(report, 0, NULL);
	if (o && json_is_string(json_object_get(o, "commit")))
		base = xstrdup(json_string_value(json_object_get(o, "commit")));
	json_decref(o);
	free(report);
	return base;
}

/* The most a --previous series may be: its next version is one more, and --reroll-count stops at 999. */
#define MAX_VERSION 998

/* 2 of "[PATCH v2 00/13] ...", 1 without a version; -1 past MAX_VERSION (a v2147483647 overflows). */
static int subject_version(const char *subject)
{
	const char *end = subject ? strchr(subject, ']') : NULL;

	for (const char *p = subject; p && p < end; p++)
		if (*p == 'v' && (p == subject || p[-1] == ' ' || p[-1] == '[') &&
		    isdigit((unsigned char)p[1])) {
			long v = strtol(p + 1, NULL, 10);

			return v >= 1 && v <= MAX_VERSION ? (int)v : -1;
		}
	return 1;
}

int previous_find(const char *repo, const char *given, const char *rev, struct previous_series *p)
{
	char *cover = NULL, *text = NULL, *subject, *commit;

	memset(p, 0, sizeof(*p));
	if (access(given, R_OK))
		return error_errno("cannot read --previous %s", given);
	if (!(p->dir = series_folder(given, rev)))
		return -1;
	patchset_list_dir(p->dir, &p->patches, 0);
	if (!patchset_cover_in(p->dir, &cover))
		text = read_file(cover);
	subject = text ? mail_header(text, "Subject") : NULL;
	p->version = subject_version(subject);
	if (p->version < 0) {
		free(subject);
		free(text);
		free(cover);
		return error("the cover letter in %s says a version kseries cannot follow (past v%d): "
			     "give the earlier series' own folder", p->dir, MAX_VERSION);
	}
	p->base = series_base(p->dir, text);
	free(subject);
	free(text);
	free(cover);
	if (!p->base)
		return error("cannot tell what the series in %s applies to: its cover letter has no "
			     "base-commit line and there is no report.json next to it", p->dir);
	if (!(commit = git_resolve_commit(repo, p->base)))
		return error("the series in %s applies to %s, which %s does not have: fetch it, or "
			     "give a --previous made from this repo", p->dir, p->base, repo);
	free(commit);
	return 0;
}

void previous_clear(struct previous_series *p)
{
	free(p->dir);
	free(p->base);
	strvec_clear(&p->patches);
	memset(p, 0, sizeof(*p));
}

/* git in repo with the scratch index, stdin from in (or none): its stdout in *out. */
static int git_index(const char *repo, const char *index, const char *in, char **out,
		     const char *const *env, ...)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	va_list ap;
	const char *arg;
	int ret;

	strvec_pushl(&cp.args, "git", "-C", repo, NULL);
	va_start(ap, env);
	while ((arg = va_arg(ap, const char *)))
		strvec_push(&cp.args, arg);
	va_end(ap);
	strvec_pushf(&cp.env, "GIT_INDEX_FILE=%s", index);
	for (; env && *env; env++)
		strvec_push(&cp.env, *env);
	cp.in_file = in;
	cp.capture_out = cp.capture_err = 1;
	ret = run_command(&cp);
	if (ret)
		error("git %s failed: %.*s", cp.args.v[3], (int)strcspn(cp.err ? cp.err : "", "\n"),
		      cp.err ? cp.err : "");
	if (out) {
		*out = cp.out ? cp.out : xstrdup("");
		(*out)[strcspn(*out, "\n")] = '\0';
		cp.out = NULL;
	}
	child_process_clear(&cp);
	return ret ? -1 : 0;
}

/* "Author: ...", "Email: ...", ... of git mailinfo: the one named, or "". */
static char *info_field(const char *info, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = info; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (!strncmp(p, name, n) && p[n] == ':' && p[n + 1] == ' ')
			return xstrndup(p + n + 2, strcspn(p + n + 2, "\n"));
	return xstrdup("");
}

/* One mail as a commit on parent: *commit gets it. */
static int mail_commit(const char *repo, const char *index, const char *tmp_dir, const char *mail,
		       const char *parent, char **commit)
{
	char *msg = xstrfmt("%s/msg", tmp_dir), *patch = xstrfmt("%s/patch", tmp_dir);
	char *full = xstrfmt("%s/message", tmp_dir), *info = NULL, *tree = NULL, *body;
	struct child_process cp = CHILD_PROCESS_INIT;
	int ret;

	strvec_pushl(&cp.args, "git", "mailinfo", msg, patch, NULL);
	cp.in_file = mail;
	cp.capture_out = cp.quiet_err = 1;
	ret = run_command(&cp) ? error("git mailinfo cannot read %s: is it a patch mail?", mail) : 0;
	info = cp.out ? cp.out : xstrdup("");
	cp.out = NULL;
	child_process_clear(&cp);
	if (!ret && git_index(repo, index, NULL, NULL, NULL, "apply", "--cached", patch, NULL))
		ret = error("%s does not apply on %s", mail, parent);
	if (!ret)
		ret = git_index(repo, index, NULL, &tree, NULL, "write-tree", NULL);
	if (!ret && (body = read_file(msg))) {
		char *subject = info_field(info, "Subject"), *name = info_field(info, "Author");
		char *email = info_field(info, "Email"), *date = info_field(info, "Date");
		char *env[4] = { xstrfmt("GIT_AUTHOR_NAME=%s", name),
				 xstrfmt("GIT_AUTHOR_EMAIL=%s", email),
				 xstrfmt("GIT_AUTHOR_DATE=%s", date), NULL };
		char *text = xstrfmt("%s\n\n%s", subject, body);

		ret = write_file(full, text);
		if (!ret)
			ret = git_index(repo, index, NULL, commit, (const char *const *)env,
					"commit-tree", tree, "-p", parent, "-F", full, NULL);
		for (int i = 0; i < 3; i++)
			free(env[i]);
		free(text);
		free(subject);
		free(name);
		free(email);
		free(date);
		free(body);
	}
	free(info);
	free(tree);
	free(msg);
	free(patch);
	free(full);
	return ret;
}

int mails_commit(const char *repo, const char *base, const struct strvec *mails,
		 const char *tmp_dir, char **head)
{
	char *index = xstrfmt("%s/index", tmp_dir), *parent = xstrdup(base);
	int ret = git_index(repo, index, NULL, NULL, NULL, "read-tree", base, NULL);

	for (size_t i = 0; !ret && i < mails->nr; i++) {
		char *commit = NULL;

		ret = mail_commit(repo, index, tmp_dir, mails->v[i], parent, &commit);
		free(parent);
		parent = commit;
	}
	remove(index);
	free(index);
	if (ret) {
		free(parent);
		return -1;
	}
	*head = parent;
	return 0;
}

/* "1:  87fbbfe ! 1:  03845d5 subject": the old and new numbers ("-": none), the mark, the subject. */
static int pair_line(const char *l, char *mark, int *old_n, int *new_n, const char **subject)
{
	const char *p = l;
	int n[2];

	for (int side = 0; side < 2; side++) {
		p += strspn(p, " ");	/* numbers are right-aligned */
		n[side] = *p == '-' ? 0 : atoi(p);
		if (!isdigit((unsigned char)*p) && *p != '-')
			return 0;
		p += strcspn(p, ":");
		if (*p != ':')
			return 0;
		p += strspn(p + 1, " ") + 1;
		p += strcspn(p, " ");	/* the sha or ------- */
		if (*p++ != ' ')
			return 0;
		if (!side) {
			if (!strchr("=!<>", *p) || p[1] != ' ')
				return 0;
			*mark = *p;
			p += 2;
		}
	}
	*old_n = n[0];
	*new_n = n[1];
	*subject = p;
	return 1;
}

/* The part of a patch an inner hunk line is in: "the commit message", a file. */
static char *section_of(const char *content)
{
	const char *s = content;
	size_t n;

	if (!strcmp(s, "Metadata"))
		return xstrdup("the author or date");
	if (!strcmp(s, "Commit message"))
		return xstrdup("the commit message");
	n = strcspn(s, ":");
	if (n > 6 && !strncmp(s + n - 6, " (new)", 6))
		n -= 6;
	while (n && s[n - 1] == ' ')
		n--;
	return xstrndup(s, n);
}

/* What the changed pair's inner diff touches, from its "## X ##" and "@@ X" lines. */
static void changed_parts(const struct strvec *lines, size_t from, struct strvec *parts)
{
	char *current = NULL;

	for (size_t i = from; i < lines->nr && !strncmp(lines->v[i], "    ", 4); i++) {
		const char *l = lines->v[i] + 4, *c = l + 1;
		size_t len = strlen(c);

		if (!strncmp(l, "@@ ", 3)) {
			free(current);
			current = section_of(l + 3);
			continue;
		}
		if (!*l)
			continue;
		if (*c == ' ')
			c++, len--;
		if (len > 6 && !strncmp(c, "## ", 3) && !strcmp(c + len - 3, " ##")) {
			char *name = xstrndup(c + 3, len - 6);

			free(current);
			current = section_of(name);
			free(name);
		} else if ((*l == '+' || *l == '-') && current && !strvec_contains(parts, current)) {
			strvec_push(parts, current);
		}
	}
	free(current);
}

void range_diff_parse(const char *text, size_t nr, struct range_diff *rd)
{
	struct strvec lines = STRVEC_INIT, dropped = STRVEC_INIT;

	strvec_split_lines(&lines, text);
	for (size_t i = 0; i < lines.nr; i++) {
		const char *subject;
		char mark;
		int o, n;

		if (!pair_line(lines.v[i], &mark, &o, &n, &subject))
			continue;
		if (mark == '!') {
			struct strvec parts = STRVEC_INIT;
			char *what;

			changed_parts(&lines, i + 1, &parts);
			what = parts.nr ? strvec_join(&parts, parts.nr, ", ") : xstrdup("the patch");
			strvec_pushf(&rd->changed, "%02d/%02zu %s: %s", n, nr, subject, what);
			free(what);
			strvec_clear(&parts);
		} else if (mark == '>') {
			strvec_pushf(&rd->added, "%02d/%02zu %s", n, nr, subject);
		} else if (mark == '<') {
			strvec_pushf(&dropped, "%d\t%s", o, subject);
		}
	}
	/* range-diff pairs a patch rewritten past its creation factor no more: same subject */
	for (size_t i = 0; i < dropped.nr; i++) {
		const char *subject = strchr(dropped.v[i], '\t') + 1;
		int paired = 0;

		for (size_t j = 0; j < rd->added.nr && !paired; j++) {
			const char *s = strchr(rd->added.v[j], ' ') + 1;

			if (!strcmp(s, subject)) {
				strvec_pushf(&rd->changed, "%.*s %s: rewritten", (int)(s - rd->added.v[j] - 1),
					     rd->added.v[j], subject);
				strvec_remove(&rd->added, j);
				paired = 1;
			}
		}
		if (!paired)
			strvec_pushf(&rd->dropped, "old %02d %s", atoi(dropped.v[i]), subject);
	}
	strvec_clear(&dropped);
	strvec_clear(&lines);
}

int range_diff_run(const char *repo, const char *old_base, const char *old_head,
		   const char *new_base, const char *new_head, size_t nr, struct range_diff *rd)
{
	char *old_range = xstrfmt("%s..%s", old_base, old_head);
	char *new_range = xstrfmt("%s..%s", new_base, new_head);
	int ret = run_capture(&rd->text, NULL, "git", "-C", repo, "range-diff", "--no-color",
			      old_range, new_range, NULL);

	if (ret)
		error("git range-diff %s %s failed: %s", old_range, new_range, run_capture_error());
	else
		range_diff_parse(rd->text ? rd->text : "", nr, rd);
	free(old_range);
	free(new_range);
	return ret ? -1 : 0;
}

char *range_diff_section(const struct range_diff *rd, int version, size_t nr)
{
	struct strbuf sb = STRBUF_INIT;
	size_t same = nr - rd->changed.nr - rd->added.nr;

	strbuf_addf(&sb, "Changes since v%d:\n", version);
	for (size_t i = 0; i < rd->changed.nr; i++)
		strbuf_addf(&sb, "- %s\n", rd->changed.v[i]);
	for (size_t i = 0; i < rd->added.nr; i++)
		strbuf_addf(&sb, "- %s: new in this version\n", rd->added.v[i]);
	for (size_t i = 0; i < rd->dropped.nr; i++)
		strbuf_addf(&sb, "- dropped: v%d's %s\n", version, rd->dropped.v[i] + 4);
	if (!rd->changed.nr && !rd->added.nr && !rd->dropped.nr)
		strbuf_addstr(&sb, "- none: every patch is the same (a resend)\n");
	else if (same)
		strbuf_addf(&sb, "- the other %zu patch%s: the same\n", same, same == 1 ? "" : "es");
	return strbuf_detach(&sb);
}

void range_diff_clear(struct range_diff *rd)
{
	free(rd->text);
	strvec_clear(&rd->added);
	strvec_clear(&rd->dropped);
	strvec_clear(&rd->changed);
	memset(rd, 0, sizeof(*rd));
}
