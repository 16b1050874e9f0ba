/* Unit tests of driver/matrix/bisect.c's judge of one patch's build. */
#include <stdlib.h>
#include <sys/stat.h>
#include "matrix/bisect.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/usage.h"
#include "unit.h"

int main(void)
{
	char *tmp = unit_tmpdir(), *log1 = xstrfmt("%s/p1.log", tmp), *log2 = xstrfmt("%s/p2.log", tmp);
	struct build_cell c = { .arch = "arm" };
	struct make_job good = MAKE_JOB_INIT, bad = MAKE_JOB_INIT, broken = MAKE_JOB_INIT;
	struct stat st;

	strvec_push(&c.not_buildable, "drivers/never.o");
	write_file(log1, "make ok\n");
	good.log = log1;
	bisect_judge_patch(&c, 0, "mm: first", &good);
	CHECK("bisect_judge_patch: a patch that builds leaves no failure", !c.bisect_failures.nr);
	CHECK("bisect_judge_patch: ... and its log goes", stat(log1, &st) && c.patches_built == 1);

	write_file(log2, "make failed\n");
	bad.log = log2;
	strvec_pushl(&bad.st.failed, "drivers/never.o", "mm/rmap.o", NULL);
	strvec_push(&bad.st.other, "mm/");
	bisect_judge_patch(&c, 1, "mm: second", &bad);
	CHECK("bisect_judge_patch: what never built is not the patch's fault",
	      c.bisect_failures.nr == 2);
	CHECK_STR("bisect_judge_patch: a failed object, numbered as the patch",
		  c.bisect_failures.v[0], "0002 mm: second: mm/rmap.o");
	CHECK_STR("bisect_judge_patch: a failed target that is no object counts too",
		  c.bisect_failures.v[1], "0002 mm: second: mm/");
	CHECK("bisect_judge_patch: ... the log of a problem is kept", !stat(log2, &st));

	broken.log = log2;
	broken.st.broken = xstrdup("make died of signal 9");
	strvec_push(&broken.st.failed, "fs/dax.o");
	bisect_judge_patch(&c, 2, "fs: third", &broken);
	CHECK_STR("bisect_judge_patch: a step that cannot be judged says why, once",
		  c.bisect_failures.v[2], "0003 fs: third: make died of signal 9");
	CHECK("bisect_judge_patch: ... and nothing else of it counts",
	      c.bisect_failures.nr == 3 && c.patches_built == 3);
	make_step_clear(&good.st);
	make_step_clear(&bad.st);
	make_step_clear(&broken.st);
	cell_clear(&c);
	remove_tree(tmp);
	free(log1);
	free(log2);
	UNIT_EXIT();
}
