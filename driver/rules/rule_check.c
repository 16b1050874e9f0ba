#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "rules/rule_check.h"

/* Every rule file of the series once, in the order the manifest names them. */
static void series_rule_files(const struct manifest *m, struct strvec *files)
{
	const struct strvec *lists[] = { &m->order, &m->check_rules, &m->audit_rules,
					 &m->audit_convert };

	for (size_t i = 0; i < m->nr_patches; i++)
		for (size_t j = 0; j < m->patches[i].rules.nr; j++)
			if (!strvec_contains(files, m->patches[i].rules.v[j]))
				strvec_push(files, m->patches[i].rules.v[j]);
	for (size_t l = 0; l < sizeof(lists) / sizeof(*lists); l++)
		for (size_t j = 0; j < lists[l]->nr; j++)
			if (!strvec_contains(files, lists[l]->v[j]))
				strvec_push(files, lists[l]->v[j]);
}

/* "patch 3 (subject)", the first patch naming rule, or "the manifest" */
static char *user_of(const struct manifest *m, const char *rule)
{
	for (size_t i = 0; i < m->nr_patches; i++)
		if (strvec_contains(&m->patches[i].rules, rule))
			return xstrfmt("patch %zu (\"%s\")", i + 1, m->patches[i].subject);
	return xstrdup("the manifest");
}

char *rule_check_error(const char *out)
{
	const char *p = strstr(out, "parse error"), *file, *line;
	const char *kind = p;

	if (!p)
		return NULL;
	while (kind > out && kind[-1] != '\n')
		kind--;
	file = strstr(p, "File \"");
	line = file ? strstr(file, "\", line ") : NULL;
	if (!file || !line)
		return xstrfmt("%.*s", (int)strcspn(kind, "\n"), kind);
	return xstrfmt("%.*s:%d: %.*s", (int)(line - file - 6), file + 6, atoi(line + 8),
		       (int)(p + 11 - kind), kind);
}

/* spatch --parse-cocci of path with -D for each virtual it declares that it will get. */
static void parse_command(const char *path, const char *text, const struct strvec *defines,
			  struct child_process *cp)
{
	const char *always[] = { "patch", "report" };

	strvec_pushl(&cp->args, "spatch", "--parse-cocci", path, NULL);
	for (size_t i = 0; i < 2 + defines->nr; i++) {
		const char *d = i < 2 ? always[i] : defines->v[i - 2];
		char *decl = xstrfmt("virtual %s\n", d);

		if (strstr(text, decl))
			strvec_pushl(&cp->args, "-D", d, NULL);
		free(decl);
	}
	cp->capture_out = cp->capture_err = 1;
}

/* The series folder checked already (a revision's child inherits it). */
static char *checked_dir;

int rule_check_files(const struct manifest *m, const struct strvec *defines, int jobs)
{
	struct strvec files = STRVEC_INIT, paths = STRVEC_INIT;
	struct child_process *cps;
	int *results, bad = 0;
	size_t n = 0;

	if (checked_dir && !strcmp(checked_dir, m->dir))
		return 0;
	series_rule_files(m, &files);
	cps = xcalloc(files.nr + 1, sizeof(*cps));
	results = xcalloc(files.nr + 1, sizeof(*results));
	for (size_t i = 0; i < files.nr; i++) {
		char *path = xstrfmt("%s/%s", m->dir, files.v[i]), *text = read_file(path);
		int e = errno;

		if (!text) {
			char *who = user_of(m, files.v[i]);

			/* a folder or a FIFO is refused by read_file, never read or waited on */
			error("the rule file %s that %s names %s in %s: fix its name in series.json, or "
			      "add the file", files.v[i], who,
			      e == EISDIR ? "is a folder" : e == EINVAL ?
			      "is no regular file (a FIFO, a device)" : "does not exist", m->dir);
			free(who);
			bad++;
		} else {
			cps[n] = (struct child_process)CHILD_PROCESS_INIT;
			parse_command(path, text, defines, &cps[n++]);
			strvec_push(&paths, files.v[i]);
		}
		free(text);
		free(path);
	}
	run_parallel(cps, n, jobs, results);
	for (size_t i = 0; i < n; i++) {
		char *out = xstrfmt("%s%s", cps[i].out ? cps[i].out : "", cps[i].err ? cps[i].err : "");
		char *why = rule_check_error(out);

		/* "No rules apply" is no parse error: no rule of it runs with these defines */
		if (why || (results[i] && !strstr(out, "No rules apply"))) {
			char *who = user_of(m, paths.v[i]);

			error("the rule file %s (of %s) does not parse: %s", paths.v[i], who,
			      why ? why : "spatch --parse-cocci failed");
			free(who);
			bad++;
		}
		free(why);
		free(out);
		child_process_clear(&cps[i]);
	}
	free(cps);
	free(results);
	strvec_clear(&files);
	strvec_clear(&paths);
	if (!bad) {
		free(checked_dir);
		checked_dir = xstrdup(m->dir);
	}
	return bad ? -1 : 0;
}
