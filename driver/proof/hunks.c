/*
 * The hunks of a diff, read from git diff -U0 (no context lines: each hunk
 * is exactly what changed), for the line proof and the object identity.
 */
#include <stdlib.h>
#include <string.h>
#include "lib/run.h"
#include "lib/usage.h"
#include "proof/hunks.h"

static char *diff_path(const char *l)
{
	const char *p = l + 4;	/* after "--- " or "+++ " */
	size_t n = strlen(p);

	if (!strncmp(p, "/dev/null", 9))
		return NULL;
	if (n > 2 && p[1] == '/')
		p += 2;	/* a/ or b/ */
	n = strcspn(p, "\t");
	return xstrndup(p, n);
}

static void push_line(struct hunk_line **v, size_t *nr, long line, const char *text)
{
	*v = xrealloc(*v, (*nr + 1) * sizeof(**v));
	memset(&(*v)[*nr], 0, sizeof(**v));
	(*v)[*nr].nr = line;
	(*v)[*nr].text = xstrdup(text);
	(*nr)++;
}

/* "@@ -12,3 +12,0 @@ context": a new hunk of the current files */
static struct hunk *new_hunk(struct hunks *h, const char *l, const char *old_file,
			     const char *new_file)
{
	struct hunk *hk;
	const char *ctx = strstr(l + 2, "@@");
	char *end;

	h->v = xrealloc(h->v, (h->nr + 1) * sizeof(*h->v));
	hk = &h->v[h->nr++];
	memset(hk, 0, sizeof(*hk));
	hk->old_file = old_file ? xstrdup(old_file) : NULL;
	hk->new_file = new_file ? xstrdup(new_file) : NULL;
	hk->old_start = strtol(l + 4, &end, 10);
	/* -U0: a count of 0 names the line before the change; its lines start after it */
	if (*end == ',' && !strtol(end + 1, NULL, 10))
		hk->old_start++;
	end = strchr(end, '+');
	hk->new_start = end ? strtol(end + 1, &end, 10) : 0;
	if (end && *end == ',' && !strtol(end + 1, NULL, 10))
		hk->new_start++;
	if (ctx && ctx[2] == ' ' && ctx[3])
		hk->function = xstrdup(ctx + 3);
	return hk;
}

void hunks_parse(struct hunks *h, const char *diff)
{
	struct strvec lines = STRVEC_INIT;
	char *old_file = NULL, *new_file = NULL;
	struct hunk *hk = NULL;
	const char *p = diff;

	/* split keeping empty lines: an added blank line is a line of the hunk */
	while (p && *p) {
		size_t n = strcspn(p, "\n");

		strvec_pushf(&lines, "%.*s", (int)n, p);
		p += n + (p[n] == '\n');
	}
	for (size_t i = 0; i < lines.nr; i++) {
		const char *l = lines.v[i];

		if (!strncmp(l, "diff --git ", 11)) {
			hk = NULL;
		} else if (!hk && !strncmp(l, "--- ", 4)) {
			free(old_file);
			old_file = diff_path(l);
		} else if (!hk && !strncmp(l, "+++ ", 4)) {
			free(new_file);
			new_file = diff_path(l);
		} else if (!strncmp(l, "@@ -", 4)) {
			hk = new_hunk(h, l, old_file, new_file);
		} else if (hk && l[0] == '-') {
			push_line(&hk->removed, &hk->nr_removed, hk->old_start + (long)hk->nr_removed, l + 1);
		} else if (hk && l[0] == '+') {
			push_line(&hk->added, &hk->nr_added, hk->new_start + (long)hk->nr_added, l + 1);
		}
	}
	free(old_file);
	free(new_file);
	strvec_clear(&lines);
}

int hunks_read(struct hunks *h, const char *dir, const char *base, const char *head)
{
	char *out = NULL;
	int ret;

	memset(h, 0, sizeof(*h));
	ret = run_capture(&out, dir, "git", "-c", "core.quotePath=false", "diff", "-U0",
			  "--no-color", "--no-ext-diff", "--no-renames", "--src-prefix=a/",
			  "--dst-prefix=b/", base, head, "--", NULL);
	if (ret) {
		free(out);
		return error("cannot diff %s..%s in %s: %s", base, head, dir, run_capture_error());
	}
	hunks_parse(h, out ? out : "");
	free(out);
	return 0;
}

static int lines_proven(const struct hunk_line *v, size_t n, int elsewhere_too)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].code && !v[i].archs && !(elsewhere_too && v[i].elsewhere))
			return 0;
	return 1;
}

int hunk_proven(const struct hunk *hk)
{
	return lines_proven(hk->removed, hk->nr_removed, 0) && lines_proven(hk->added, hk->nr_added, 0);
}

int hunk_elsewhere(const struct hunk *hk)
{
	return !hunk_proven(hk) && lines_proven(hk->removed, hk->nr_removed, 1) &&
	       lines_proven(hk->added, hk->nr_added, 1);
}

size_t hunks_elsewhere(const struct hunks *h)
{
	size_t n = 0;

	for (size_t i = 0; i < h->nr; i++)
		n += hunk_elsewhere(&h->v[i]);
	return n;
}

void hunks_count(const struct hunks *h, size_t *proven, size_t *total)
{
	*proven = 0;
	*total = h->nr;
	for (size_t i = 0; i < h->nr; i++)
		*proven += hunk_proven(&h->v[i]);
}

long hunks_map_line(const struct hunks *h, const char *old_file, long nr)
{
	long shift = 0;

	for (size_t i = 0; i < h->nr; i++) {
		const struct hunk *hk = &h->v[i];

		if (!hk->old_file || strcmp(hk->old_file, old_file))
			continue;
		if (nr >= hk->old_start && nr < hk->old_start + (long)hk->nr_removed)
			return -1;
		if (nr >= hk->old_start + (long)hk->nr_removed)
			shift = (hk->new_start + (long)hk->nr_added) -
				(hk->old_start + (long)hk->nr_removed);
	}
	return nr + shift;
}

static void lines_free(struct hunk_line *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].why);
	}
	free(v);
}

void hunks_clear(struct hunks *h)
{
	for (size_t i = 0; i < h->nr; i++) {
		lines_free(h->v[i].removed, h->v[i].nr_removed);
		lines_free(h->v[i].added, h->v[i].nr_added);
		free(h->v[i].old_file);
		free(h->v[i].new_file);
		free(h->v[i].function);
	}
	free(h->v);
	memset(h, 0, sizeof(*h));
}
