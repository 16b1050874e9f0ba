/* A module converted already, its Kbuild still naming the old callback in a comment. */
#include <linux/mmu_notifier.h>

static void pf_range(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
}

static const struct mmu_notifier_ops pf_ops = {
	.invalidate_range = pf_range,
};
