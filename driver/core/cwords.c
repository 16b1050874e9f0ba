#include <ctype.h>
#include <string.h>
#include "core/cwords.h"

static int id_start(int c)
{
	return isalpha(c) || c == '_';
}

static int id_char(int c)
{
	return isalnum(c) || c == '_';
}

/* Past a string or character literal opened at p (the quote), escapes and line splices kept. */
static const char *past_literal(const char *p, long *line)
{
	char q = *p++;

	for (; *p && *p != q; p++) {
		if (*p == '\\' && p[1]) {
			if (p[1] == '\n')
				(*line)++;
			p++;
		} else if (*p == '\n') {
			break;	/* an unterminated literal ends with its line */
		}
	}
	return *p == q ? p + 1 : p;
}

void cwords_each(const char *text, int (*fn)(const struct cword *w, void *data), void *data)
{
	long line = 1;
	int line_start = 1, in_include = 0, in_define = 0;

	for (const char *p = text; *p;) {
		if (*p == '\n') {
			line++;
			line_start = 1;
			in_include = in_define = 0;
			p++;
		} else if (*p == '\\' && p[1] == '\n') {
			line++;	/* a spliced line: the directive goes on */
			p += 2;
		} else if (p[0] == '/' && p[1] == '*') {
			const char *end = strstr(p + 2, "*/");

			for (const char *q = p; q < (end ? end : p + strlen(p)); q++)
				line += *q == '\n';
			p = end ? end + 2 : p + strlen(p);
		} else if (p[0] == '/' && p[1] == '/') {
			/* to the end of the line; a backslash before it splices the next in */
			while (*p && !(*p == '\n' && p[-1] != '\\')) {
				line += *p == '\n';
				p++;
			}
		} else if (*p == '"' || *p == '\'') {
			p = past_literal(p, &line);
			line_start = 0;
		} else if (isspace((unsigned char)*p)) {
			p++;
		} else if (*p == '#' && line_start) {
			const char *q = p + 1;

			while (*q == ' ' || *q == '\t')
				q++;
			in_define = !strncmp(q, "define", 6) && !id_char((unsigned char)q[6]);
			in_include = !strncmp(q, "include", 7) && !id_char((unsigned char)q[7]);
			line_start = 0;
			p = q;
			/* the directive's own name is not an identifier of the code */
			while (id_char((unsigned char)*p))
				p++;
		} else if (id_start((unsigned char)*p)) {
			struct cword w = { p, 0, line, in_define };

			while (id_char((unsigned char)p[w.len]))
				w.len++;
			p += w.len;
			line_start = 0;
			/* #include <a/b.h>: a header's name, not code */
			if (!in_include && fn(&w, data))
				return;
		} else if (isdigit((unsigned char)*p)) {
			while (id_char((unsigned char)*p) || *p == '.')
				p++;	/* a number, suffixes and all (0x1fUL) */
			line_start = 0;
		} else {
			line_start = 0;
			p++;
		}
	}
}
