/* Only invalidate_page: on 4.13+ this driver hears of nothing. */
#include <linux/mmu_notifier.h>

static void only_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	only_unmap(mn, addr);
}

static void only_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
}

static const struct mmu_notifier_ops only_ops = {
	.release = only_release,
	.invalidate_page = only_page,
};
