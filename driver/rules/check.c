/* The series' checks on what a rewrite wrote, limited to the lines it wrote. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "rules/check.h"
#include "rules/layout.h"

void linelist_add(struct linelist *l, int line)
{
	size_t i = 0;

	while (i < l->nr && l->v[i] < line)
		i++;
	if (i < l->nr && l->v[i] == line)
		return;
	if (l->nr == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 16;
		l->v = xrealloc(l->v, l->alloc * sizeof(*l->v));
	}
	memmove(&l->v[i + 1], &l->v[i], (l->nr - i) * sizeof(*l->v));
	l->v[i] = line;
	l->nr++;
}

int linelist_has(const struct linelist *l, int line)
{
	for (size_t i = 0; i < l->nr; i++)
		if (l->v[i] == line)
			return 1;
	return 0;
}

void linelist_clear(struct linelist *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

void check_diff_added(const char *diff, struct linelist *added)
{
	struct strvec lines = STRVEC_INIT;

	strvec_split_lines(&lines, diff);
	for (size_t i = 0; i < lines.nr; i++) {
		const char *plus;
		int start, count = 1;

		/* "@@ -a[,b] +c[,d] @@": with -U0, lines c..c+d-1 are new */
		if (strncmp(lines.v[i], "@@ ", 3) || !(plus = strstr(lines.v[i], " +")))
			continue;
		if (sscanf(plus + 2, "%d,%d", &start, &count) < 1)
			continue;
		for (int n = 0; n < count; n++)
			linelist_add(added, start + n);
	}
	strvec_clear(&lines);
}

/* "FILE:L:C: rest" of file; returns rest and sets *line, or NULL. */
static const char *output_line(const char *file, const char *l, int *line)
{
	size_t len = strlen(file);
	const char *p;

	if (strncmp(l, file, len) || l[len] != ':')
		return NULL;
	*line = atoi(l + len + 1);
	p = strstr(l + len + 1, ": ");
	return p ? p + 2 : NULL;
}

/* Does the "[l1,l2,...]" list at the end of msg name a written line? */
static int involves_written(const char *msg, const struct linelist *written)
{
	const char *p = strrchr(msg, '[');

	while (p && *p && *p != ']') {
		if (linelist_has(written, atoi(p + 1)))
			return 1;
		p = strchr(p + 1, ',');
	}
	return 0;
}

int check_judge(const char *file, const struct strvec *output, const struct linelist *written,
		int *unchecked, struct strvec *messages, struct strvec *notes)
{
	struct linelist seen = LINELIST_INIT;
	int problems = 0;

	*unchecked = 0;
	for (size_t i = 0; i < output->nr; i++) {
		int line;
		const char *msg = output_line(file, output->v[i], &line);

		if (msg && !strcmp(msg, "seen"))
			linelist_add(&seen, line);
	}
	for (size_t i = 0; i < output->nr; i++) {
		int line;
		const char *msg = output_line(file, output->v[i], &line);

		if (msg && !strncmp(msg, "note: ", 6) && linelist_has(written, line)) {
			strvec_pushf(notes, "%s:%d: %s", file, line, msg + 6);
			continue;
		}
		if (!msg || !strcmp(msg, "seen") || !strncmp(msg, "note: ", 6) ||
		    !involves_written(msg, written))
			continue;
		strvec_pushf(messages, "%s:%d: %s", file, line, msg);
		error("%s", messages->v[messages->nr - 1]);
		problems++;
	}
	for (size_t i = 0; i < written->nr; i++) {
		if (linelist_has(&seen, written->v[i]))
			continue;
		strvec_pushf(messages, "%s:%d: unchecked: spatch cannot parse the function kseries "
			     "changed here, so no check can prove what it wrote", file, written->v[i]);
		error("%s", messages->v[messages->nr - 1]);
		problems++;
		(*unchecked)++;
	}
	linelist_clear(&seen);
	return problems;
}

char *check_diff_u0(const char *tmp_dir, const char *path, const char *before)
{
	char *old = xstrfmt("%s/check-before", tmp_dir), *diff = NULL;

	if (write_file(old, before)) {
		error_errno("cannot compare %s with its text before the rewrite", path);
	} else if (run_capture(&diff, NULL, "git", "diff", "--no-index", "--no-color",
			       "--no-ext-diff", "-U0", old, path, NULL) > 1) {
		/* git diff --no-index exits 1 when the files differ */
		error("git diff failed on %s", path);
		free(diff);
		diff = NULL;
	} else if (!diff) {
		diff = xstrdup("");
	}
	free(old);
	return diff;
}

/* Lines of now that the rewrite added and that hold a check token. */
static int written_lines(const struct rules_opts *o, const struct strvec *tokens,
			 const char *path, const char *before, struct linelist *written)
{
	char *diff = NULL, *now = read_file(path);
	struct linelist added = LINELIST_INIT;
	int ret = 0, n = 0;

	if (!now || !(diff = check_diff_u0(o->tmp_dir, path, before))) {
		ret = now ? -1 : error_errno("cannot read %s", path);
		goto out;
	}
	check_diff_added(diff, &added);
	/* line by line through now (empty lines count), added lines only */
	for (const char *l = now, *nl; l && *l; l = nl ? nl + 1 : NULL) {
		size_t len;

		n++;
		nl = strchr(l, '\n');
		len = nl ? (size_t)(nl - l) : strlen(l);
		for (size_t t = 0; linelist_has(&added, n) && t < tokens->nr; t++)
			if (memmem(l, len, tokens->v[t], strlen(tokens->v[t]))) {
				linelist_add(written, n);
				break;
			}
	}
out:
	linelist_clear(&added);
	free(diff);
	free(now);
	return ret;
}

int check_written(const struct rules_opts *o, const struct manifest *m, const char *dir,
		  const struct strvec *files, char *const *before, struct strvec *bad,
		  int *unchecked, struct strvec *messages, struct strvec *notes)
{
	struct linelist *written = xcalloc(files->nr + 1, sizeof(*written));
	struct strvec todo = STRVEC_INIT, output = STRVEC_INIT;
	int problems = 0;

	*unchecked = 0;
	for (size_t i = 0; i < files->nr && m->check_rules.nr; i++) {
		char *path = xstrfmt("%s/%s", dir, files->v[i]);
		int ret = written_lines(o, &m->check_tokens, path, before[i], &written[i]);

		free(path);
		if (ret) {
			problems = -1;
			goto out;
		}
		if (written[i].nr)
			strvec_push(&todo, files->v[i]);
	}
	for (size_t r = 0; r < m->check_rules.nr && todo.nr; r++) {
		verbose("check: %s on %zu files", m->check_rules.v[r], todo.nr);
		if (rules_run(o, dir, m->check_rules.v[r], "report", &todo, &output)) {
			problems = -1;
			goto out;
		}
	}
	for (size_t i = 0; i < files->nr; i++) {
		int n, unseen;

		if (!written[i].nr)
			continue;
		n = check_judge(files->v[i], &output, &written[i], &unseen, messages, notes);
		*unchecked += unseen;
		problems += n;
		if (n)
			strvec_push(bad, files->v[i]);
	}
out:
	for (size_t i = 0; i < files->nr; i++)
		linelist_clear(&written[i]);
	free(written);
	strvec_clear(&todo);
	strvec_clear(&output);
	return problems;
}

int check_layout(const char *tmp_dir, const char *dir, const struct strvec *files,
		 char *const *before, struct strvec *findings)
{
	for (size_t i = 0; i < files->nr; i++) {
		char *path = xstrfmt("%s/%s", dir, files->v[i]), *now = read_file(path);
		char *diff = now ? check_diff_u0(tmp_dir, path, before[i]) : NULL;

		if (diff)
			layout_check(files->v[i], diff, now, findings);
		free(diff);
		free(now);
		free(path);
		if (!diff)
			return -1;
	}
	return 0;
}
