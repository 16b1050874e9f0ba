#include <stdlib.h>
#include <string.h>
#include "core/cscan.h"
#include "core/cwords.h"
#include "lib/fileio.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "rules/residuals.h"
#include "rules/uses.h"

static int failed_in(const struct convert *c, const char *file)
{
	for (size_t i = 0; i < c->nr_failures; i++)
		if (!strcmp(c->failures[i].file, file))
			return 1;
	return 0;
}

int residuals_uses_left(struct convert *c, const char *dir, const struct strvec *changed,
			const struct strvec *findings, struct strvec *left)
{
	struct strvec files = STRVEC_INIT, again = STRVEC_INIT;
	struct parse_failure *fresh = NULL, *all;
	size_t n_fresh = 0, n_all = 0;
	int ret = 0;

	strvec_pushv(&files, (const char *const *)c->files.v);
	for (size_t i = 0; i < c->nr_failures; i++)
		if (c->failures[i].whole_file && !strvec_contains(&files, c->failures[i].file))
			strvec_push(&files, c->failures[i].file);
	/* a changed file's lines moved: where spatch fails now, on its new text */
	for (size_t i = 0; i < files.nr; i++)
		if (strvec_contains(changed, files.v[i]) && failed_in(c, files.v[i]))
			strvec_push(&again, files.v[i]);
	if (again.nr && rules_parse_check(&c->o, dir, &again, &c->m.tokens, &fresh, &n_fresh))
		ret = -1;
	all = xcalloc(c->nr_failures + n_fresh + 1, sizeof(*all));
	for (size_t i = 0; i < c->nr_failures; i++)
		if (!strvec_contains(&again, c->failures[i].file))
			all[n_all++] = c->failures[i];
	for (size_t i = 0; i < n_fresh; i++)
		all[n_all++] = fresh[i];
	for (size_t i = 0; !ret && i < files.nr; i++) {
		char *path = xstrfmt("%s/%s", dir, files.v[i]), *text = read_file(path);

		/* a file the series removed has no use left */
		if (text)
			uses_left_in(files.v[i], text, &c->m.tokens, all, n_all, findings, left);
		free(text);
		free(path);
	}
	strvec_sort_locations(left);
	free(all);
	parse_failures_free(fresh, n_fresh);
	strvec_clear(&again);
	strvec_clear(&files);
	return ret;
}

/* "FILE:LINE:COL: MESSAGE": FILE's length and MESSAGE, or NULL */
static const char *message_of(const char *finding, size_t *file_len)
{
	const char *p = strchr(finding, ':');

	if (!p)
		return NULL;
	*file_len = p - finding;
	for (int colons = 0; *p && colons < 3; p++)
		colons += *p == ':';
	while (*p == ' ')
		p++;
	return *p ? p : NULL;
}

static int repeated(const struct strvec *after, const char *finding)
{
	size_t n, k;
	const char *msg = message_of(finding, &n), *other;

	for (size_t i = 0; msg && i < after->nr; i++)
		if ((other = message_of(after->v[i], &k)) && k == n &&
		    !strncmp(after->v[i], finding, n) && !strcmp(other, msg))
			return 1;
	return 0;
}

void residuals_by_hand(const struct manifest *m, const struct strvec *before,
		       const struct strvec *after, struct strvec *left)
{
	size_t n;
	const char *msg;

	for (size_t i = 0; i < before->nr; i++)
		if ((msg = message_of(before->v[i], &n)) && manifest_residual_kind(m, msg) &&
		    !repeated(after, before->v[i]))
			strvec_push(left, before->v[i]);
}

/* "FILE:LINE:" of a finding, to compare places */
static int same_place(const char *a, const char *b)
{
	const char *ca = strchr(a, ':'), *cb = strchr(b, ':');
	size_t la, lb;

	if (!ca || !cb)
		return 0;
	la = (size_t)(strchr(ca + 1, ':') ? strchr(ca + 1, ':') - a : 0);
	lb = (size_t)(strchr(cb + 1, ':') ? strchr(cb + 1, ':') - b : 0);
	return la && la == lb && !strncmp(a, b, la);
}

void residuals_said(const struct manifest *m, const struct strvec *said,
		    const struct strvec *after, struct strvec *left)
{
	size_t n;
	const char *msg;

	for (size_t i = 0; i < said->nr; i++) {
		int named = 0;

		if (!(msg = message_of(said->v[i], &n)) || !manifest_residual_kind(m, msg))
			continue;
		for (size_t k = 0; k < after->nr && !named; k++)
			named = same_place(after->v[k], said->v[i]);
		for (size_t k = 0; k < left->nr && !named; k++)
			named = same_place(left->v[k], said->v[i]);
		if (!named)
			strvec_push(left, said->v[i]);
	}
}

long residuals_line_before(const char *diff, long n)
{
	long offset = 0;

	for (const char *p = diff; p && (p = strstr(p, "@@ -")); p += 4) {
		long a, b = 1, c, d = 1;
		char *end;

		if (p != diff && p[-1] != '\n')
			continue;
		a = strtol(p + 4, &end, 10);
		if (*end == ',')
			b = strtol(end + 1, &end, 10);
		if (strncmp(end, " +", 2))
			continue;
		c = strtol(end + 2, &end, 10);
		if (*end == ',')
			d = strtol(end + 1, &end, 10);
		/* a hunk that adds nothing sits after line c; one that adds, at c.. */
		if (d ? n < c : n <= c)
			break;
		if (d && n < c + d)
			return b ? a + (n - c < b ? n - c : b - 1) : a;	/* a written line */
		offset += b - d;
	}
	return n + offset;
}

void residuals_renumber(struct strvec *lines, const char *file, const char *diff)
{
	size_t n = strlen(file);

	for (size_t i = 0; i < lines->nr; i++) {
		char *l = lines->v[i], *end;
		long line;

		if (strncmp(l, file, n) || l[n] != ':')
			continue;
		line = strtol(l + n + 1, &end, 10);
		if (end == l + n + 1 || *end != ':')
			continue;
		lines->v[i] = xstrfmt("%s:%ld%s", file, residuals_line_before(diff, line), end);
		free(l);
	}
}

/*
 * The names text defines for other files: functions, initialised variables
 * and macros (a .c file's static ones are its own).
 */
static void defined_names(const char *file, const char *text, struct strvec *out)
{
	int c_file = ends_with(file, ".c");
	struct cscan scan;

	cscan_text(&scan, text);
	for (size_t i = 0; i < scan.nr_extents; i++)
		if (scan.extents[i].kind != EXTENT_TYPE && !(c_file && scan.extents[i].is_static) &&
		    !strvec_contains(out, scan.extents[i].name))
			strvec_push(out, scan.extents[i].name);
	cscan_clear(&scan);
	for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		const char *q = p + strspn(p, " \t");
		size_t n;

		if (*q != '#')
			continue;
		q += 1 + strspn(q + 1, " \t");
		if (strncmp(q, "define", 6) || (q[6] != ' ' && q[6] != '\t'))
			continue;
		q += 6 + strspn(q + 6, " \t");
		n = strspn(q, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
		if (n) {
			char *name = xstrndup(q, n);

			if (!strvec_contains(out, name))
				strvec_push(out, name);
			free(name);
		}
	}
}

struct removed_scan {
	const char *file, *text;
	const struct strvec *names, *findings;
	struct strvec *left;
};

/* a line "FILE:LINE:" that some finding or residual already names */
static int named_line(const struct strvec *v, const char *file, long line)
{
	char *prefix = xstrfmt("%s:%ld:", file, line);
	int found = 0;

	for (size_t i = 0; i < v->nr && !found; i++)
		found = !strncmp(v->v[i], prefix, strlen(prefix));
	free(prefix);
	return found;
}

static int removed_word(const struct cword *w, void *data)
{
	struct removed_scan *s = data;
	const char *bol = w->start;

	for (size_t i = 0; i < s->names->nr; i++) {
		const char *name = s->names->v[i];

		if (strlen(name) != w->len || memcmp(name, w->start, w->len) ||
		    named_line(s->findings, s->file, w->line) || named_line(s->left, s->file, w->line))
			continue;
		while (bol > s->text && bol[-1] != '\n')
			bol--;
		strvec_pushf(s->left, "%s:%ld:%ld: not converted: uses %s, which the API removal deletes",
			     s->file, w->line, (long)(w->start - bol), name);
		break;
	}
	return 0;
}

void residuals_removed_uses(struct convert *c, const char *dir, const struct strvec *changed,
			    text_before_fn *text_before, void *data,
			    const struct strvec *findings, struct strvec *left)
{
	const struct strvec *paths = &c->m.patches[c->m.api_patch].paths;
	struct strvec names = STRVEC_INIT, files = STRVEC_INIT;

	for (size_t i = 0; i < changed->nr; i++) {
		struct strvec was = STRVEC_INIT, now = STRVEC_INIT;
		const char *file = changed->v[i];
		char *before, *path, *text;

		/* a file the series added has no text before: nothing it defined */
		if (!convert_owned(file, paths) || !(before = text_before(file, data)))
			continue;
		path = xstrfmt("%s/%s", dir, file);
		text = read_file(path);
		defined_names(file, before, &was);
		if (text)
			defined_names(file, text, &now);
		for (size_t k = 0; k < was.nr; k++)
			if (!strvec_contains(&now, was.v[k]) && !strvec_contains(&names, was.v[k]))
				strvec_push(&names, was.v[k]);
		strvec_clear(&was);
		strvec_clear(&now);
		free(before);
		free(text);
		free(path);
	}
	strvec_pushv(&files, (const char *const *)c->files.v);
	for (size_t i = 0; i < c->nr_failures; i++)
		if (c->failures[i].whole_file && !strvec_contains(&files, c->failures[i].file))
			strvec_push(&files, c->failures[i].file);
	for (size_t i = 0; names.nr && i < files.nr; i++) {
		char *path = xstrfmt("%s/%s", dir, files.v[i]), *text = read_file(path);
		struct removed_scan s = { files.v[i], text, &names, findings, left };

		if (text)
			cwords_each(text, removed_word, &s);
		free(text);
		free(path);
	}
	strvec_sort_locations(left);
	strvec_clear(&names);
	strvec_clear(&files);
}
