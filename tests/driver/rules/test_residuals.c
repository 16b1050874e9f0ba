/* Unit tests of driver/rules/residuals.c: residual lines renumbered on the text before the rules. */
#include <stdlib.h>
#include "rules/residuals.h"
#include "unit.h"

int main(void)
{
	/* lines 3-16 removed (a function), line 30 replaced by two, a line added after 40 */
	const char *diff = "@@ -3,14 +2,0 @@\n-a\n@@ -30 +16,2 @@\n-x\n+y\n+z\n@@ -40,0 +28 @@\n+w\n";
	struct strvec l = STRVEC_INIT;

	CHECK("renumber: a line before every hunk keeps its number", residuals_line_before(diff, 2) == 2);
	CHECK("renumber: after a removal, the removed lines count again",
	      residuals_line_before(diff, 3) == 17 && residuals_line_before(diff, 15) == 29);
	CHECK("renumber: a written line names the line it replaced",
	      residuals_line_before(diff, 16) == 30 && residuals_line_before(diff, 17) == 30);
	CHECK("renumber: after a hunk that grew, one fewer",
	      residuals_line_before(diff, 18) == 31 && residuals_line_before(diff, 26) == 39);
	CHECK("renumber: an added line after line 40 names line 40; the line after it, 41",
	      residuals_line_before(diff, 27) == 40 && residuals_line_before(diff, 28) == 40 &&
	      residuals_line_before(diff, 29) == 41);
	strvec_push(&l, "mm/x.c:391:122: not converted: spatch cannot parse this code (f)");
	strvec_push(&l, "mm/xy.c:391:1: other file");
	residuals_renumber(&l, "mm/x.c", "@@ -380,14 +379,0 @@\n");
	CHECK_STR("renumber: the file's residual lines", l.v[0],
		  "mm/x.c:405:122: not converted: spatch cannot parse this code (f)");
	CHECK_STR("renumber: ... and no other file's", l.v[1], "mm/xy.c:391:1: other file");
	strvec_clear(&l);
	UNIT_EXIT();
}
