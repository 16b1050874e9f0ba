/* driver/series/build_stage.c: the one-line failure and the cover letter's build paragraph say only what happened. */
#include "unit.h"
#include "lib/usage.h"
#include "matrix/cell.h"
#include "series/build_stage.h"

int main(void)
{
	struct build_cell cells[3] = { { .arch = "x86_64", .state = CELL_OK, .patches_built = 4 },
				       { .arch = "arm", .state = CELL_SKIPPED, .reason = "no arm-linux-gnueabi-gcc" },
				       { .arch = "mips", .state = CELL_FAILED, .reason = "1 regressions: mm/rmap.o" } };
	struct rev_result r = { .rev = "v1", .cells = cells, .nr_cells = 3, .build_failed = 1 };
	char *s;

	s = build_failure(&r, 0);
	CHECK_STR("build_failure: the failed cell with its reason, one only", s,
		  "mips failed: 1 regressions: mm/rmap.o");
	free(s);
	r.proof_incomplete = 1;
	s = build_failure(&r, 0);
	CHECK("build_failure: no proof at all is said", s && strstr(s, "; no proof: the diff could not be read"));
	free(s);
	s = build_statement(&r, 1, 0);
	CHECK("build_statement: a failed build says so and says not to post", s &&
	      !strncmp(s, "kseries built this series and the build failed: mips failed: ", 61) &&
	      strstr(s, "Do not post it as it is."));
	free(s);
	cells[2].state = CELL_OK;
	r.build_failed = r.proof_incomplete = 0;
	s = build_statement(&r, 1, 0);
	CHECK("build_statement: the arches built, the bisect, the skipped cell with its reason", s &&
	      strstr(s, "before and after the series, on x86_64, mips: no object") &&
	      strstr(s, "Each of the first 4 patches builds on its own.") &&
	      strstr(s, "Not built: arm (no arm-linux-gnueabi-gcc).") && strstr(s, "The proof could not run."));
	free(s);
	s = build_statement(&r, 0, 0);
	CHECK("build_statement: no bisect claimed without it", s && !strstr(s, "on its own"));
	free(s);
	r.nr_cells = 0;
	CHECK("build_failure: nothing failed, nothing said", build_failure(&r, 0) == NULL);
	UNIT_EXIT();
}
