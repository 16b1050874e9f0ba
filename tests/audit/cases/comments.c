/* invalidate_page only in comments and commented-out code. */
#include <linux/mmu_notifier.h>

/*
 * We used to set .invalidate_page = old_page here; mmu_notifier_invalidate_page()
 * is gone since 4.13.
 */
static void cm_range(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
}

static const struct mmu_notifier_ops cm_ops = {
	/* .invalidate_page = cm_page, */
	// .invalidate_page = cm_page,
	.invalidate_range = cm_range,
};
