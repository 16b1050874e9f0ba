/* A function whose name ends in _invalidate_page, wired to another field. */
#include <linux/mmu_notifier.h>

static void drv_invalidate_page(struct mmu_notifier *mn, struct mm_struct *mm,
				unsigned long start, unsigned long end)
{
}

static void drv_range_end(struct mmu_notifier *mn, struct mm_struct *mm,
			  unsigned long start, unsigned long end)
{
}

static const struct mmu_notifier_ops drv_ops = {
	.invalidate_range_start = drv_invalidate_page,
	.invalidate_range_end = drv_range_end,
};
