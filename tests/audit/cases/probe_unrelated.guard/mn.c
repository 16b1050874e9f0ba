/* The old member behind a probe that tests something else. */
#include <linux/mmu_notifier.h>
#include <linux/version.h>

static void pu_range(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
	pu_flush(mn, start);
}

#ifdef HAVE_MN_OPS_FLAGS
#if KERNEL_VERSION(4, 13, 0) > LINUX_VERSION_CODE
static void pu_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	pu_flush(mn, addr);
}
#endif
#endif

static const struct mmu_notifier_ops pu_ops = {
#ifdef HAVE_MN_OPS_FLAGS
#if KERNEL_VERSION(4, 13, 0) > LINUX_VERSION_CODE
	.invalidate_page = pu_page,
#endif
#endif
	.invalidate_range = pu_range,
};
