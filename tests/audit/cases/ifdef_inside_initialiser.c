/* #ifdef inside the initialiser, around the member only. */
#include <linux/mmu_notifier.h>

static void ifd_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	ifd_zap(mn, addr);
}

static void ifd_range(struct mmu_notifier *mn, struct mm_struct *mm,
		      unsigned long start, unsigned long end)
{
	ifd_zap(mn, start);
}

static const struct mmu_notifier_ops ifd_ops = {
#ifdef CONFIG_IFD_PAGES
	.invalidate_page = ifd_page,
#endif
	.invalidate_range = ifd_range,
};
