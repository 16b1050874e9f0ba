#include <string.h>
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "rules/tidy.h"

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

static int line_starts(const char *line, const char *word)
{
	line = skip_blanks(line);
	if (*line != '#')
		return 0;
	line = skip_blanks(line + 1);
	return !strncmp(line, word, strlen(word));
}

char *tidy_empty_ifdefs(const char *text, int *removed)
{
	size_t len = strlen(text);
	char *out = xmalloc(len + 1), *o = out;
	const char *p = text;

	*removed = 0;
	while (*p) {
		const char *nl = strchr(p, '\n');
		const char *next = nl ? nl + 1 : p + strlen(p);

		if (line_starts(p, "if") && *next && line_starts(next, "endif")) {
			const char *nl2 = strchr(next, '\n');

			p = nl2 ? nl2 + 1 : next + strlen(next);
			(*removed)++;
			continue;
		}
		memcpy(o, p, next - p);
		o += next - p;
		p = next;
	}
	*o = '\0';
	return out;
}

/* Is line (len bytes) a line of text, exactly? */
static int has_line(const char *text, const char *line, size_t len)
{
	for (const char *p = text; p && *p;) {
		size_t n = strcspn(p, "\n");

		if (n == len && !memcmp(p, line, len))
			return 1;
		p += n + (p[n] == '\n');
	}
	return 0;
}

char *tidy_indent(const char *text, const char *before, int *fixed)
{
	struct strbuf sb = STRBUF_INIT;

	*fixed = 0;
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n"), ws = strspn(p, " \t");
		size_t col = 0, spaces = 0, run = 0;

		if (ws > n)
			ws = n;
		for (size_t i = 0; i < ws; i++) {
			if (p[i] == '\t') {
				col = (col / 8 + 1) * 8;
				run = 0;
			} else {
				col++;
				spaces += ++run >= 8;
			}
		}
		if (spaces && ws < n && !has_line(before, p, n)) {
			for (size_t t = 0; t < col / 8; t++)
				strbuf_addch(&sb, '\t');
			for (size_t s = 0; s < col % 8; s++)
				strbuf_addch(&sb, ' ');
			strbuf_add(&sb, p + ws, n - ws);
			(*fixed)++;
		} else {
			strbuf_add(&sb, p, n);
		}
		if (p[n] == '\n')
			strbuf_addch(&sb, '\n');
		p += n + (p[n] == '\n');
	}
	return strbuf_detach(&sb);
}
