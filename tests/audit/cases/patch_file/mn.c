/* A module converted already, with an old patch lying next to it. */
#include <linux/mmu_notifier.h>

static void pf_range(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
}

static const struct mmu_notifier_ops pf_ops = {
	.invalidate_range = pf_range,
};
