/* A positional initialiser in the 4.12 order: invalidate_page is the sixth. */
#include <linux/mmu_notifier.h>

static void pos_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
}

static void pos_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
}

static const struct mmu_notifier_ops pos_ops = {
	pos_release, NULL, NULL, NULL, NULL, pos_page,
};
