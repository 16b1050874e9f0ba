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

	UNIT_EXIT();
}
