/* range_start without range_end: the 4.13 cover letter's warning. */
#include <linux/mmu_notifier.h>

static void swe_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	swe_unmap(mn, addr, addr + PAGE_SIZE);
}

static void swe_start(struct mmu_notifier *mn, struct mm_struct *mm,
		      unsigned long start, unsigned long end)
{
	swe_unmap(mn, start, end);
}

static const struct mmu_notifier_ops swe_ops = {
	.invalidate_page = swe_page,
	.invalidate_range_start = swe_start,
};
