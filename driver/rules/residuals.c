#include <stdlib.h>
#include <string.h>
#include "lib/fileio.h"
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
