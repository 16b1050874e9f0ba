/*
 * The series' judgement of a scenario run (cocci/runtime/guest/judge.c),
 * fed with records in the shapes kernels give: 4.12's invalidate_page
 * under the page table lock, the converted bracket, a PTE-mapped THP's
 * empty pair followed by per-page calls, a pair left open, lost records.
 */
#include <stdio.h>
#include <string.h>
#include "../../cocci/runtime/guest/judge.h"

static int failed;

static void check(const char *name, int cond)
{
	printf("%s %s\n", cond ? "ok" : "FAIL", name);
	failed += !cond;
}

#define P 0x7f0000001000ULL
#define H 0x7f0000200000ULL

static struct mn_event ev(unsigned kind, unsigned long long s, unsigned long long e, unsigned pc)
{
	struct mn_event x = { kind, pc, 0, kind == MN_RANGE_START || kind == MN_INVALIDATE_PAGE, s, e };

	return x;
}

int main(void)
{
	struct region page = { P, P + 4096 };
	struct region thp[3] = { { H, H + 4096 }, { H + 4096, H + 8192 }, { H + 8192, H + 0x200000 } };
	struct mn_event e[600];
	struct judgement j;
	size_t n;

	/* 4.12 migrating a 4 KiB page: invalidate_page under the PTL, no range */
	e[0] = ev(MN_INVALIDATE_PAGE, P, P + 4096, 1);
	judge_run(e, 1, &page, 1, 1, &j);
	check("before, 4k: fails", !j.pass);
	check("before, 4k: not covered, outside, atomic", j.uncovered == 1 && j.outside == 1 && j.atomic == 1);
	check("before, 4k: the reason names the page", strstr(j.why, "no range_start/range_end pair covers 0x7f0000001000") != NULL);

	/* after the series: start, the clear's invalidate_range, end's, end */
	e[0] = ev(MN_RANGE_START, P, P + 4096, 0);
	e[1] = ev(MN_INVALIDATE_RANGE, P, P + 4096, 1);
	e[2] = ev(MN_INVALIDATE_RANGE, P, P + 4096, 0);
	e[3] = ev(MN_RANGE_END, P, P + 4096, 0);
	judge_run(e, 4, &page, 1, 1, &j);
	check("after, 4k: passes", j.pass);
	check("after, 4k: counts", j.count[MN_RANGE_START] == 1 && j.count[MN_INVALIDATE_RANGE] == 2);

	/* a pair with no invalidate_range inside, on a kernel that has the callback */
	e[1] = e[3];
	judge_run(e, 2, &page, 1, 1, &j);
	check("no invalidate_range inside: fails", !j.pass && j.no_range_inside == 1);
	judge_run(e, 2, &page, 1, 0, &j);
	check("... unless the kernel has no invalidate_range (3.x)", j.pass);

	/* a PTE-mapped THP on 4.12: an empty 2 MiB pair per VMA, then 512 invalidate_page */
	n = 0;
	for (int v = 0; v < 3; v++) {
		e[n++] = ev(MN_RANGE_START, H, H + 0x200000, 0);
		e[n++] = ev(MN_RANGE_END, H, H + 0x200000, 0);
	}
	for (int i = 0; i < 512; i++)
		e[n++] = ev(MN_INVALIDATE_PAGE, H + i * 4096ULL, H + (i + 1) * 4096ULL, 1);
	judge_run(e, n, thp, 3, 1, &j);
	check("before, PTE-mapped THP: every region covered by a pair", j.uncovered == 0);
	check("before, PTE-mapped THP: 512 calls after it closed", j.outside == 512 && !j.pass);

	/* a pair never ended */
	e[0] = ev(MN_RANGE_START, P, P + 4096, 0);
	e[1] = ev(MN_INVALIDATE_RANGE, P, P + 4096, 0);
	judge_run(e, 2, &page, 1, 1, &j);
	check("range_start never ended: fails", !j.pass && j.left_open == 1);

	/* the probe ran out of room */
	e[0] = ev(MN_RANGE_START, P, P + 4096, 0);
	e[1] = ev(MN_INVALIDATE_RANGE, P, P + 4096, 0);
	e[2] = ev(MN_RANGE_END, P, P + 4096, 0);
	e[3] = ev(MN_LOST, 7, 0, 0);
	judge_run(e, 4, &page, 1, 1, &j);
	check("lost records: fails, and says how many", !j.pass && j.lost == 7 && strstr(j.why, "lost 7"));

	/* nothing recorded at all is no pass */
	judge_run(e, 0, &page, 1, 1, &j);
	check("no callback at all: fails", !j.pass && strstr(j.why, "no callback at all"));
	return failed ? 1 : 0;
}
