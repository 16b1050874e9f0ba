/* Unit tests of the runtime log reader and verdict: console logs written by hand. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/fileio.h"
#include "runtime/runtime_log.h"
#include "runtime/runtime_report.h"
#include "unit.h"

#define R "kseries-rt: result "
#define SLEEP "BUG: sleeping function called from invalid context"

static const char before_log[] =
	"[    0.000000] Linux version 4.12.0\r\n"
	"kseries-rt: boot 4.12.0\n"
	"kseries-rt: probe loaded\n"
	"kseries-rt: begin runs=2\n"
	R "unmap-4k-migrate 1 fail counts=start:0,end:0,range:0,page:1,outside:1,atomic:1 "
	"why=no range_start/range_end pair covers 0x7f0000 (1 regions)\n"
	"[    2.100000] " SLEEP " at mm/rmap.c:1\n"
	R "unmap-4k-migrate 2 fail counts=start:0,end:0,range:0,page:1,outside:1,atomic:1 why=second\n"
	R "unmap-thp-migrate 1 pass counts=start:1,end:1,range:1,page:0,outside:0,atomic:0 why=-\n"
	R "unmap-thp-migrate 2 pass counts=start:1,end:1,range:1,page:0,outside:0,atomic:0 why=-\n"
	R "clean-thp 1 skip counts=start:0 why=no compound page can be cleaned here\n"
	R "clean-thp 2 skip counts=start:0 why=no compound page can be cleaned here\n"
	"kseries-rt: end\n"
	"kseries-dmesg: [    2.100000] " SLEEP " at mm/rmap.c:1\n"
	"kseries-dmesg: [    2.100001] in_atomic(): 1, irqs_disabled(): 0\n"
	"kseries-rt: poweroff\n";

static const char after_log[] =
	"kseries-rt: boot 4.12.0+\n"
	"kseries-rt: note module /lib/modules/crc32c-intel.ko did not load\n"
	"kseries-rt: probe loaded\n"
	"kseries-rt: begin runs=2\n"
	R "unmap-4k-migrate 1 pass counts=start:1,end:1,range:1,page:0,outside:0,atomic:0 why=-\n"
	R "unmap-4k-migrate 2 pass counts=start:1,end:1,range:1,page:0,outside:0,atomic:0 why=-\n"
	R "unmap-thp-migrate 1 pass counts=start:1 why=-\n"
	R "unmap-thp-migrate 2 pass counts=start:1 why=-\n"
	R "clean-thp 1 skip counts=start:0 why=no compound page can be cleaned here\n"
	R "clean-thp 2 skip counts=start:0 why=no compound page can be cleaned here\n"
	"kseries-rt: end\n";

static void test_parse(const struct strvec *watch)
{
	struct rt_log l;
	const struct rt_scenario *s;

	rt_log_parse(&l, before_log, watch);
	CHECK_STR("release", l.release, "4.12.0");
	CHECK("probe, begin, end", l.probe_loaded && l.begun && l.ended);
	CHECK("three scenarios", l.nr_sc == 3);
	s = rt_log_scenario(&l, "unmap-4k-migrate");
	CHECK("4k: two runs, both failed", s && s->runs == 2 && s->fail == 2 && !s->pass);
	CHECK_STR("4k: the first failure's reason", s ? s->why : NULL,
		  "no range_start/range_end pair covers 0x7f0000 (1 regions)");
	CHECK_STR("4k: its callbacks", s ? s->counts : NULL,
		  "start:0,end:0,range:0,page:1,outside:1,atomic:1");
	s = rt_log_scenario(&l, "clean-thp");
	CHECK("skips counted", s && s->skip == 2 && !s->pass && !s->fail);
	/* the dmesg dump is read, the console copy of the same line is not counted twice */
	CHECK("the watched line counted once", l.watch[0].hits == 1);
	CHECK("its first line kept", l.watch[0].first && strstr(l.watch[0].first, "mm/rmap.c:1"));
	CHECK("a BUG line is a kernel problem", l.problems.nr == 1);
	rt_log_clear(&l);

	rt_log_parse(&l, "kseries-rt: boot 4.12.0\nkseries-rt: error the probe did not load\n", watch);
	CHECK("probe not loaded", l.release && !l.probe_loaded && l.errors.nr == 1);
	rt_log_clear(&l);
	rt_log_parse(&l, "[ 1.0] Kernel panic - not syncing: VFS\n", watch);
	CHECK("no boot: no release, the panic is a problem", !l.release && l.problems.nr == 1);
	rt_log_clear(&l);
}

static void test_states(const struct strvec *watch)
{
	struct test_kernel k = { .label = "after" };
	struct rt_result r = { .k = &k };

	rt_log_parse(&r.log, "kseries-rt: boot 4.12\nkseries-rt: probe loaded\nkseries-rt: begin\n",
		     watch);
	rt_result_judge(&r, -1, 30);
	CHECK("begun, no end, timed out: incomplete", r.state == RT_INCOMPLETE);
	CHECK_STR("its reason", r.why, "the scenarios did not end in 30 s");
	rt_result_clear(&r);
	r.k = &k;
	rt_log_parse(&r.log, "", watch);
	rt_result_judge(&r, -1, 30);
	CHECK("nothing at all: did not boot", r.state == RT_NO_BOOT);
	rt_result_clear(&r);
	r.k = &k;
	rt_log_parse(&r.log, "Decompressing Linux... Parsing ELF... done.\nBooting the kernel.\n", watch);
	rt_result_judge(&r, 0, 30);
	CHECK_STR("a reset after decompression: the console's last line is named", r.why,
		  "the kernel did not reach /init; the console's last line: Booting the kernel.");
	rt_result_clear(&r);
}

/* The verdict of before/after: what the series fixes; a sleep report after it fails. */
static void test_verdict(const struct manifest *m, const struct strvec *watch, const char *dir)
{
	struct test_kernel kb = { .label = "before" }, ka = { .label = "after" };
	struct rt_result rs[2] = { { .k = &kb }, { .k = &ka } };
	char *txt, *path;

	rs[0].config = strdup("CONFIG_DEBUG_ATOMIC_SLEEP=y\nCONFIG_PREEMPT_COUNT=y\n");
	rs[1].config = strdup(rs[0].config);
	rt_log_parse(&rs[0].log, before_log, watch);
	rt_log_parse(&rs[1].log, after_log, watch);
	rt_result_judge(&rs[0], 0, 30);
	rt_result_judge(&rs[1], 0, 30);
	CHECK("before/after pass", runtime_write(dir, m, rs, 2, "tcg", NULL) == 0);
	path = malloc(strlen(dir) + 20);
	sprintf(path, "%s/runtime.txt", dir);
	txt = read_file(path);
	CHECK("the series fixes the 4k scenario",
	      txt && strstr(txt, "the series fixes 1 scenarios: unmap-4k-migrate"));
	CHECK("the sleep report before is shown", txt && strstr(txt, "sleeping in atomic context: 1 lines"));
	free(txt);
	rt_log_clear(&rs[1].log);
	rt_log_parse(&rs[1].log, before_log, watch);
	CHECK("a failing scenario after the series fails the verdict",
	      runtime_write(dir, m, rs, 2, "tcg", NULL) == 1);
	free(rs[1].config);
	rs[1].config = strdup("");
	rt_log_clear(&rs[1].log);
	rt_log_parse(&rs[1].log, after_log, watch);
	CHECK("config off: not checked, still a pass", runtime_write(dir, m, rs, 2, "tcg", NULL) == 0);
	txt = read_file(path);
	CHECK("not checked is said", txt && strstr(txt, "not checked (CONFIG_DEBUG_ATOMIC_SLEEP is off"));
	free(txt);
	free(path);
	rt_result_clear(&rs[0]);
	rt_result_clear(&rs[1]);
}

int main(void)
{
	char tmpl[] = "/tmp/kseries-rtlog-XXXXXX", *dir = mkdtemp(tmpl);
	struct strvec watch = STRVEC_INIT;
	struct manifest m = { 0 };

	strvec_push(&watch, SLEEP);
	strvec_pushl(&m.runtime_watch.cells, "sleeping in atomic context", SLEEP,
		     "DEBUG_ATOMIC_SLEEP", NULL);
	m.runtime_watch.rows = 1;
	m.runtime_watch.cols = 3;
	test_parse(&watch);
	test_states(&watch);
	if (dir)
		test_verdict(&m, &watch, dir);
	if (dir) {
		char cmd[100];

		snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
		if (system(cmd))
			return 1;
	}
	strvec_clear(&watch);
	strvec_clear(&m.runtime_watch.cells);
	UNIT_EXIT();
}
