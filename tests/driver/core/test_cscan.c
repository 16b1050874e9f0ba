/*
 * Unit tests of driver/core/cscan.c (groups, code lines, extents) and
 * driver/proof/hunks.c (-U0 parse, line map).
 */
#include "core/cscan.h"
#include "proof/hunks.h"
#include "unit.h"

static const char *src =
	"/* header comment\n"			/* 1 */
	" * more */\n"				/* 2 */
	"#include <linux/mm.h>\n"		/* 3 */
	"struct ops {\n"			/* 4 */
	"\tvoid (*invalidate_page)(struct mm *mm);\n"	/* 5 */
	"\tint count;\n"			/* 6 */
	"};\n"					/* 7 */
	"\n"					/* 8 */
	"static int helper(int a)\n"		/* 9 */
	"{\n"					/* 10 */
	"#ifdef CONFIG_NEVER_SET\n"		/* 11 */
	"\ta++;\n"				/* 12 */
	"#else\n"				/* 13 */
	"\ta--; /* \"{\" */\n"			/* 14 */
	"#endif\n"				/* 15 */
	"\treturn a;\n"				/* 16 */
	"}\n"					/* 17 */
	"static const struct ops my_ops = {\n"	/* 18 */
	"\t.count = 1,\n"			/* 19 */
	"};\n";					/* 20 */

int main(void)
{
	struct cscan s;
	struct hunks h = { 0 };
	const struct cextent *e;

	cscan_text(&s, src);
	CHECK("cscan: 20 lines", s.nr_lines == 20);
	CHECK("cscan: comment lines hold no code", !s.code[1] && !s.code[2] && !s.code[8]);
	CHECK("cscan: code lines", s.code[3] && s.code[12] && s.code[14] && s.code[17]);
	CHECK("cscan: #ifdef opens a group", s.group[12] != 0 && s.group[11] == 0);
	CHECK("cscan: #else a second one", s.group[14] != 0 && s.group[14] != s.group[12]);
	CHECK("cscan: #endif back at top level", s.group[15] == 0 && s.group[16] == 0);
	CHECK_STR("cscan: the group's directive", s.groups[s.group[12]].directive,
		  "#ifdef CONFIG_NEVER_SET");
	CHECK_STR("cscan: #else names its #if", s.groups[s.group[14]].directive,
		  "#else of #ifdef CONFIG_NEVER_SET");
	e = cscan_extent_at(&s, 12);
	CHECK("cscan: line 12 is in helper()", e && e->kind == EXTENT_FUNCTION &&
	      !strcmp(e->name, "helper") && e->first == 9 && e->last == 17);
	e = cscan_extent_at(&s, 5);
	CHECK("cscan: line 5 is in struct ops", e && e->kind == EXTENT_TYPE && !strcmp(e->name, "ops"));
	CHECK("cscan: its members", e && e->members.nr == 2 &&
	      !strcmp(e->members.v[0], "invalidate_page") && !strcmp(e->members.v[1], "count"));
	e = cscan_extent_at(&s, 19);
	CHECK("cscan: an initialised variable", e && e->kind == EXTENT_VARIABLE &&
	      !strcmp(e->name, "my_ops"));
	CHECK("cscan: a mention is a whole word", cscan_mentions("a->count+1", "count") &&
	      !cscan_mentions("a->counter", "count"));
	cscan_clear(&s);

	hunks_parse(&h, "diff --git a/mm/x.c b/mm/x.c\n--- a/mm/x.c\n+++ b/mm/x.c\n"
			"@@ -5,2 +4,0 @@ int f(void)\n-\tone();\n-\ttwo();\n"
			"@@ -20,0 +19,2 @@ int g(void)\n+\n+\tthree();\n"
			"diff --git a/new.h b/new.h\n--- /dev/null\n+++ b/new.h\n@@ -0,0 +1 @@\n+#define X 1\n");
	CHECK("hunks: three hunks", h.nr == 3);
	CHECK("hunks: removed lines numbered", h.nr >= 1 && h.v[0].nr_removed == 2 &&
	      h.v[0].removed[1].nr == 6 && !strcmp(h.v[0].removed[1].text, "\ttwo();"));
	CHECK("hunks: an insertion starts after the line it names", h.nr >= 2 &&
	      h.v[1].old_start == 21 && h.v[1].added[0].nr == 19 && !strcmp(h.v[1].added[0].text, ""));
	CHECK("hunks: a new file has no old one", h.nr >= 3 && !h.v[2].old_file &&
	      !strcmp(h.v[2].new_file, "new.h") && h.v[2].added[0].nr == 1);
	CHECK_STR("hunks: function context", h.nr ? h.v[0].function : NULL, "int f(void)");
	CHECK("hunks: line map", hunks_map_line(&h, "mm/x.c", 4) == 4 &&
	      hunks_map_line(&h, "mm/x.c", 5) == -1 && hunks_map_line(&h, "mm/x.c", 10) == 8 &&
	      hunks_map_line(&h, "mm/x.c", 21) == 21);
	hunks_clear(&h);
	{
		/* 3.x style: the return type on a line of its own, a space before the ( */
		struct cscan k;
		const struct cextent *e;

		cscan_text(&k, "static void\n__xip_unmap (struct address_space * mapping,\n"
			       "\t\t     unsigned long pgoff)\n{\n\tgo();\n}\n");
		e = cscan_extent_at(&k, 5);
		CHECK("cscan: a name on the line after its type is the function's, alone",
		      e && e->kind == EXTENT_FUNCTION && !strcmp(e->name, "__xip_unmap") && e->first == 1);
		cscan_clear(&k);
	}
	UNIT_EXIT();
}
