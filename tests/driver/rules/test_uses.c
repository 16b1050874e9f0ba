/* Unit tests of driver/rules/uses.c: uses in unparsed code and macro bodies are residuals. */
#include <stdlib.h>
#include "rules/uses.h"
#include "unit.h"

static const char *text =
	"/* gadget_put_page() in a comment */\n"			/* 1 */
	"#define PUT_ALL(g) \\\n"					/* 2 */
	"\tdo { gadget_put_page(g); gadget_put_page(g); gadget_put_pages(g, 1); } while (0)\n"	/* 3 */
	"#define FOUND(g) gadget_put_page(g)\n"				/* 4 */
	"void odd(struct gadget *g) __attribute__((x))\n"		/* 5 */
	"{\n"								/* 6 */
	"\tgadget_put_page(g);\n"					/* 7 */
	"}\n"								/* 8 */
	"void fine(struct gadget *g)\n"					/* 9 */
	"{\n"								/* 10 */
	"\tgadget_put_page(g); puts(\"gadget_put_page\");\n"		/* 11 */
	"}\n";								/* 12 */

int main(void)
{
	struct strvec tokens = STRVEC_INIT, findings = STRVEC_INIT, left = STRVEC_INIT;
	struct parse_failure f[] = {
		{ .file = "a.c", .line = 5, .first = 5, .last = 8, .function = "odd" },
		{ .file = "other.c", .line = 1, .first = 1, .last = 100, .function = "?" },
	};

	strvec_push(&tokens, "put_page");
	strvec_push(&findings, "a.c:4:18: gadget api: a helper macro");
	strvec_push(&findings, "a.c:11:1: put caller: convert it");
	uses_left_in("a.c", text, &tokens, f, 2, &findings, &left);
	CHECK("uses: two residuals (a macro body once per line, not put_pages; unparsed code)",
	      left.nr == 2);
	CHECK_STR("uses: a macro body no finding names", left.nr > 0 ? left.v[0] : NULL,
		  "a.c:3:6: not converted: in a macro body no rule rewrote (gadget_put_page)");
	CHECK_STR("uses: code spatch could not parse", left.nr > 1 ? left.v[1] : NULL,
		  "a.c:7:1: not converted: spatch cannot parse this code (gadget_put_page)");
	strvec_clear(&left);
	uses_left_in("a.c", "void ok(void) { gadget_put_pages(g, 1); }\n", &tokens, f, 0,
		     &findings, &left);
	CHECK("uses: parsed code is the rules' to report: no residual", left.nr == 0);
	strvec_clear(&left);
	strvec_clear(&tokens);
	strvec_clear(&findings);
	UNIT_EXIT();
}
