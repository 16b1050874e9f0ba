/*
 * A small C lexer: comments and string literals are skipped, directives
 * are followed for #if nesting, and braces at file scope give the extents
 * of functions, types and initialised variables. It does not expand macros:
 * what it cannot see is left to the compiler's own output (lineproof.c).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "core/cscan.h"
#include "lib/strbuf.h"
#include "lib/usage.h"

#define ID_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"

static int is_id(int c)
{
	return isalnum(c) || c == '_';
}

int cscan_mentions(const char *text, const char *id)
{
	size_t n = strlen(id);

	for (const char *p = strstr(text, id); p; p = strstr(p + 1, id))
		if ((p == text || !is_id((unsigned char)p[-1])) && !is_id((unsigned char)p[n]))
			return 1;
	return 0;
}

void cscan_identifiers(const char *text, struct strvec *out)
{
	for (const char *p = text; *p;) {
		if (is_id((unsigned char)*p) && !isdigit((unsigned char)*p) &&
		    (p == text || !is_id((unsigned char)p[-1]))) {
			const char *e = p;

			while (is_id((unsigned char)*e))
				e++;
			char *id = xstrndup(p, (size_t)(e - p));

			if (!strvec_contains(out, id))
				strvec_push(out, id);
			free(id);
			p = e;
		} else {
			p++;
		}
	}
}

/* Lexer state across lines. */
struct lexer {
	struct cscan *s;
	int in_comment, directive, depth, cur_group;
	int *stack;		/* open #if groups, innermost last */
	size_t nr_stack;
	struct strbuf dir;	/* the directive being read (continued lines) */
	struct strbuf head;	/* file-scope code since the last ; or } */
	struct strbuf body;	/* code of the extent being read */
	struct cextent *open;	/* the extent whose braces are open */
	long head_line;		/* where head started */
};

static int new_group(struct lexer *lx, int parent, long line, const char *text)
{
	struct cscan *s = lx->s;

	s->groups = xrealloc(s->groups, (s->nr_groups + 1) * sizeof(*s->groups));
	s->groups[s->nr_groups].parent = parent;
	s->groups[s->nr_groups].line = line;
	s->groups[s->nr_groups].directive = text ? xstrdup(text) : NULL;
	return (int)s->nr_groups++;
}

/* A complete directive: #if pushes a group, #elif/#else start the next, #endif pops. */
static void directive(struct lexer *lx, long line)
{
	const char *d = strbuf_str(&lx->dir) + strspn(strbuf_str(&lx->dir), " \t#");
	size_t n = strcspn(d, " \t(");
	int parent = lx->nr_stack ? lx->s->groups[lx->stack[lx->nr_stack - 1]].parent : 0;

	if ((n == 2 && !strncmp(d, "if", 2)) || (n == 5 && !strncmp(d, "ifdef", 5)) ||
	    (n == 6 && !strncmp(d, "ifndef", 6))) {
		lx->stack = xrealloc(lx->stack, (lx->nr_stack + 1) * sizeof(*lx->stack));
		lx->stack[lx->nr_stack++] = new_group(lx, lx->cur_group, line, strbuf_str(&lx->dir));
		lx->cur_group = lx->stack[lx->nr_stack - 1];
	} else if (lx->nr_stack && ((n == 4 && !strncmp(d, "elif", 4)) || (n == 4 && !strncmp(d, "else", 4)))) {
		int prev = lx->stack[lx->nr_stack - 1];
		char *text = !strncmp(d, "else", 4) ?
			xstrfmt("#else of %s", lx->s->groups[prev].directive) : xstrdup(strbuf_str(&lx->dir));

		/* the first group's opening #if names the condition the #else negates */
		while (!strncmp(text, "#else of #else of ", 18))
			memmove(text + 9, text + 18, strlen(text + 18) + 1);
		lx->stack[lx->nr_stack - 1] = new_group(lx, parent, line, text);
		lx->s->group[line] = parent;
		lx->cur_group = lx->stack[lx->nr_stack - 1];
		free(text);
	} else if (lx->nr_stack && n == 5 && !strncmp(d, "endif", 5)) {
		lx->nr_stack--;
		lx->s->group[line] = parent;
		lx->cur_group = lx->nr_stack ? lx->stack[lx->nr_stack - 1] : 0;
	}
}

static void push_extent(struct lexer *lx, enum cextent_kind kind, const char *name)
{
	struct cscan *s = lx->s;

	s->extents = xrealloc(s->extents, (s->nr_extents + 1) * sizeof(*s->extents));
	lx->open = &s->extents[s->nr_extents++];
	memset(lx->open, 0, sizeof(*lx->open));
	lx->open->kind = kind;
	lx->open->name = xstrdup(name);
	lx->open->first = lx->head_line;
}

/* The identifier just before position end in text ("foo" of "int foo("). */
static char *id_before(const char *text, const char *end)
{
	const char *e = end;

	while (e > text && isspace((unsigned char)e[-1]))
		e--;
	const char *b = e;

	while (b > text && is_id((unsigned char)b[-1]))
		b--;
	return b < e && !isdigit((unsigned char)*b) ? xstrndup(b, (size_t)(e - b)) : NULL;
}

/* The word before the ( that matches the last ) of head: "foo" of "static int foo(void) " */
static char *function_name(const char *h)
{
	const char *close = strrchr(h, ')');
	int depth = 0;

	for (const char *p = close; p && p >= h; p--) {
		depth += *p == ')' ? 1 : *p == '(' ? -1 : 0;
		if (!depth)
			return id_before(h, p);
	}
	return NULL;
}

/* The tag after the first struct/union/enum keyword of head, or "(anonymous)". */
static char *type_name(const char *h)
{
	static const char *const kws[] = { "struct", "union", "enum", NULL };

	for (size_t k = 0; kws[k]; k++) {
		const char *kw = strstr(h, kws[k]);

		if (kw) {
			const char *p = kw + strlen(kws[k]);

			p += strspn(p, " \t");
			return is_id((unsigned char)*p) ? xstrndup(p, strspn(p, ID_CHARS)) :
							 xstrdup("(anonymous)");
		}
	}
	return NULL;
}

/* A { at file scope: what does it open? (head: the code since the last ; or }) */
static void open_brace(struct lexer *lx)
{
	const char *h = strbuf_str(&lx->head), *eq = strchr(h, '=');
	char *name;
	enum cextent_kind kind;

	if (eq) {
		kind = EXTENT_VARIABLE;
		name = id_before(h, eq);
	} else if (strchr(h, '(')) {
		kind = EXTENT_FUNCTION;
		name = function_name(h);
	} else {
		kind = EXTENT_TYPE;
		name = type_name(h);
	}
	push_extent(lx, kind, name ? name : "(unknown)");
	lx->open->is_static = cscan_mentions(h, "static");
	free(name);
}

/* A member of the type being read: "(*name)(...)", "type name[..]", "type name: 3" */
static void type_member(struct lexer *lx, const char *decl)
{
	const char *fp = strstr(decl, "(*");
	char *name;

	if (fp) {
		const char *p = fp + 2 + strspn(fp + 2, " ");

		name = xstrndup(p, strspn(p, ID_CHARS));
	} else {
		const char *end = decl + strcspn(decl, "[:=;");

		name = id_before(decl, end);
	}
	if (name && *name && !strvec_contains(&lx->open->members, name))
		strvec_push(&lx->open->members, name);
	free(name);
}

/* One character of code (outside comments, strings and directives). */
static void code_char(struct lexer *lx, char c, long line)
{
	if (!lx->depth && !lx->head.len && isspace((unsigned char)c))
		return;
	if (!lx->depth && !lx->head.len)
		lx->head_line = line;
	if (lx->depth)
		strbuf_addch(&lx->body, c);
	else
		strbuf_addch(&lx->head, c);
	if (c == '{' && !lx->depth++) {
		open_brace(lx);
		strbuf_reset(&lx->body);
	} else if (c == '}' && lx->depth && !--lx->depth && lx->open) {
		lx->open->last = line;
		lx->open->body = xstrdup(strbuf_str(&lx->body));
		lx->open = NULL;
		strbuf_reset(&lx->head);
	} else if (c == ';' && lx->depth == 1 && lx->open && lx->open->kind == EXTENT_TYPE) {
		const char *decl = strbuf_str(&lx->body), *semi = strrchr(decl, ';');
		const char *start = semi;

		while (start > decl && start[-1] != ';' && start[-1] != '{' && start[-1] != '}')
			start--;
		char *d = xstrndup(start, (size_t)(semi - start + 1));

		type_member(lx, d);
		free(d);
	} else if (c == ';' && !lx->depth) {
		strbuf_reset(&lx->head);
	}
}

/* Skip a string or character literal starting at p[0] (the quote); returns past it. */
static const char *skip_literal(const char *p)
{
	char q = *p++;

	while (*p && *p != q && *p != '\n') {
		if (*p == '\\' && p[1])
			p++;
		p++;
	}
	return *p == q ? p + 1 : p;
}

static void scan_line(struct lexer *lx, const char *p, const char *end, long line)
{
	int first = 1;

	lx->s->group[line] = lx->cur_group;
	for (; p < end; p++) {
		if (lx->in_comment) {
			if (p[0] == '*' && p + 1 < end && p[1] == '/') {
				lx->in_comment = 0;
				p++;
			}
			continue;
		}
		if (p[0] == '/' && p + 1 < end && p[1] == '*') {
			lx->in_comment = 1;
			p++;
			continue;
		}
		if (p[0] == '/' && p + 1 < end && p[1] == '/')
			break;
		if (isspace((unsigned char)*p)) {
			if (lx->directive)
				strbuf_addch(&lx->dir, ' ');
			else
				code_char(lx, ' ', line);
			continue;
		}
		lx->s->code[line] = 1;
		if (first && *p == '#' && !lx->directive) {
			lx->directive = 1;
			strbuf_reset(&lx->dir);
		}
		first = 0;
		if (lx->directive) {
			strbuf_addch(&lx->dir, *p);
		} else if (*p == '"' || *p == '\'') {
			const char *q = skip_literal(p);

			code_char(lx, *p, line);	/* the literal as an empty one */
			code_char(lx, *p, line);
			p = q - 1;
		} else {
			code_char(lx, *p, line);
		}
	}
}

void cscan_text(struct cscan *s, const char *text)
{
	struct lexer lx = { .s = s, .dir = STRBUF_INIT, .head = STRBUF_INIT, .body = STRBUF_INIT };
	long line = 0;

	memset(s, 0, sizeof(*s));
	for (const char *p = text; *p; p += strcspn(p, "\n") + (p[strcspn(p, "\n")] == '\n'))
		s->nr_lines++;
	s->group = xcalloc(s->nr_lines + 2, sizeof(*s->group));
	s->code = xcalloc(s->nr_lines + 2, 1);
	new_group(&lx, -1, 0, NULL);
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		const char *end = p + n;

		line++;
		scan_line(&lx, p, end, line);
		/* the line break is white space: "static void\n__xip_unmap (" names __xip_unmap */
		if (!lx.in_comment && !lx.directive)
			code_char(&lx, ' ', line);
		if (lx.directive && !(n && end[-1] == '\\')) {
			lx.directive = 0;
			directive(&lx, line);
		}
		p = end + (*end == '\n');
	}
	if (lx.open && !lx.open->body)
		lx.open->body = xstrdup(lx.body.buf);	/* an unclosed brace: up to the end */
	free(lx.stack);
	strbuf_release(&lx.dir);
	strbuf_release(&lx.head);
	strbuf_release(&lx.body);
}

const struct cextent *cscan_extent_at(const struct cscan *s, long nr)
{
	for (size_t i = 0; i < s->nr_extents; i++)
		if (nr >= s->extents[i].first && (nr <= s->extents[i].last || !s->extents[i].last))
			return &s->extents[i];
	return NULL;
}

void cscan_clear(struct cscan *s)
{
	for (size_t i = 0; i < s->nr_groups; i++)
		free(s->groups[i].directive);
	for (size_t i = 0; i < s->nr_extents; i++) {
		free(s->extents[i].name);
		free(s->extents[i].body);
		strvec_clear(&s->extents[i].members);
	}
	free(s->groups);
	free(s->extents);
	free(s->group);
	free(s->code);
	memset(s, 0, sizeof(*s));
}
