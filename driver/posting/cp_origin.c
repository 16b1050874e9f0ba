#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "posting/cp_origin.h"

#define ALREADY " (already there before the series)"

/* "--- a/F" and "+++ b/F" (or /dev/null) swapped: the old side becomes the new */
static void swap_names(struct strbuf *sb, const char *minus, const char *plus)
{
	const char *m = minus + 4, *p = plus + 4;

	strbuf_addf(sb, "--- %s%s\n+++ %s%s\n", strncmp(p, "b/", 2) ? "" : "a/",
		    strncmp(p, "b/", 2) ? p : p + 2, strncmp(m, "a/", 2) ? "" : "b/",
		    strncmp(m, "a/", 2) ? m : m + 2);
}

/* "-a[,b]" or "+c[,d]" at *p: the start and the count (1 when not given) */
static int range_at(const char **p, char sign, int *start, int *count)
{
	char *end;

	if (**p != sign)
		return 0;
	*start = (int)strtol(*p + 1, &end, 10);
	*count = 1;
	if (end == *p + 1)
		return 0;
	if (*end == ',')
		*count = (int)strtol(end + 1, &end, 10);
	*p = end + strspn(end, " ");
	return 1;
}

/* "@@ -a,b +c,d @@REST" as "@@ -c,d +a,b @@REST"; 0 when l is no hunk header */
static int reverse_hunk(const char *l, struct strbuf *sb)
{
	const char *p = l + 3, *rest;
	int a, b, c, d;

	if (strncmp(l, "@@ ", 3) || !range_at(&p, '-', &a, &b) || !range_at(&p, '+', &c, &d) ||
	    strncmp(p, "@@", 2))
		return 0;
	rest = p + 2;
	strbuf_addf(sb, "@@ -%d,%d +%d,%d @@%s\n", c, d, a, b, rest);
	return 1;
}

char *cp_reverse_patch(const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	int in_diff = 0;

	/* line by line, empty ones too: checkpatch's line numbers must hold */
	for (const char *l = text; *l;) {
		size_t len = strcspn(l, "\n");
		char *line = xstrndup(l, len);
		const char *next = l + len + (l[len] == '\n');

		if (!strncmp(line, "diff --git ", 11))
			in_diff = 1;
		if (!in_diff || !strcmp(line, "-- ")) {
			in_diff = in_diff && strcmp(line, "-- ");
			strbuf_addf(&sb, "%s\n", line);
		} else if (!strncmp(line, "--- ", 4) && !strncmp(next, "+++ ", 4)) {
			char *plus = xstrndup(next, strcspn(next, "\n"));

			swap_names(&sb, line, plus);
			next += strlen(plus) + (next[strlen(plus)] == '\n');
			free(plus);
		} else if (reverse_hunk(line, &sb)) {
			;
		} else if (line[0] == '+' || line[0] == '-') {
			strbuf_addf(&sb, "%c%s\n", line[0] == '+' ? '-' : '+', line + 1);
		} else {
			strbuf_addf(&sb, "%s\n", line);
		}
		free(line);
		l = next;
	}
	return strbuf_detach(&sb);
}

/* Line n of text (from 1) is an added code line: "+...", not "+++ " */
static int added_line(const char *text, long n)
{
	const char *p = text;

	for (long k = 1; p && k < n; k++)
		p = (p = strchr(p, '\n')) ? p + 1 : NULL;
	return p && p[0] == '+' && strncmp(p, "+++ ", 4);
}

/* "FILE:LINE: MESSAGE": LINE, and MESSAGE after it; 0 when not of that form */
static long message_line(const char *m, const char **text)
{
	const char *colon = strchr(m, ':');
	char *end;
	long n = colon ? strtol(colon + 1, &end, 10) : 0;

	if (!colon || end == colon + 1 || end[0] != ':' || end[1] != ' ')
		return 0;
	*text = end + 2;
	return n;
}

void cp_mark_already(struct patch_result *p, const char *patch, const char *rev,
		     const char *rev_out)
{
	struct strvec pool = STRVEC_INIT, lines = STRVEC_INIT;	/* messages: no blank ones */
	const char *text;
	long n;

	strvec_split_lines(&lines, rev_out ? rev_out : "");
	for (size_t i = 0; i < lines.nr; i++)
		if ((n = message_line(lines.v[i], &text)) && added_line(rev, n))
			strvec_push(&pool, text);
	for (size_t i = 0; i < p->cp_messages.nr; i++) {
		char *m = p->cp_messages.v[i];

		if (!(n = message_line(m, &text)) || !added_line(patch, n))
			continue;
		for (size_t k = 0; k < pool.nr; k++)
			if (!strcmp(pool.v[k], text)) {
				strvec_remove(&pool, k);
				p->cp_messages.v[i] = xstrfmt("%s%s", m, ALREADY);
				free(m);
				p->cp_already++;
				break;
			}
	}
	strvec_clear(&pool);
	strvec_clear(&lines);
}

int cp_new_errors(const struct patch_result *p, const char **first)
{
	int n = 0;

	for (size_t i = 0; i < p->cp_messages.nr; i++) {
		const char *m = p->cp_messages.v[i];

		if (!strstr(m, ": ERROR:") || strstr(m, ALREADY) || strstr(m, "Missing Signed-off-by"))
			continue;
		if (!n++ && first)
			*first = m;
	}
	return n;
}
