/*
 * What the notifier probe records per callback, read back by the guest
 * program from debugfs (kseries_mn/events): fixed-size records, native order.
 */
#ifndef KSERIES_MN_EVENTS_H
#define KSERIES_MN_EVENTS_H

enum mn_kind {
	MN_RANGE_START = 1,
	MN_RANGE_END,
	MN_INVALIDATE_RANGE,	/* also arch_invalidate_secondary_tlbs (6.6+) */
	MN_INVALIDATE_PAGE,	/* the callback the series removes */
	MN_RELEASE,
	MN_LOST,		/* start: how many records did not fit */
};

struct mn_event {
	unsigned int kind;
	unsigned int preempt;	/* preempt_count() when called */
	unsigned int irqs_off;
	unsigned int blockable;	/* the kernel said the callback may sleep */
	unsigned long long start, end;
};

#endif
