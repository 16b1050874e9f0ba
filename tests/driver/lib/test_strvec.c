/* Unit tests of driver/lib/strvec.c and the spatch version parser. */
#include "rules/spatch.h"
#include "lib/strvec.h"
#include "unit.h"

int main(void)
{
	struct strvec sv = STRVEC_INIT;

	strvec_pushl(&sv, "b", "a", NULL);
	strvec_pushf(&sv, "c%d", 3);
	CHECK("strvec: count", sv.nr == 3);
	CHECK("strvec: NULL-terminated", sv.v[3] == NULL);
	CHECK_STR("strvec: pushf", sv.v[2], "c3");
	strvec_sort(&sv);
	CHECK_STR("strvec: sorted first", sv.v[0], "a");
	CHECK("strvec: contains", strvec_contains(&sv, "b") && !strvec_contains(&sv, "z"));
	for (int i = 0; i < 100; i++)
		strvec_pushf(&sv, "x%d", i);
	CHECK("strvec: grows", sv.nr == 103 && sv.v[103] == NULL);
	strvec_clear(&sv);
	CHECK("strvec: clear", sv.nr == 0 && sv.v == NULL);

	strvec_split_lines(&sv, "one\n\ntwo\nthree");
	CHECK("strvec: split skips empty lines", sv.nr == 3);
	CHECK_STR("strvec: split last line without newline", sv.v[2], "three");
	strvec_clear(&sv);

	CHECK("spatch version 1.1.1",
	      spatch_parse_version("spatch version 1.1.1 compiled with OCaml version 4.13.1") == 10101);
	CHECK("spatch version 1.0.8", spatch_parse_version("spatch version 1.0.8 with Python support") == 10008);
	CHECK("spatch version 1.2", spatch_parse_version("spatch version 1.2 compiled") == 10200);
	CHECK("spatch version garbage", spatch_parse_version("no version here") == -1);
	CHECK("spatch version NULL", spatch_parse_version(NULL) == -1);
	{
		struct strvec r = STRVEC_INIT;

		strvec_pushl(&r, "a", "b", "c", NULL);
		strvec_remove(&r, 1);
		CHECK("strvec_remove: the middle one goes, the order stays",
		      r.nr == 2 && !strcmp(r.v[0], "a") && !strcmp(r.v[1], "c") && !r.v[2]);
		strvec_remove(&r, 5);
		CHECK("strvec_remove: an index past the end changes nothing", r.nr == 2);
		strvec_remove(&r, 1);
		strvec_remove(&r, 0);
		CHECK("strvec_remove: down to empty, still NULL-terminated", r.nr == 0 && !r.v[0]);
		strvec_clear(&r);
	}
	{
		struct strvec f = STRVEC_INIT;

		strvec_pushl(&f, "drivers/atm/he.c:1467:3: caller: x", "drivers/atm/he.c:536:9: caller: y",
			     "drivers/atm/he.c:536:10: caller: z", "a.c:2:1: b", "drivers/atm/he.c:9: note",
			     "drivers/atm/he.h:1:1: q", NULL);
		strvec_sort_locations(&f);
		CHECK("strvec_sort_locations: by file, then line and column as numbers",
		      !strcmp(f.v[0], "a.c:2:1: b") && !strcmp(f.v[1], "drivers/atm/he.c:9: note") &&
		      !strcmp(f.v[2], "drivers/atm/he.c:536:9: caller: y") &&
		      !strcmp(f.v[3], "drivers/atm/he.c:536:10: caller: z") &&
		      !strcmp(f.v[4], "drivers/atm/he.c:1467:3: caller: x") &&
		      !strcmp(f.v[5], "drivers/atm/he.h:1:1: q"));
		strvec_clear(&f);
	}
	UNIT_EXIT();
}
