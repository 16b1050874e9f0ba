#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/usage.h"
#include "rules/layout.h"

#define MAX_COLUMNS 80
#define MAX_OLD 64	/* replaced lines whose indentation a hunk compares */

static int columns(const char *s, size_t len)
{
	int c = 0;

	for (size_t i = 0; i < len; i++)
		c = s[i] == '\t' ? (c / 8 + 1) * 8 : c + 1;
	return c;
}

/* What the nesting check needs of each line of the text, from 1. */
struct line_info {
	const char *start;
	size_t len;
	int depth;	/* braces open at its start */
	int indent;	/* its leading white space, in columns */
	int in_comment;	/* it starts inside a comment */
};

static void scan_lines(const char *text, struct line_info **out, size_t *nr)
{
	size_t n = 0, alloc = 64;
	struct line_info *v = xcalloc(alloc, sizeof(*v));
	int depth = 0, comment = 0;

	for (const char *p = text; *p;) {
		size_t len = strcspn(p, "\n"), ws = strspn(p, " \t");

		if (n + 2 > alloc)
			v = xrealloc(v, (alloc *= 2) * sizeof(*v));
		v[++n] = (struct line_info){ p, len, depth, columns(p, ws < len ? ws : len), comment };
		for (size_t i = 0; i < len; i++) {
			if (comment) {
				if (p[i] == '*' && i + 1 < len && p[i + 1] == '/')
					comment = 0, i++;
			} else if (p[i] == '/' && i + 1 < len && p[i + 1] == '*') {
				comment = 1, i++;
			} else if (p[i] == '/' && i + 1 < len && p[i + 1] == '/') {
				break;
			} else if (p[i] == '"' || p[i] == '\'') {
				char q = p[i];

				for (i++; i < len && p[i] != q; i++)
					i += p[i] == '\\';
			} else if (p[i] == '{') {
				depth++;
			} else if (p[i] == '}' && depth > 0) {
				depth--;
			}
		}
		p += len + (p[len] == '\n');
	}
	*out = v;
	*nr = n;
}

/* The line's code, without leading and trailing white space: into buf. */
static const char *trimmed(const struct line_info *l, char *buf, size_t size)
{
	size_t ws = strspn(l->start, " \t"), len = l->len > ws ? l->len - ws : 0;

	while (len && isspace((unsigned char)l->start[ws + len - 1]))
		len--;
	snprintf(buf, size, "%.*s", (int)len, l->start + ws);
	return buf;
}

/* "else", or "if (...)" / "for (...)" / "while (...)" without a brace or a ';' */
static int braceless_header(const char *code)
{
	size_t n = strlen(code);

	if (!strcmp(code, "else") || (n > 5 && !strcmp(code + n - 5, " else") && code[0] == '}'))
		return 1;
	if (!n || code[n - 1] != ')')
		return 0;
	return !strncmp(code, "if ", 3) || !strncmp(code, "if(", 3) ||
	       !strncmp(code, "else if ", 8) || !strncmp(code, "for ", 4) ||
	       !strncmp(code, "while ", 6);
}

/* The nesting line l's statement wants, or -1 when it cannot be told. */
static int wanted_indent(const struct line_info *v, size_t l)
{
	char buf[512], prev[512];
	const char *code = trimmed(&v[l], buf, sizeof(buf));
	size_t p = l - 1;

	if (!*code || code[0] == '#' || v[l].in_comment || !strncmp(code, "case ", 5) ||
	    !strncmp(code, "default:", 8) || (isalpha((unsigned char)code[0]) &&
	    code[strlen(code) - 1] == ':' && !strchr(code, ' ')))
		return -1;	/* blank, a directive, a comment, a label */
	while (p > 0 && (!*trimmed(&v[p], prev, sizeof(prev)) || prev[0] == '#' || v[p].in_comment))
		p--;
	if (p > 0 && braceless_header(prev))
		return v[p].indent + 8;	/* the branch of an if, else, for or while */
	if (p > 0) {
		char last = prev[strlen(prev) - 1];

		/* the previous statement goes on here (an argument list, an operand) */
		if (last != ';' && last != '{' && last != '}' && last != ':' && last != ')')
			return -1;
		if (last == ')' && !braceless_header(prev))
			return -1;
	}
	return (v[l].depth - (code[0] == '}')) * 8;
}

/* -U0 hunks: the widest line each replaced, and the lines it wrote */
void layout_check(const char *file, const char *diff, const char *after, struct strvec *out)
{
	struct strvec lines = STRVEC_INIT;
	struct line_info *v;
	size_t nr, i = 0;

	scan_lines(after, &v, &nr);
	strvec_split_lines(&lines, diff);
	while (i < lines.nr) {
		const char *plus;
		int start, count = 1, widest_old = 0, old_indent[MAX_OLD], nr_old;

		if (strncmp(lines.v[i], "@@ ", 3) || !(plus = strstr(lines.v[i], " +")) ||
		    sscanf(plus + 2, "%d,%d", &start, &count) < 1) {
			i++;
			continue;
		}
		nr_old = 0;
		for (i++; i < lines.nr && lines.v[i][0] == '-'; i++) {
			int w = columns(lines.v[i] + 1, strlen(lines.v[i] + 1));
			const char *t = lines.v[i] + 1;

			widest_old = w > widest_old ? w : widest_old;
			if (nr_old < MAX_OLD)
				old_indent[nr_old++] = columns(t, strspn(t, " \t"));
		}
		for (int k = 0; k < count && (size_t)(start + k) <= nr; k++) {
			const struct line_info *l = &v[start + k];
			int w = columns(l->start, l->len), want = wanted_indent(v, start + k);

			if (w > MAX_COLUMNS && widest_old <= MAX_COLUMNS)
				strvec_pushf(out, "%s:%d: a written line of %d columns, where the lines it "
					     "replaces had at most %d", file, start + k, w, widest_old);
			/* the line it replaces sat as deep: the tree's own style, kept */
			if (nr_old && l->indent >= old_indent[k < nr_old ? k : nr_old - 1])
				want = -1;
			if (want >= 0 && l->indent < want)
				strvec_pushf(out, "%s:%d: indented %d columns, its nesting wants %d: "
					     "it reads as outside the statement it belongs to", file,
					     start + k, l->indent, want);
		}
		while (i < lines.nr && lines.v[i][0] == '+')
			i++;
	}
	strvec_clear(&lines);
	free(v);
}
