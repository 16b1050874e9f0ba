/* Unit tests of driver/report/result.c: the states' words, and a result cleared whole. */
#include <stdlib.h>
#include "proof/proof.h"
#include "report/result.h"
#include "lib/usage.h"
#include "unit.h"

int main(void)
{
	struct rev_result r = { 0 };
	int zero = 1;

	CHECK_STR("rev_state_name: converted", rev_state_name(REV_CONVERTED), "converted");
	CHECK_STR("rev_state_name: already-converted", rev_state_name(REV_ALREADY_CONVERTED),
		  "already-converted");
	CHECK_STR("rev_state_name: a result not known good is failed", rev_state_name(REV_FAILED),
		  "failed");

	r.rev = xstrdup("v4.12");
	r.error = xstrdup("boom");
	strvec_push(&r.findings, "mm/rmap.c:1: caller");
	r.nr_patches = 1;
	r.patches = xcalloc(1, sizeof(*r.patches));
	r.patches[0].subject = xstrdup("mm: x");
	strvec_push(&r.patches[0].cc, "a@b");
	r.nr_cells = 2;
	r.cells = xcalloc(2, sizeof(*r.cells));
	r.cells[1].reason = xstrdup("skipped");
	strvec_push(&r.cells[0].built, "mm/rmap.o");
	r.proof = xcalloc(1, sizeof(*r.proof));
	r.post.base_describe = xstrdup("v4.12");
	strvec_push(&r.post.checks, "ok git am");
	r.state = REV_CONVERTED;
	rev_result_clear(&r);
	for (size_t i = 0; i < sizeof(r); i++)
		zero &= !((unsigned char *)&r)[i];
	CHECK("rev_result_clear: everything freed (ASan: make check-asan) and the struct zeroed", zero);
	CHECK("rev_result_clear: ... a cleared result is failed until known good",
	      r.state == REV_FAILED && !r.cells && !r.proof);
	rev_result_clear(&r);
	CHECK("rev_result_clear: twice is harmless", !r.rev && !r.nr_patches);
	posting_result_clear(&r.post);
	CHECK("posting_result_clear: an empty one is harmless", !r.post.base_describe);
	UNIT_EXIT();
}
