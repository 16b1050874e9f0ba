/* The whole file needs a feature of its own; the old callback has its own probe inside. */
#include <linux/mmu_notifier.h>

#if HAVE_HMM_MIRROR
struct np_dev { struct mmu_notifier mn; unsigned long seq; };

static void np_flush(struct mmu_notifier *mn, unsigned long start, unsigned long end)
{
	((struct np_dev *)mn)->seq += end - start;
}

#ifdef HAVE_INVALIDATE_PAGE
static void np_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	np_flush(mn, addr, addr + PAGE_SIZE);
}
#endif

static void np_range_start(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long start, unsigned long end)
{
	np_flush(mn, start, end);
}

static void np_range_end(struct mmu_notifier *mn, struct mm_struct *mm,
			 unsigned long start, unsigned long end)
{
	np_flush(mn, start, end);
}

static const struct mmu_notifier_ops np_ops = {
#ifdef HAVE_INVALIDATE_PAGE
	.invalidate_page = np_page,
#endif
	.invalidate_range_start = np_range_start,
	.invalidate_range_end = np_range_end,
};
#endif /* HAVE_HMM_MIRROR */
