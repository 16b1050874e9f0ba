/* Unit tests of driver/rules/check.c: which check findings count, and unseen lines. */
#include <stdlib.h>
#include "rules/check.h"
#include "unit.h"
#include "lib/usage.h"

int main(void)
{
	struct linelist added = LINELIST_INIT, written = LINELIST_INIT;
	struct strvec out = STRVEC_INIT, msgs = STRVEC_INIT, notes = STRVEC_INIT;
	int unchecked, n;

	usage_quiet = 1;
	check_diff_added("--- a/x\n+++ b/x\n@@ -3,0 +4,2 @@ f\n+a\n+b\n@@ -9 +11 @@\n-c\n+d\n"
			 "@@ -20,2 +21,0 @@\n-e\n-f\n", &added);
	CHECK("diff: added lines from -U0 hunks", added.nr == 3 && added.v[0] == 4 &&
	      added.v[1] == 5 && added.v[2] == 11);
	CHECK("diff: a pure deletion adds nothing", !linelist_has(&added, 21));

	linelist_add(&written, 12);
	linelist_add(&written, 30);
	strvec_push(&out, "mm/x.c:12:1: seen");
	strvec_push(&out, "mm/x.c:30:1: seen");
	strvec_push(&out, "mm/x.c:40:1: unbalanced: f(): opened at 12 leaves at 40 [12,40]");
	strvec_push(&out, "mm/x.c:99:1: unbalanced: copy(): upstream's own bracket [90,99]");
	strvec_push(&out, "mm/y.c:12:1: unbalanced: g(): another file [12]");
	strvec_push(&out, "mm/x.c:12:1: note: f() brackets mm over [a, b)");
	strvec_push(&out, "mm/x.c:90:1: note: copy() brackets mm over [c, d)");
	n = check_judge("mm/x.c", &out, &written, &unchecked, &msgs, &notes);
	CHECK("judge: a finding on a written line counts, others do not", n == 1 && msgs.nr == 1);
	CHECK_STR("judge: the message names file and line", msgs.v[0],
		  "mm/x.c:40: unbalanced: f(): opened at 12 leaves at 40 [12,40]");
	CHECK("judge: every written line seen", unchecked == 0);
	CHECK("judge: a note on a written line is kept, not an error", notes.nr == 1);
	CHECK_STR("judge: the note without its prefix", notes.v[0], "mm/x.c:12: f() brackets mm over [a, b)");

	linelist_add(&written, 31);
	strvec_clear(&msgs);
	n = check_judge("mm/x.c", &out, &written, &unchecked, &msgs, &notes);
	CHECK("judge: a written line the check never saw is unchecked", n == 2 && unchecked == 1);
	CHECK("judge: the unchecked line is named", msgs.nr == 2 &&
	      !strncmp(msgs.v[1], "mm/x.c:31: unchecked", 20));

	strvec_clear(&out);
	strvec_clear(&msgs);
	strvec_clear(&notes);
	linelist_clear(&added);
	linelist_clear(&written);
	UNIT_EXIT();
}
