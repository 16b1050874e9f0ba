/* An array of ops without indices. */
#include <linux/mmu_notifier.h>

static void plain_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
}

static void plain_range(struct mmu_notifier *mn, struct mm_struct *mm,
			unsigned long start, unsigned long end)
{
}

static const struct mmu_notifier_ops plain_ops[] = {
	{
		.invalidate_page = plain_page,
		.invalidate_range = plain_range,
	},
};
