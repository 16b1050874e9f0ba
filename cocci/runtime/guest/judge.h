/*
 * The judgement of one scenario run: the probe's records between the
 * run's action and its end, against the pages the kernel unmapped or
 * cleaned. Pure code, so that the host's tests can feed it records too.
 */
#ifndef KSERIES_JUDGE_H
#define KSERIES_JUDGE_H

#include <stddef.h>
#include "../probe/mn_events.h"

/* A region the kernel unmapped or cleaned: one VMA's part of a page. */
struct region {
	unsigned long long start, end;
};

struct judgement {
	/* records of each kind (index: enum mn_kind) */
	unsigned long count[MN_LOST + 1];
	unsigned long outside;		/* per-page records with no open pair covering them */
	unsigned long uncovered;	/* regions no range_start/end pair covered */
	unsigned long no_range_inside;	/* regions with no invalidate_range inside a pair */
	unsigned long left_open;	/* range_start records never ended */
	unsigned long atomic;		/* callbacks allowed to sleep called in atomic context */
	unsigned long lost;		/* records the probe had no room for */
	int pass;
	char why[512];			/* the first reasons, when not pass */
};

/*
 * Judge n records ev against the regions. has_invalidate_range: the
 * kernel has that callback (3.19+), so one must come inside the pair.
 */
void judge_run(const struct mn_event *ev, size_t n, const struct region *r, size_t nr,
	       int has_invalidate_range, struct judgement *j);

#endif
