/* Unit tests of driver/matrix/matrix.c's judges and driver/matrix/cell.c's names. */
#include <stdlib.h>
#include "matrix/matrix.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/usage.h"
#include "unit.h"

static const char log_text[] =
	"  CC      mm/rmap.o\n"
	"/tmp/kseries-x/wt/mm/rmapx.c:3:1: error: not this file's\n"
	"/tmp/kseries-x/wt/mm/rmap.c:12:3: warning: unused variable 'x'\n"
	"/tmp/kseries-x/wt/mm/rmap.c:40:9: error: implicit declaration of function 'f'\n"
	"/tmp/kseries-x/wt/mm/rmap.c:41:9: error: a second error\n"
	"make[2]: *** [scripts/Makefile.build:300: mm/rmap.o] Error 1\n";

int main(void)
{
	char *tmp = unit_tmpdir(), *log = xstrfmt("%s/x86_64.log", tmp), *e;
	struct strvec base = STRVEC_INIT, targets = STRVEC_INIT, head = STRVEC_INIT;
	struct build_cell c = { .arch = "x86_64" }, ok = { .arch = "arm" };

	e = matrix_first_error(log_text, "mm/rmap.o");
	CHECK_STR("matrix_first_error: the object's first error, from its own path on", e,
		  "mm/rmap.c:40:9: error: implicit declaration of function 'f'");
	free(e);
	CHECK("matrix_first_error: a warning is no error, another file no match",
	      !matrix_first_error("mm/rmapx.c:1:1: error: x\nmm/rmap.c:2:2: warning: y\n", "mm/rmap.o"));
	CHECK("matrix_first_error: a path that only ends the same is not the object's",
	      !matrix_first_error("drivers/xmm/rmap.c:1:1: error: x\n", "mm/rmap.o"));

	write_file(log, log_text);
	strvec_pushl(&base, "drivers/old.o", NULL);
	strvec_pushl(&targets, "drivers/old.o", "mm/rmap.o", "fs/dax.o", NULL);
	strvec_pushl(&head, "drivers/old.o", "mm/rmap.o", NULL);
	CHECK("matrix_judge_after: a new failure fails the cell (1)",
	      matrix_judge_after(&c, &base, &targets, &head, log) == 1 && c.state == CELL_FAILED);
	CHECK("matrix_judge_after: ... what failed before too is not buildable, not a regression",
	      c.not_buildable.nr == 1 && !strcmp(c.not_buildable.v[0], "drivers/old.o"));
	CHECK("matrix_judge_after: ... the new failure is a regression",
	      c.regressions.nr == 1 && !strcmp(c.regressions.v[0], "mm/rmap.o"));
	CHECK_STR("matrix_judge_after: ... with the compiler's first error",
		  c.regression_errors.nr ? c.regression_errors.v[0] : NULL,
		  "mm/rmap.o: mm/rmap.c:40:9: error: implicit declaration of function 'f'");
	CHECK("matrix_judge_after: ... what did not fail is built",
	      c.built.nr == 1 && !strcmp(c.built.v[0], "fs/dax.o"));
	CHECK("matrix_judge_after: ... the reason counts and points to the log",
	      c.reason && strstr(c.reason, "1 objects build before the series and fail after it") &&
	      strstr(c.reason, log));
	strvec_clear(&head);
	strvec_push(&head, "drivers/old.o");
	CHECK("matrix_judge_after: only what failed before fails again: ok (0)",
	      matrix_judge_after(&ok, &base, &targets, &head, log) == 0 && ok.state == CELL_OK &&
	      !ok.regressions.nr && ok.built.nr == 2);
	CHECK_STR("cell_state_name: ok", cell_state_name(CELL_OK), "ok");
	CHECK_STR("cell_state_name: a pending cell is skipped, never a pass",
		  cell_state_name(CELL_PENDING), "skipped");
	CHECK_STR("cell_srcarch: a variant builds its base arch's folder",
		  cell_srcarch(&(struct build_cell){ .arch = "x86-kvm", .base_arch = "x86_64" }), "x86");
	CHECK("cell_srcarch: an arch kseries does not know has none",
	      !cell_srcarch(&(struct build_cell){ .arch = "sparc" }));
	cell_clear(&c);
	cell_clear(&ok);
	strvec_clear(&base);
	strvec_clear(&targets);
	strvec_clear(&head);
	remove_tree(tmp);
	free(log);
	UNIT_EXIT();
}
