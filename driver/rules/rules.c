/* Running the semantic patches: prefilter, parse check, spatch invocations. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/worktree.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/strbuf.h"
#include "lib/utf8.h"
#include "rules/rules.h"
#include "rules/rules_internal.h"

#define SPATCH_PYTHON "/usr/bin/python3"
#include "lib/run.h"
#include "lib/usage.h"

int rules_candidates(const char *dir, const struct strvec *tokens, struct strvec *files)
{
	return grep_tokens(dir, NULL, tokens, files);
}

int rules_any_file_contains(const char *dir, const struct strvec *files, const char *text)
{
	for (size_t i = 0; i < files->nr; i++) {
		char *path = xstrfmt("%s/%s", dir, files->v[i]);
		char *data = read_file(path);
		int hit = data && strstr(data, text);

		free(data);
		free(path);
		if (hit)
			return 1;
	}
	return 0;
}

/* "static int foo(int x)" -> "foo": the identifier before the first '(' */
static char *function_name(const char *line)
{
	const char *paren = strchr(line, '('), *end, *start;

	if (!paren || isspace((unsigned char)line[0]) || line[0] == '#' || strchr(line, ';') ||
	    strchr(line, '='))
		return NULL;
	end = paren;
	while (end > line && isspace((unsigned char)end[-1]))
		end--;
	start = end;
	while (start > line && (isalnum((unsigned char)start[-1]) || start[-1] == '_'))
		start--;
	if (start == end)
		return NULL;
	return xstrndup(start, end - start);
}

/* Where rules_parse_output is within one failure's "bad:" lines. */
struct bad_lines {
	int prev_continues;	/* the bad line before ended with a backslash */
	int before_error, region, seen_error;	/* to number them from the error line */
};

/* One "bad:" (or "BAD:", the error line) line of failure cur. */
static void take_bad_line(struct bad_lines *b, struct parse_failure *cur, const char *l,
			  const struct strvec *tokens)
{
	const char *code = l + 4, *c;
	size_t len;
	char *fn;

	/* the lines around the error line, in order: number them from it */
	b->region++;
	if (l[0] == 'B') {
		b->seen_error = 1;
		cur->attribute |= strstr(l, "__attribute__") != NULL;
	} else if (!b->seen_error) {
		b->before_error++;
	}
	if (cur->line > 0) {
		/* no error line among them (yet): they start at it */
		cur->first = cur->line - (b->seen_error ? b->before_error : 0);
		cur->last = cur->first + b->region - 1;
	}
	while (*code == '!')
		code++;
	if (*code == ' ')
		code++;
	len = strlen(code);
	while (len && isspace((unsigned char)code[len - 1]))
		len--;
	/* the failing line sits in a #define: a macro spatch cannot parse */
	if (l[0] == 'B' && (b->prev_continues || (len && code[len - 1] == '\\')))
		cur->in_macro = 1;
	b->prev_continues = (len && code[len - 1] == '\\') || strstr(code, "#define");
	/* a token named in a comment is not a use of the API */
	for (c = code; isspace((unsigned char)*c); c++)
		;
	if ((c[0] == '*' && (c[1] == ' ' || c[1] == '\0' || c[1] == '/')) ||
	    !strncmp(c, "/*", 2) || !strncmp(c, "//", 2))
		return;
	for (size_t t = 0; t < tokens->nr; t++)
		if (strstr(code, tokens->v[t]))
			cur->holds_tokens = 1;
	if (!cur->function && (fn = function_name(code)))
		cur->function = fn;
}

void rules_parse_output(const char *file, const char *text, const struct strvec *tokens,
			struct parse_failure **out, size_t *nr)
{
	struct strvec lines = STRVEC_INIT;
	struct parse_failure *cur = NULL;
	struct bad_lines b = { 0 };

	strvec_split_lines(&lines, text);
	for (size_t i = 0; i < lines.nr; i++) {
		const char *l = lines.v[i], *p;

		if (!strncmp(l, "parse error", 11)) {
			*out = xrealloc(*out, (*nr + 1) * sizeof(**out));
			cur = &(*out)[(*nr)++];
			*cur = (struct parse_failure){ .file = xstrdup(file) };
			b = (struct bad_lines){ 0 };
			continue;
		}
		if (!cur)
			continue;
		if ((p = strstr(l, ", line ")) && strstr(l, " = File ")) {
			/* an error inside spatch's own macro file is not the kernel's */
			if (!strstr(l, file))
				cur->line = -1;
			else
				cur->line = atoi(p + 7);
		} else if (!strncmp(l, "bad:", 4) || !strncmp(l, "BAD:", 4)) {
			take_bad_line(&b, cur, l, tokens);
		}
	}
	/* drop failures located in spatch's own files, name the unknown */
	for (size_t i = 0; i < *nr; i++) {
		if ((*out)[i].line < 0) {
			free((*out)[i].file);
			free((*out)[i].function);
			memmove(&(*out)[i], &(*out)[i + 1], (*nr - i - 1) * sizeof(**out));
			(*nr)--;
			i--;
		} else {
			if (!(*out)[i].function)
				(*out)[i].function = xstrdup("?");
			if (!(*out)[i].first)	/* no "bad:" lines: the error line alone */
				(*out)[i].first = (*out)[i].last = (*out)[i].line;
		}
	}
	strvec_clear(&lines);
}

static void push_common_options(const struct rules_opts *o, struct strvec *args)
{
	/* every option explicit: a tree's .cocciconfig must not change the run */
	strvec_pushl(args, "--no-includes", "--include-headers", NULL);
	strvec_pushf(args, "--macro-file=%s", o->macro_file);
	/*
	 * spatch's python is the one it was built against (Debian's); without
	 * this it asks PATH, where a pyenv or venv python costs seconds a run
	 * and may not match spatch's embedded version.
	 */
	if (!access(SPATCH_PYTHON, X_OK))
		strvec_pushl(args, "--python", SPATCH_PYTHON, NULL);
}

/*
 * spatch's own temporary files (TMPDIR, and --tmp-dir, which spatch takes as
 * a name prefix) go into a folder inside the scratch folder, so the cleanup
 * removes them even when spatch is killed. Caller frees.
 */
char *rules_spatch_tmp_dir(const struct rules_opts *o)
{
	char *dir = xstrfmt("%s/spatch-tmp", o->tmp_dir);

	mkdir(dir, 0700);
	return dir;
}

/* the name spatch knows the tree by, in the scratch folder */
static const char link_name[] = "tree";
/* and files whose names are not UTF-8 (spatch's python cannot take them) */
static const char alias_dir[] = "alias";

/* alias/N.c (N: the file's index, the extension kept) for a name spatch cannot take */
static char *alias_name(const char *file, size_t i)
{
	const char *dot = strrchr(file, '.');

	return xstrfmt("%s/%zu%s", alias_dir, i, dot && !strchr(dot, '/') ? dot : "");
}

/*
 * A copy of each file of the batch under batch_dir, at its own relative
 * path: spatch parses a folder in one process, and does not follow links.
 */
static int copy_batch(const char *dir, const struct strvec *files, size_t first, size_t step,
		      const char *batch_dir)
{
	if (mkdir(batch_dir, 0700) && errno != EEXIST)
		return error_errno("cannot create %s", batch_dir);
	for (size_t i = first; i < files->nr; i += step) {
		/* spatch's folder walk skips a name that is not UTF-8: an alias */
		char *rel = utf8_valid(files->v[i]) ? xstrdup(files->v[i]) : alias_name(files->v[i], i);
		char *from = xstrfmt("%s/%s", dir, files->v[i]);
		char *to = xstrfmt("%s/%s", batch_dir, rel);
		char *text = read_file(from);
		int ret = !text ? error_errno("cannot read %s", from) :
			  make_parents(to, 0700) ? -1 : write_file(to, text);

		free(rel);
		free(text);
		free(from);
		free(to);
		if (ret)
			return -1;
	}
	return 0;
}

/*
 * One batch's log, cut where spatch says "PARSING: BATCH/FILE": each file's
 * part goes through rules_parse_output as if it had been parsed alone.
 */
static void split_parse_log(const char *batch_dir, const char *log, const struct strvec *files,
			    const struct strvec *tokens, struct parse_failure **out, size_t *nr,
			    struct strvec *parsed)
{
	char *head = xstrfmt("PARSING: %s/", batch_dir);
	size_t head_len = strlen(head);
	const char *p = strstr(log, head);

	while (p) {
		const char *name = p + head_len, *eol = strchrnul(name, '\n');
		const char *next = strstr(eol, head);
		char *file = xstrndup(name, eol - name);
		char *part = xstrndup(eol, next ? (size_t)(next - eol) : strlen(eol));

		size_t first = *nr, n;
		char *end;

		rules_parse_output(file, part, tokens, out, nr);
		/* an alias back to the file's own name */
		if (!strncmp(file, alias_dir, sizeof(alias_dir) - 1) &&
		    file[sizeof(alias_dir) - 1] == '/' &&
		    (n = strtoul(file + sizeof(alias_dir), &end, 10)) < files->nr) {
			free(file);
			file = xstrdup(files->v[n]);
			for (size_t k = first; k < *nr; k++) {
				free((*out)[k].file);
				(*out)[k].file = xstrdup(file);
			}
		}
		strvec_push(parsed, file);
		free(file);
		free(part);
		p = next;
	}
	free(head);
}

/* Failures in the order of files (batches mix them), each file's own order kept. */
static void sort_failures(const struct strvec *files, struct parse_failure **f, size_t nr)
{
	struct parse_failure *sorted = xcalloc(nr + 1, sizeof(*sorted));
	size_t n = 0;

	for (size_t i = 0; i < files->nr; i++)
		for (size_t k = 0; k < nr; k++)
			if (!strcmp((*f)[k].file, files->v[i]))
				sorted[n++] = (*f)[k];
	/* a name outside files (none expected) keeps its place at the end */
	for (size_t k = 0; k < nr; k++)
		if (!strvec_contains(files, (*f)[k].file))
			sorted[n++] = (*f)[k];
	free(*f);
	*f = sorted;
}

/*
 * A batch whose spatch died (its parser's "Stack overflow" on a 5 MB
 * generated table): the files it parsed count, the one it died on is a
 * file spatch cannot parse (named), the rest go to retry. -1 when it died
 * before any file.
 */
static int batch_died(const char *batch_dir, const char *log, const struct strvec *files,
		      const struct strvec *tokens, struct parse_failure **out, size_t *nr,
		      struct strvec *parsed, struct strvec *retry, size_t b, size_t batches)
{
	struct strvec mine = STRVEC_INIT;
	const char *fatal = log ? strstr(log, "Fatal error") : NULL;
	const char *died;

	split_parse_log(batch_dir, log ? log : "", files, tokens, out, nr, &mine);
	if (!mine.nr) {
		strvec_clear(&mine);
		return -1;
	}
	died = mine.v[mine.nr - 1];
	warning("spatch's parser died on %s (%.*s): the file counts as code spatch cannot parse",
		died, fatal ? (int)strcspn(fatal, "\n") : 7, fatal ? fatal : "no cause");
	*out = xrealloc(*out, (*nr + 1) * sizeof(**out));
	/* the whole file is code spatch could not see */
	(*out)[(*nr)++] = (struct parse_failure){ .file = xstrdup(died), .line = 1, .first = 1,
						  .last = INT_MAX, .function = xstrdup("?"),
						  .holds_tokens = 1, .whole_file = 1 };
	for (size_t i = b; i < files->nr; i += batches)
		if (!strvec_contains(&mine, files->v[i]))
			strvec_push(retry, files->v[i]);
	strvec_pushv(parsed, (const char *const *)mine.v);
	strvec_clear(&mine);
	return 0;
}

int rules_parse_check(const struct rules_opts *o, const char *dir, const struct strvec *files,
		      const struct strvec *tokens, struct parse_failure **out, size_t *nr)
{
	size_t batches = o->jobs > 1 ? (size_t)o->jobs : 1;
	struct child_process *cps;
	struct strvec parsed = STRVEC_INIT, retry = STRVEC_INIT;
	int *results, ret = 0;
	char *tmp;

	*out = NULL;
	*nr = 0;
	if (!files->nr)
		return 0;
	if (batches > files->nr)
		batches = files->nr;
	cps = xcalloc(batches, sizeof(*cps));
	results = xcalloc(batches, sizeof(*results));
	tmp = rules_spatch_tmp_dir(o);
	/* one spatch --parse-ch per batch (a process per file cost seconds), in parallel */
	for (size_t b = 0; b < batches; b++) {
		char *batch_dir = xstrfmt("%s/parse-%zu", o->tmp_dir, b);

		if (copy_batch(dir, files, b, batches, batch_dir))
			ret = -1;
		strvec_pushl(&cps[b].args, "spatch", "--parse-ch", batch_dir, "--no-includes", NULL);
		strvec_pushf(&cps[b].args, "--macro-file=%s", o->macro_file);
		cps[b].dir = o->tmp_dir;
		cps[b].big_stack = 1;
		cps[b].out_file = "/dev/null";
		cps[b].err_file = xstrfmt("%s.log", batch_dir);
		cps[b].tmp_dir = tmp;
		free(batch_dir);
	}
	if (!ret)
		run_parallel(cps, batches, o->jobs, results);
	for (size_t b = 0; b < batches; b++) {
		char *batch_dir = xstrfmt("%s/parse-%zu", o->tmp_dir, b);
		char *log = ret ? NULL : read_file(cps[b].err_file);

		if (!ret && results[b] &&
		    batch_died(batch_dir, log, files, tokens, out, nr, &parsed, &retry, b, batches)) {
			error("spatch --parse-ch failed (exit %d) on %s and the other files of its "
			      "batch:\n%s", results[b], files->v[b], log ? log : "");
			ret = -1;
		} else if (log && !results[b]) {
			split_parse_log(batch_dir, log, files, tokens, out, nr, &parsed);
		}
		free(log);
		remove_tree(batch_dir);	/* a retry makes its batches afresh */
		unlink(cps[b].err_file);
		free((char *)cps[b].err_file);
		child_process_clear(&cps[b]);
		free(batch_dir);
	}
	/* what a dead batch had not reached yet, in batches of its own */
	if (!ret && retry.nr) {
		struct parse_failure *more;
		size_t n_more;

		ret = rules_parse_check(o, dir, &retry, tokens, &more, &n_more);
		*out = xrealloc(*out, (*nr + n_more + 1) * sizeof(**out));
		for (size_t k = 0; !ret && k < n_more; k++)
			(*out)[(*nr)++] = more[k];
		free(more);
		strvec_pushv(&parsed, (const char *const *)retry.v);
	}
	strvec_clear(&retry);
	/* never silent: a file spatch's folder walk left out was not checked */
	for (size_t i = 0; !ret && i < files->nr; i++)
		if (!strvec_contains(&parsed, files->v[i]))
			ret = error("spatch --parse-ch did not parse %s: its parse check is missing",
				    files->v[i]);
	if (!ret)
		sort_failures(files, out, *nr);
	strvec_clear(&parsed);
	free(cps);
	free(results);
	free(tmp);
	return ret;
}

void parse_failures_drop_dead(struct strvec *files, const struct parse_failure *f, size_t nr)
{
	for (size_t k = 0; k < nr; k++)
		for (size_t i = files->nr; f[k].whole_file && i-- > 0;)
			if (!strcmp(files->v[i], f[k].file))
				strvec_remove(files, i);
}

void parse_failures_free(struct parse_failure *f, size_t nr)
{
	for (size_t i = 0; i < nr; i++) {
		free(f[i].file);
		free(f[i].function);
	}
	free(f);
}

/* spatch 1.1.1 exits 0 on a python error in --file-groups runs: read stderr */
static int spatch_stderr_failed(const char *err)
{
	return err && (strstr(err, "EXN:") || strstr(err, "Fatal error") ||
		       strstr(err, "parse error in") || strstr(err, "Traceback"));
}

/*
 * spatch 1.1.1 runs diff through a shell without quoting: a path with a
 * space breaks --in-place silently. spatch sees the tree through a link in
 * the scratch folder instead, "tree/<file>", never the user's path; one file
 * group per file, so each file is matched on its own.
 */
char *rules_file_groups(const struct rules_opts *o, const char *dir, const struct strvec *files,
			const char *name)
{
	char abs_dir[PATH_MAX], *link, *groups;
	struct strbuf sb = STRBUF_INIT;
	int ret;

	if (!realpath(dir, abs_dir)) {
		error_errno("cannot resolve %s", dir);
		return NULL;
	}
	link = xstrfmt("%s/%s", o->tmp_dir, link_name);
	unlink(link);
	ret = symlink(abs_dir, link);
	if (ret)
		error_errno("cannot link %s to %s", link, abs_dir);
	free(link);
	if (ret)
		return NULL;
	for (size_t i = 0; i < files->nr; i++) {
		char *alias, *path, *target;

		if (utf8_valid(files->v[i])) {
			strbuf_addf(&sb, "%s/%s\n\n", link_name, files->v[i]);
			continue;
		}
		alias = alias_name(files->v[i], i);
		path = xstrfmt("%s/%s", o->tmp_dir, alias);
		target = xstrfmt("%s/%s", abs_dir, files->v[i]);
		free(path);
		path = xstrfmt("%s/%s", o->tmp_dir, alias_dir);
		mkdir(path, 0700);
		free(path);
		path = xstrfmt("%s/%s", o->tmp_dir, alias);
		unlink(path);
		if (symlink(target, path))
			error_errno("cannot link %s to %s", path, target);
		strbuf_addf(&sb, "%s\n\n", alias);
		free(alias);
		free(path);
		free(target);
	}
	groups = xstrfmt("%s/%s", o->tmp_dir, name);
	ret = write_file(groups, sb.buf ? sb.buf : "");
	strbuf_release(&sb);
	if (ret) {
		free(groups);
		return NULL;
	}
	return groups;
}

/*
 * "spatch --sp-file RULE -D MODE" and the defines the rule declares (spatch
 * rejects -D for a virtual it does not). 1 when the rule has nothing to do
 * in this mode (no report rules), 0, or -1 on an error.
 */
static int rule_command(const struct rules_opts *o, const char *rule, const char *mode,
			struct strvec *args)
{
	char *path = xstrfmt("%s/%s", o->cocci_dir, rule), *text = read_file(path);
	int skip;

	if (!text) {
		error_errno("cannot read rule file %s", path);
		free(path);
		return -1;
	}
	strvec_pushl(args, "spatch", "--sp-file", path, "-D", mode, NULL);
	for (size_t i = 0; i < o->defines.nr; i++) {
		char *decl = xstrfmt("virtual %s\n", o->defines.v[i]);

		if (strstr(text, decl))
			strvec_pushl(args, "-D", o->defines.v[i], NULL);
		free(decl);
	}
	skip = !strcmp(mode, "report") && !strstr(text, "depends on report");
	free(text);
	free(path);
	return skip;
}

/* spatch's report lines, with paths relative to the tree as the user gave it */
static void take_report(const char *out, const struct strvec *files, struct strvec *report)
{
	struct strvec lines = STRVEC_INIT;
	const size_t link_len = sizeof(link_name) - 1, alias_len = sizeof(alias_dir) - 1;

	strvec_split_lines(&lines, out);
	for (size_t i = 0; i < lines.nr; i++) {
		const char *l = lines.v[i];
		char *end;
		size_t n;

		if (!strstr(l, ": "))
			continue;
		if (!strncmp(l, link_name, link_len) && l[link_len] == '/') {
			l += link_len + 1;
		} else if (!strncmp(l, alias_dir, alias_len) && l[alias_len] == '/' &&
			   (n = strtoul(l + alias_len + 1, &end, 10)) < files->nr) {
			/* an alias back to the file's own name */
			char *alias = alias_name(files->v[n], n);
			size_t len = strlen(alias);

			if (!strncmp(l, alias, len)) {
				strvec_pushf(report, "%s%s", files->v[n], l + len);
				free(alias);
				continue;
			}
			free(alias);
		}
		strvec_push(report, l);
	}
	strvec_clear(&lines);
}

/* The spatch command of one rule file on the file groups: 1 nothing to do, 0, -1 */
int rules_rule_process(const struct rules_opts *o, const char *rule, const char *mode,
		       const char *groups, const char *prefix, const char *tmp,
		       struct child_process *cp)
{
	int ret = rule_command(o, rule, mode, &cp->args);

	if (ret)
		return ret;
	push_common_options(o, &cp->args);
	strvec_pushl(&cp->args, "--file-groups", groups, "--max-width", "80", NULL);
	strvec_pushf(&cp->args, "--jobs=%d", o->jobs > 0 ? o->jobs : 1);
	strvec_pushl(&cp->args, "--tmp-dir", prefix, NULL);
	cp->tmp_dir = tmp;
	if (!strcmp(mode, "patch"))
		strvec_pushl(&cp->args, "--in-place", "--no-show-diff", NULL);
	/*
	 * Run from the scratch folder, never from the tree: spatch silently
	 * applies a .cocciconfig of its working directory (kernels ship one).
	 */
	cp->dir = o->tmp_dir;
	cp->big_stack = 1;
	cp->capture_out = cp->capture_err = 1;
	return 0;
}

/* What one run's status and output mean: 0, or -1 after an error naming the rule */
int rules_rule_result(const char *rule, const char *mode, int ret, const struct child_process *cp,
		      const struct strvec *files, struct strvec *report)
{
	/*
	 * "No rules apply": every rule of the file depends on a define this run
	 * does not give (a probe that did not fire), so there is nothing to do.
	 */
	if (ret > 0 && cp->err && strstr(cp->err, "No rules apply."))
		return 0;
	if (ret || spatch_stderr_failed(cp->err))
		return error("spatch failed on rule %s (%s mode, exit %d):\n%s", rule, mode, ret,
			     cp->err ? cp->err : "");
	if (report)
		take_report(cp->out, files, report);
	return 0;
}

