/* Ops declared through a macro that names the type. */
#include <linux/mmu_notifier.h>

#define MC_NOTIFIER_OPS static const struct mmu_notifier_ops

static void mc_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
}

static void mc_range(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
}

MC_NOTIFIER_OPS mc_ops = {
	.invalidate_page = mc_page,
	.invalidate_range = mc_range,
};
