/* For --fix delete: a helper only the callback uses goes, a shared one stays. */
#include <linux/mmu_notifier.h>

static void hd_shared(struct mmu_notifier *mn, unsigned long start, unsigned long end)
{
}

/* Only invalidate_page needs to know one page at a time. */
static void hd_one_page(struct mmu_notifier *mn, unsigned long addr)
{
	hd_shared(mn, addr, addr + PAGE_SIZE);
}

/**
 * hd_page - the invalidate_page callback
 */
static void hd_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	hd_one_page(mn, addr);
}

static void hd_range(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
	hd_shared(mn, start, end);
}

static const struct mmu_notifier_ops hd_ops = {
	.invalidate_page = hd_page,
	.invalidate_range = hd_range,
};
