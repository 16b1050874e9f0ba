#include <stdio.h>
#include <string.h>
#include "judge.h"

#define MAX_OPEN 64

struct pairs {
	struct mn_event open[MAX_OPEN];
	size_t nr;
};

static int covers(unsigned long long s, unsigned long long e, unsigned long long rs,
		  unsigned long long re)
{
	return s <= rs && e >= re;
}

static int intersects(const struct mn_event *e, const struct region *r, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		if (e->start < r[i].end && e->end > r[i].start)
			return 1;
	return 0;
}

static int open_covering(const struct pairs *p, unsigned long long s, unsigned long long e)
{
	for (size_t i = 0; i < p->nr; i++)
		if (covers(p->open[i].start, p->open[i].end, s, e))
			return 1;
	return 0;
}

static void close_pair(struct pairs *p, const struct mn_event *e)
{
	for (size_t i = p->nr; i-- > 0;)
		if (p->open[i].start == e->start && p->open[i].end == e->end) {
			memmove(&p->open[i], &p->open[i + 1], (p->nr - i - 1) * sizeof(p->open[0]));
			p->nr--;
			return;
		}
}

static void why(struct judgement *j, const char *text)
{
	size_t len = strlen(j->why);

	snprintf(j->why + len, sizeof(j->why) - len, "%s%s", len ? "; " : "", text);
}

static void say(struct judgement *j, unsigned long n, const char *fmt)
{
	char t[160];

	if (!n)
		return;
	snprintf(t, sizeof(t), fmt, n);
	why(j, t);
}

/* Was region r covered by a pair, and did an invalidate_range come inside one? */
static void judge_region(const struct mn_event *ev, size_t n, const struct region *r,
			 int *covered, int *range_inside)
{
	struct pairs p = { .nr = 0 };

	*covered = *range_inside = 0;
	for (size_t i = 0; i < n; i++) {
		const struct mn_event *e = &ev[i];

		if (e->kind == MN_RANGE_START) {
			if (covers(e->start, e->end, r->start, r->end))
				*covered = 1;
			if (p.nr < MAX_OPEN)
				p.open[p.nr++] = *e;
		} else if (e->kind == MN_RANGE_END) {
			close_pair(&p, e);
		} else if (e->kind == MN_INVALIDATE_RANGE && e->start < r->end && e->end > r->start &&
			   open_covering(&p, r->start, r->end)) {
			*range_inside = 1;
		}
	}
}

static void judge_records(const struct mn_event *ev, size_t n, const struct region *r, size_t nr,
			  struct judgement *j, unsigned long long *first_outside)
{
	struct pairs p = { .nr = 0 };

	for (size_t i = 0; i < n; i++) {
		const struct mn_event *e = &ev[i];

		if (e->kind <= MN_LOST)
			j->count[e->kind]++;
		if (e->kind == MN_LOST)
			j->lost += e->start;
		if ((e->kind == MN_RANGE_START || e->kind == MN_INVALIDATE_PAGE) && e->blockable &&
		    (e->preempt || e->irqs_off))
			j->atomic++;
		if (e->kind == MN_RANGE_START && p.nr < MAX_OPEN)
			p.open[p.nr++] = *e;
		else if (e->kind == MN_RANGE_END)
			close_pair(&p, e);
		else if ((e->kind == MN_INVALIDATE_PAGE || e->kind == MN_INVALIDATE_RANGE) &&
			 intersects(e, r, nr) && !open_covering(&p, e->start, e->end)) {
			if (!j->outside++)
				*first_outside = e->start;
		}
	}
	j->left_open = p.nr;
}

void judge_run(const struct mn_event *ev, size_t n, const struct region *r, size_t nr,
	       int has_invalidate_range, struct judgement *j)
{
	unsigned long long first_outside = 0, first_uncovered = 0;
	char t[160];

	memset(j, 0, sizeof(*j));
	judge_records(ev, n, r, nr, j, &first_outside);
	for (size_t i = 0; i < nr; i++) {
		int covered, inside;

		judge_region(ev, n, &r[i], &covered, &inside);
		if (!covered && !j->uncovered++)
			first_uncovered = r[i].start;
		if (covered && has_invalidate_range && !inside)
			j->no_range_inside++;
	}
	if (j->uncovered) {
		snprintf(t, sizeof(t), "no range_start/range_end pair covers 0x%llx (%lu regions)",
			 first_uncovered, j->uncovered);
		why(j, t);
	}
	if (j->outside) {
		snprintf(t, sizeof(t), "per-page callback at 0x%llx with no covering range open (%lu records)",
			 first_outside, j->outside);
		why(j, t);
	}
	say(j, j->no_range_inside, "no invalidate_range inside the pair (%lu regions)");
	say(j, j->left_open, "range_start never ended (%lu)");
	say(j, j->atomic, "a callback that may sleep ran in atomic context (%lu records)");
	say(j, j->lost, "the probe lost %lu records");
	if (!n)
		why(j, "no callback at all");
	j->pass = !j->uncovered && !j->outside && !j->no_range_inside && !j->left_open &&
		  !j->atomic && !j->lost && n > 0;
}
