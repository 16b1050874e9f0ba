/* Code spatch cannot parse, around a use of the API. */
#include <linux/mmu_notifier.h>

static void up_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	UP_WEIRD_MACRO(mn) { mmu_notifier_invalidate_page(mm, addr); } UP_END;
}
