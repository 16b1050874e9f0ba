/* A module whose compat header defines the feature macro. */
#include <linux/mmu_notifier.h>
#include "compat.h"

static void cp_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
}

static void cp_range(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
}

static const struct mmu_notifier_ops cp_ops = {
#ifdef MYDRV_HAVE_INVALIDATE_PAGE
	.invalidate_page = cp_page,
#endif
	.invalidate_range = cp_range,
};
