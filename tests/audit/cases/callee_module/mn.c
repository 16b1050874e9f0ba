/* The callbacks only call the flush helpers of flush.c. */
#include <linux/mmu_notifier.h>
#include "cm.h"

static void cm_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	cm_flush_page(cm_dev_of(mn), addr);
}

static void cm_start(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
	cm_flush_range(cm_dev_of(mn), start, end);
}

static void cm_end(struct mmu_notifier *mn, struct mm_struct *mm,
		   unsigned long start, unsigned long end)
{
}

static const struct mmu_notifier_ops cm_ops = {
	.invalidate_page = cm_page,
	.invalidate_range_start = cm_start,
	.invalidate_range_end = cm_end,
};
