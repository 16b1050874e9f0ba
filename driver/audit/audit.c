/*
 * The audit of out-of-tree code: the series' audit rules in report mode on
 * the C files that hold its tokens, notes for other files that mention them,
 * the parse check; findings sorted and written as text, JSON or SARIF.
 */
#include <jansson.h>
#include <libgen.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "audit/audit.h"
#include "audit/fix_paths.h"
#include "lib/fileio.h"
#include "core/worktree.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "lib/utf8.h"
#include "rules/rules.h"

void audit_add(struct audit *a, const char *file, long line, long col, const char *severity,
	       const char *message, const char *id)
{
	struct finding *f;

	if (a->nr == a->alloc) {
		a->alloc = a->alloc ? a->alloc * 2 : 16;
		a->f = xrealloc(a->f, a->alloc * sizeof(*a->f));
	}
	f = &a->f[a->nr++];
	f->file = xstrdup(file);
	f->line = line;
	f->col = col;
	f->severity = xstrdup(severity);
	f->message = xstrdup(message);
	f->id = xstrdup(id);
}

char *audit_patch_path(const struct audit *a, const char *file)
{
	return fix_path(a->patch_base ? a->patch_base : ".", file);
}

/* root/rel as the user would write it: "drv" + "mn.c" -> "drv/mn.c", "." -> "mn.c" */
static char *user_path(const char *root, const char *rel)
{
	if (!strcmp(root, "."))
		return xstrdup(rel);
	return xstrfmt("%s%s%s", root, root[strlen(root) - 1] == '/' ? "" : "/", rel);
}

int audit_parse_line(struct audit *a, const char *root, const char *line)
{
	static regex_t re;
	static int compiled;
	regmatch_t m[7];
	char *copy, *path;

	if (!compiled) {
		if (regcomp(&re, "^(.+):([0-9]+):([0-9]+): (error|warning|note): (.*) \\[([a-z0-9-]+)\\]$",
			    REG_EXTENDED))
			die("audit: cannot compile the finding pattern");
		compiled = 1;
	}
	if (regexec(&re, line, 7, m, 0))
		return -1;
	copy = xstrdup(line);
	for (int i = 1; i < 7; i++)
		copy[m[i].rm_eo] = '\0';
	path = user_path(root, copy + m[1].rm_so);
	/* spatch counts columns from 0, compilers and SARIF from 1 */
	audit_add(a, path, atol(copy + m[2].rm_so), atol(copy + m[3].rm_so) + 1, copy + m[4].rm_so,
		  copy + m[5].rm_so, copy + m[6].rm_so);
	free(path);
	free(copy);
	return 0;
}

static int by_place(const void *x, const void *y)
{
	const struct finding *a = x, *b = y;
	int c = strcmp(a->file, b->file);

	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	c = strcmp(a->id, b->id);
	return c ? c : strcmp(a->message, b->message);
}

void audit_sort(struct audit *a)
{
	if (a->nr)
		qsort(a->f, a->nr, sizeof(*a->f), by_place);
}

int audit_has_problems(const struct audit *a)
{
	for (size_t i = 0; i < a->nr; i++)
		if (strcmp(a->f[i].severity, "note"))
			return 1;
	return 0;
}

void audit_write_text(FILE *f, const struct audit *a)
{
	for (size_t i = 0; i < a->nr; i++)
		fprintf(f, "%s:%ld:%ld: %s: %s [%s]\n", a->f[i].file, a->f[i].line, a->f[i].col,
			a->f[i].severity, a->f[i].message, a->f[i].id);
}

static size_t count(const struct audit *a, const char *severity)
{
	size_t n = 0;

	for (size_t i = 0; i < a->nr; i++)
		n += !strcmp(a->f[i].severity, severity);
	return n;
}

static int dump(FILE *f, json_t *o)
{
	int ret = json_dumpf(o, f, JSON_INDENT(1) | JSON_PRESERVE_ORDER);

	fputc('\n', f);
	json_decref(o);
	return ret ? error("cannot write the JSON output") : 0;
}

/* JSON takes UTF-8 only: a latin-1 file name keeps its finding, with U+FFFD */
json_t *audit_finding_json(const struct finding *f, const char *file)
{
	char *name = utf8_replace_invalid(file), *msg = utf8_replace_invalid(f->message);
	json_t *o = json_pack("{s:s, s:I, s:I, s:s, s:s, s:s}", "file", name,
			      "line", (json_int_t)f->line, "column", (json_int_t)f->col,
			      "severity", f->severity, "id", f->id, "message", msg);

	free(name);
	free(msg);
	return o;
}

int audit_write_json(FILE *f, const struct audit *a)
{
	json_t *o = json_object(), *list = json_array(), *sum = json_object();

	for (size_t i = 0; i < a->nr; i++)
		json_array_append_new(list, audit_finding_json(&a->f[i], a->f[i].file));
	json_object_set_new(o, "version", json_integer(1));
	json_object_set_new(o, "tool", json_string("kseries audit"));
	json_object_set_new(sum, "files", json_integer(a->files));
	json_object_set_new(sum, "errors", json_integer(count(a, "error")));
	json_object_set_new(sum, "warnings", json_integer(count(a, "warning")));
	json_object_set_new(sum, "notes", json_integer(count(a, "note")));
	json_object_set_new(o, "summary", sum);
	json_object_set_new(o, "findings", list);
	return dump(f, o);
}

/* SARIF's levels are ours: error, warning, note. One rule per finding id. */
int audit_write_sarif(FILE *f, const struct audit *a, const struct manifest *m)
{
	json_t *rules = json_array(), *results = json_array(), *run, *o;
	struct strvec ids = STRVEC_INIT;

	for (size_t i = 0; i < a->nr; i++) {
		const struct finding *x = &a->f[i];
		char *uri = utf8_replace_invalid(x->file), *msg = utf8_replace_invalid(x->message);

		if (!strvec_contains(&ids, x->id)) {
			strvec_push(&ids, x->id);
			json_array_append_new(rules, json_pack("{s:s, s:{s:s}, s:s}", "id", x->id,
				"shortDescription", "text", x->id, "helpUri",
				"https://example.invalid/kseries/docs/audit.md"));
		}
		json_array_append_new(results, json_pack(
			"{s:s, s:s, s:{s:s}, s:[{s:{s:{s:s}, s:{s:I, s:I}}}]}",
			"ruleId", x->id, "level", x->severity, "message", "text", msg,
			"locations", "physicalLocation", "artifactLocation", "uri", uri,
			"region", "startLine", (json_int_t)x->line, "startColumn", (json_int_t)x->col));
		free(uri);
		free(msg);
	}
	strvec_clear(&ids);
	run = json_pack("{s:{s:{s:s, s:s, s:s, s:o}}, s:o}", "tool", "driver", "name", "kseries",
			"informationUri", "https://example.invalid/kseries", "semanticVersion",
			"0.1.0", "rules", rules, "results", results);
	json_object_set_new(json_object_get(json_object_get(run, "tool"), "driver"), "fullName",
			    json_string(m->name));
	o = json_pack("{s:s, s:s, s:[o]}", "$schema",
		      "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0", "runs", run);
	return dump(f, o);
}

void audit_clear(struct audit *a)
{
	for (size_t i = 0; i < a->nr; i++) {
		free(a->f[i].file);
		free(a->f[i].severity);
		free(a->f[i].message);
		free(a->f[i].id);
	}
	free(a->f);
	strvec_clear(&a->roots);
	strvec_clear(&a->rels);
	strvec_clear(&a->paths);
	free(a->patch_base);
	memset(a, 0, sizeof(*a));
}

/* What kind of text a non-C file is, for its note. */
static const char *file_kind(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t n = strlen(base);

	if ((n > 6 && !strcmp(base + n - 6, ".patch")) || (n > 5 && !strcmp(base + n - 5, ".diff")))
		return "a patch file";
	if (!strncmp(base, "configure", 9) || (n > 3 && !strcmp(base + n - 3, ".m4")) ||
	    (n > 3 && !strcmp(base + n - 3, ".ac")))
		return "a configure probe file";
	if (!strcmp(base, "Kbuild"))
		return "a Kbuild file";
	if (!strncmp(base, "Makefile", 8))
		return "a Makefile";
	return "a non-C file";
}

/* Files under root (not C) that mention a token: a note each, never a finding to fix. */
static void note_other_files(struct audit *a, const char *root, const struct strvec *tokens)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	struct strvec lines = STRVEC_INIT;

	strvec_pushl(&cp.args, "grep", "-rlIF", "--exclude=*.c", "--exclude=*.h", "--exclude-dir=.git",
		     NULL);
	for (size_t i = 0; i < tokens->nr; i++)
		strvec_pushl(&cp.args, "-e", tokens->v[i], NULL);
	strvec_push(&cp.args, ".");
	cp.dir = root;
	cp.capture_out = 1;
	cp.quiet_err = 1;
	run_command(&cp);
	strvec_split_lines(&lines, cp.out);
	for (size_t i = 0; i < lines.nr; i++) {
		const char *rel = !strncmp(lines.v[i], "./", 2) ? lines.v[i] + 2 : lines.v[i];
		char *path = user_path(root, rel), *msg;

		msg = xstrfmt("%s mentions %s: text, not code, so not audited", file_kind(rel),
			      tokens->v[0]);
		audit_add(a, path, 1, 1, "note", msg, "kseries-not-c");
		free(msg);
		free(path);
	}
	strvec_clear(&lines);
	child_process_clear(&cp);
}

/* Code spatch cannot parse is not audited: an error where it uses the API. */
static void note_unparsed(struct audit *a, const char *root, const struct parse_failure *f,
			  size_t nr)
{
	for (size_t i = 0; i < nr; i++) {
		char *path, *msg;

		if (!f[i].holds_tokens)
			continue;
		path = user_path(root, f[i].file);
		msg = f[i].whole_file ?
		      xstrdup("spatch's parser dies on this file (see above), which uses the API: "
			      "not audited") :
		      xstrfmt("spatch cannot parse this code (in %s()), which uses the API: not "
			      "audited", f[i].function);
		audit_add(a, path, f[i].line, 1, "error", msg, "kseries-unparsed");
		free(msg);
		free(path);
	}
}

/* A .c file that holds NUL bytes is data, not C: spatch would find nothing in it. */
static int is_binary(const char *root, const char *file)
{
	char *path = xstrfmt("%s/%s", root, file);
	FILE *f = fopen(path, "rb");
	char buf[8192];
	size_t n;
	int bin = 0;

	while (f && !bin && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		bin = memchr(buf, '\0', n) != NULL;
	if (f)
		fclose(f);
	free(path);
	return bin;
}

static void note_not_audited(struct audit *a, const char *root, const char *file, const char *why)
{
	char *path = user_path(root, file), *msg = xstrfmt("%s: not audited", why);

	audit_add(a, path, 1, 1, "error", msg, "kseries-unparsed");
	free(msg);
	free(path);
}

/*
 * The audit rules over files, in one spatch process (they gather every file
 * before judging). When that process fails (a stack overflow on one huge
 * file), each file alone finds the culprits: they are named, counted as
 * not audited, and the others are audited without them.
 */
static int run_audit_rules(struct audit *a, const struct manifest *m, const char *root,
			   struct strvec *files, const struct rules_opts *o, struct strvec *report)
{
	struct rules_opts one = *o;
	struct strvec good = STRVEC_INIT;
	int ret = 0;

	one.jobs = 1;
	for (size_t r = 0; !ret && files->nr && r < m->audit_rules.nr; r++) {
		struct strvec found = STRVEC_INIT;

		if (!rules_run(&one, root, m->audit_rules.v[r], "report", files, &found)) {
			strvec_pushv(report, (const char *const *)found.v);
			strvec_clear(&found);
			continue;
		}
		strvec_clear(&found);
		if (files->nr == 1) {
			ret = -1;	/* one file alone: the rule or spatch may be what fails */
			break;
		}
		warning("audit: spatch failed on %zu files at once: trying each alone to find the "
			"file it fails on", files->nr);
		for (size_t i = 0; i < files->nr; i++) {
			struct strvec single = STRVEC_INIT;

			strvec_push(&single, files->v[i]);
			if (rules_run(&one, root, m->audit_rules.v[r], "report", &single, &found))
				note_not_audited(a, root, files->v[i],
						 "spatch fails on this file (see above)");
			else
				strvec_push(&good, files->v[i]);
			strvec_clear(&single);
			strvec_clear(&found);
		}
		if (good.nr == files->nr || !good.nr) {
			/* each alone passes, or none does: not one file's failure */
			ret = error("spatch fails on the audit rule %s %s", m->audit_rules.v[r],
				    good.nr ? "only on all the files at once" : "on every file");
			break;
		}
		strvec_clear(files);
		strvec_pushv(files, (const char *const *)good.v);
		strvec_clear(&good);
		r = (size_t)-1;	/* again from the first rule, without them */
		strvec_clear(report);
	}
	strvec_clear(&good);
	return ret;
}

/* One folder (or one file of a folder) given on the command line. */
static int audit_root(struct audit *a, const struct manifest *m, const char *root,
		      const char *only, struct rules_opts *o)
{
	struct strvec found = STRVEC_INIT, files = STRVEC_INIT, report = STRVEC_INIT;
	struct parse_failure *fail = NULL;
	size_t nfail = 0;
	/* what is on disk, tracked or not: an audit reads files, not commits */
	int ret = grep_tokens_on_disk(root, only, &m->tokens, &found);

	if (!only)
		note_other_files(a, root, &m->tokens);
	for (size_t i = 0; i < found.nr; i++) {
		char *path = user_path(root, found.v[i]);

		a->files++;
		strvec_push(&a->roots, root);
		strvec_push(&a->rels, found.v[i]);
		strvec_push(&a->paths, path);
		free(path);
		if (is_binary(root, found.v[i]))
			note_not_audited(a, root, found.v[i],
					 "binary data (NUL bytes), not C source: spatch cannot parse it");
		else
			strvec_push(&files, found.v[i]);
	}
	if (!ret && files.nr) {
		/* spatch itself failing is no clean audit: exit 2, as for any tool */
		if (rules_parse_check(o, root, &files, &m->tokens, &fail, &nfail))
			ret = -1;
		else
			note_unparsed(a, root, fail, nfail);
		/* what spatch's parser dies on, a rule run would die on too */
		parse_failures_drop_dead(&files, fail, nfail);
	}
	if (!ret && files.nr)
		ret = run_audit_rules(a, m, root, &files, o, &report);
	for (size_t i = 0; i < report.nr; i++)
		if (audit_parse_line(a, root, report.v[i]))
			warning("audit rule printed a line that is not a finding: %s", report.v[i]);
	parse_failures_free(fail, nfail);
	strvec_clear(&found);
	strvec_clear(&files);
	strvec_clear(&report);
	return ret;
}

/*
 * Is PATH i audited already through another (a folder that holds it, or the
 * same path given earlier)? Then it is skipped: each finding is said once.
 */
static int covered(const struct strvec *paths, size_t i)
{
	for (size_t j = 0; j < paths->nr; j++) {
		struct stat st;
		int same;

		if (j == i || stat(paths->v[j], &st) || !path_within(paths->v[j], paths->v[i]))
			continue;
		same = path_within(paths->v[i], paths->v[j]);
		if (same ? j < i : S_ISDIR(st.st_mode))
			return 1;
	}
	return 0;
}

int audit_run(struct audit *a, const struct manifest *m, const struct strvec *paths,
	      const struct strvec *defines, int jobs,
	      const char *scratch)
{
	struct rules_opts o = { 0 };
	char *macro_file = xstrfmt("%s/%s", m->dir, m->macro_file);
	int ret = 0;

	o.cocci_dir = m->dir;
	o.macro_file = macro_file;
	o.tmp_dir = scratch;
	o.jobs = jobs;
	strvec_pushv(&o.defines, (const char *const *)defines->v);
	for (size_t i = 0; !ret && i < paths->nr; i++) {
		struct stat st;

		if (stat(paths->v[i], &st)) {
			ret = error_errno("cannot read %s", paths->v[i]);
		} else if (covered(paths, i)) {
			continue;
		} else if (S_ISDIR(st.st_mode)) {
			ret = audit_root(a, m, paths->v[i], NULL, &o);
		} else {
			/* one file: grep it alone, never its whole folder */
			char *d = xstrdup(paths->v[i]), *b = xstrdup(paths->v[i]);

			ret = audit_root(a, m, dirname(d), basename(b), &o);
			free(d);
			free(b);
		}
	}
	strvec_clear(&o.defines);
	free(macro_file);
	audit_sort(a);
	return ret;
}
