/* A module with a configure probe guarding the old member. */
#include <linux/mmu_notifier.h>

#ifdef HAVE_INVALIDATE_PAGE
static void pm_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	pm_flush(mn, addr);
}
#endif

static void pm_range(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
	pm_flush(mn, start);
}

static const struct mmu_notifier_ops pm_ops = {
#ifdef HAVE_INVALIDATE_PAGE
	.invalidate_page = pm_page,
#endif
	.invalidate_range = pm_range,
};
