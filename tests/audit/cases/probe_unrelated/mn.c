/* The old member behind a probe that tests something else. */
#include <linux/mmu_notifier.h>

static void pu_range(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
	pu_flush(mn, start);
}

#ifdef HAVE_MN_OPS_FLAGS
static void pu_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	pu_flush(mn, addr);
}
#endif

static const struct mmu_notifier_ops pu_ops = {
#ifdef HAVE_MN_OPS_FLAGS
	.invalidate_page = pu_page,
#endif
	.invalidate_range = pu_range,
};
