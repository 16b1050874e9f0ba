/* Unit tests of driver/rules/tidy.c. */
#include <stdlib.h>
#include "rules/tidy.h"
#include "unit.h"

int main(void)
{
	int n;
	char *s;

	s = tidy_empty_ifdefs("a\n#ifdef CONFIG_X\n#endif\nb\n", &n);
	CHECK_STR("tidy: empty #ifdef pair removed", s, "a\nb\n");
	CHECK("tidy: one pair counted", n == 1);
	free(s);
	s = tidy_empty_ifdefs("#ifdef X\n\t.f = g,\n#endif\n", &n);
	CHECK_STR("tidy: non-empty #ifdef kept", s, "#ifdef X\n\t.f = g,\n#endif\n");
	CHECK("tidy: nothing counted", n == 0);
	free(s);
	s = tidy_empty_ifdefs("# if defined(A)\n  #  endif /* A */\nx", &n);
	CHECK_STR("tidy: spaced directives", s, "x");
	free(s);

	{
		const char *before = "int f(int a,\n        int b);\n";
		const char *now = "int f(int a,\n        int b);\nvoid g(int a,\n\t\t\t\t            int b)\n\tx = 1;\n";
		int fixed;
		char *t = tidy_indent(now, before, &fixed);

		CHECK_STR("tidy_indent: spatch's spaces become tabs to the same column; the tree's own line and "
			  "a tab-indented one stay", t,
			  "int f(int a,\n        int b);\nvoid g(int a,\n\t\t\t\t\t    int b)\n\tx = 1;\n");
		CHECK("tidy_indent: one line fixed", fixed == 1);
		free(t);
	}
	UNIT_EXIT();
}
