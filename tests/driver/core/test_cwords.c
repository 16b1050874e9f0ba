/* Unit tests of driver/core/cwords.c: identifiers outside comments and literals, lines, #define bodies. */
#include <stdio.h>
#include "core/cwords.h"
#include "lib/strvec.h"
#include "unit.h"

/* "NAME@LINE" or "NAME@LINE#" (in a #define) per identifier */
static int collect(const struct cword *w, void *data)
{
	strvec_pushf(data, "%.*s@%ld%s", (int)w->len, w->start, w->line, w->in_define ? "#" : "");
	return 0;
}

static char *words(const char *text)
{
	struct strvec v = STRVEC_INIT;
	char *s;

	cwords_each(text, collect, &v);
	s = strvec_join(&v, 100, " ");
	strvec_clear(&v);
	return s;
}

static int stop_at_b(const struct cword *w, void *data)
{
	(*(int *)data)++;
	return w->len == 1 && w->start[0] == 'b';
}

int main(void)
{
	char *s;
	int n = 0;

	s = words("a /* b\n c */ d // e\nf \"g h\" 'i' j\n");
	CHECK_STR("cwords: comments and literals hide words; lines count through them", s,
		  "a@1 d@2 f@3 j@3");
	free(s);
	s = words("#include <linux/mm_x.h>\n#define M(x) \\\n\tcall_x(x)\nafter\n");
	CHECK_STR("cwords: a #define's body through its continuation lines; no include names", s,
		  "M@2# x@2# call_x@3# x@3# after@4");
	free(s);
	s = words("x = 0x1fUL + y1;\n  #  define K z\n#ifdef CONFIG_A\n");
	CHECK_STR("cwords: numbers are not words; an indented # define counts", s,
		  "x@1 y1@1 K@2# z@2# CONFIG_A@3");
	free(s);
	s = words("p = \"a\\\"b\" q; s = \"split \\\nstring\" t;\n/* unterminated");
	CHECK_STR("cwords: escaped quotes and spliced strings", s, "p@1 q@1 s@1 t@2");
	free(s);
	s = words("a // comment \\\n still comment\nb\n");
	CHECK_STR("cwords: a // comment spliced onto the next line", s, "a@1 b@3");
	free(s);
	cwords_each("a b c", stop_at_b, &n);
	CHECK("cwords: fn returning nonzero stops the scan", n == 2);
	UNIT_EXIT();
}
