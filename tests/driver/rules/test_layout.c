/* Unit tests of driver/rules/layout.c: width and nesting of the lines the rules wrote. */
#include <string.h>
#include "rules/layout.h"
#include "unit.h"

static const char *after =
	"void f(struct gadget *g, unsigned long a)\n"				/* 1 */
	"{\n"									/* 2 */
	"\tif (a)\n"								/* 3 */
	"\t\tgadget_put_pages(g, a, 1);\n"					/* 4 */
	"\telse\n"								/* 5 */
	"\tgadget_put_pages(g, 0, 1);\n"					/* 6 */
	"\tgadget_put_pages(g, a + 4096 * 16 + 1, 1); gadget_trace(g); gadget_trace(g);\n" /* 7 */
	"\tgadget_put_pages(g,\n"						/* 8 */
	"\t\t\t a, 1);\n"							/* 9 */
	"gadget_trace(g);\n"							/* 10 */
	"}\n";									/* 11 */

int main(void)
{
	struct strvec out = STRVEC_INIT;
	const char *diff =
		"@@ -4 +4 @@\n-\t\tgadget_put_page(g, a);\n+\t\tgadget_put_pages(g, a, 1);\n"
		"@@ -6 +6 @@\n-\t\tgadget_put_page(g, 0);\n+\tgadget_put_pages(g, 0, 1);\n"
		"@@ -7,2 +7 @@\n-\tgadget_put_page(g, a + 4096 * 16 + 1);\n-\tgadget_trace(g);\n"
		"+\tgadget_put_pages(g, a + 4096 * 16 + 1, 1); gadget_trace(g); gadget_trace(g);\n"
		"@@ -8,0 +8,2 @@\n+\tgadget_put_pages(g,\n+\t\t\t a, 1);\n";

	layout_check("f.c", diff, after, &out);
	CHECK("layout: two findings (the branch, the joined line)", out.nr == 2);
	CHECK_STR("layout: the else branch that lost its indentation", out.nr > 0 ? out.v[0] : NULL,
		  "f.c:6: indented 8 columns, its nesting wants 16: it reads as outside the "
		  "statement it belongs to");
	CHECK_STR("layout: the joined line, the old ones within 80", out.nr > 1 ? out.v[1] : NULL,
		  "f.c:7: a written line of 84 columns, where the lines it replaces had at most 46");
	strvec_clear(&out);
	/* line 10 is wrong too, but no rule wrote it */
	layout_check("f.c", "@@ -4 +4 @@\n-\t\tx;\n+\t\tgadget_put_pages(g, a, 1);\n", after, &out);
	CHECK("layout: what the rules did not write is not judged", out.nr == 0);
	strvec_clear(&out);
	layout_check("f.c", "@@ -7 +7 @@\n-\tgadget_put_page(g, a + 4096 * 16 + 1); gadget_trace(g); gadget_trace(g); x;\n"
		     "+\tgadget_put_pages(g, a + 4096 * 16 + 1, 1); gadget_trace(g); gadget_trace(g);\n",
		     after, &out);
	CHECK("layout: a wide line that replaces a wide one is the tree's, not the rules'", out.nr == 0);
	strvec_clear(&out);
	layout_check("f.c", "@@ -6 +6 @@\n-\tgadget_put_page(g, 0);\n+\tgadget_put_pages(g, 0, 1);\n",
		     after, &out);
	CHECK("layout: a line as deep as the one it replaces keeps the tree's style: no finding",
	      out.nr == 0);
	strvec_clear(&out);
	layout_check("f.c", "@@ -10,0 +10 @@\n+gadget_trace(g);\n", after, &out);
	CHECK("layout: a written statement at column 0 inside a function", out.nr == 1 &&
	      strstr(out.v[0], "f.c:10: indented 0 columns, its nesting wants 8"));
	strvec_clear(&out);
	UNIT_EXIT();
}
