/* Warnings of a make log (warnings.h). */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "kbuild/warnings.h"
#include "lib/paths.h"
#include "lib/usage.h"

/* path as the tree knows it: wt's prefix gone; a path relative to o_dir resolved first */
static char *tree_path(const char *path, const char *wt, const char *wt_real, const char *o_dir)
{
	size_t n = strlen(wt);
	char *out;

	if (!strncmp(path, wt, n) && path[n] == '/')
		return xstrdup(path + n + 1);
	out = path_in_tree(path, o_dir, wt_real);
	return out ? out : xstrdup(path);
}

static int have(const struct build_warnings *w, const char *file, long line, const char *text)
{
	for (size_t i = 0; i < w->nr; i++)
		if (w->v[i].line == line && !strcmp(w->v[i].file, file) && !strcmp(w->v[i].text, text))
			return 1;
	return 0;
}

/* gcc quotes with ‘’ in a UTF-8 locale, '' in C: one text whatever the locale */
static char *plain_quotes(const char *s, size_t n)
{
	char *out = xmalloc(n + 1), *o = out;

	for (size_t i = 0; i < n; i++) {
		if (i + 2 < n && (unsigned char)s[i] == 0xe2 && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x98 || (unsigned char)s[i + 2] == 0x99)) {
			*o++ = '\'';
			i += 2;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

/* One log line: "path:12:3: warning: text" (the column may be missing). */
static void parse_line(struct build_warnings *w, const char *l, size_t len, const char *wt,
		       const char *wt_real, const char *o_dir)
{
	const char *tag = NULL, *p, *num;
	char *path, *file, *text, *end;
	long line;

	for (p = l; p + 11 <= l + len && !tag; p++)
		if (!strncmp(p, ": warning: ", 11))
			tag = p;
	if (!tag)
		return;
	/* back over ":col" and ":line" to the path's end */
	p = tag;
	for (int fields = 0; fields < 2; fields++) {
		const char *q = p;

		while (q > l && isdigit((unsigned char)q[-1]))
			q--;
		if (q == p || q == l || q[-1] != ':')
			break;
		p = q - 1;
	}
	num = p + 1;
	line = strtol(num, &end, 10);
	if (p == tag || line <= 0 || p == l)
		return;
	path = xstrndup(l, (size_t)(p - l));
	file = tree_path(path, wt, wt_real, o_dir);
	text = plain_quotes(tag + 11, (size_t)(l + len - tag - 11));
	if (!have(w, file, line, text)) {
		w->v = xrealloc(w->v, (w->nr + 1) * sizeof(*w->v));
		w->v[w->nr].file = file;
		w->v[w->nr].line = line;
		w->v[w->nr++].text = text;
	} else {
		free(file);
		free(text);
	}
	free(path);
}

void warnings_parse(struct build_warnings *w, const char *log, const char *wt, const char *o_dir)
{
	char *wt_real = realpath(wt, NULL);

	memset(w, 0, sizeof(*w));
	for (const char *l = log; l && *l;) {
		size_t len = strcspn(l, "\n");

		parse_line(w, l, len, wt, wt_real, o_dir);
		l += len + (l[len] == '\n');
	}
	free(wt_real);
}

void warnings_clear(struct build_warnings *w)
{
	for (size_t i = 0; i < w->nr; i++) {
		free(w->v[i].file);
		free(w->v[i].text);
	}
	free(w->v);
	memset(w, 0, sizeof(*w));
}
