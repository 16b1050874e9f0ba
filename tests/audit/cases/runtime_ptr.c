/* Ops filled in at run time through a pointer. */
#include <linux/mmu_notifier.h>

static void rt_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
}

static void rt_start(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
}

void rt_setup(struct mmu_notifier_ops *ops)
{
	ops->invalidate_page = rt_page;
	ops->invalidate_range_start = rt_start;
}
