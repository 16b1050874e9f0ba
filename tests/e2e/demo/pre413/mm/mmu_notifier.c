/* Demo kernel: the notifier chain, reduced to one registered notifier. */
#include <linux/mmu_notifier.h>

static struct mmu_notifier *the_notifier;

int mm_has_notifiers(struct mm_struct *mm)
{
	return mm && the_notifier;
}

void __mmu_notifier_invalidate_page(struct mm_struct *mm,
				    unsigned long address)
{
	struct mmu_notifier *mn = the_notifier;

	if (mn->ops->invalidate_page)
		mn->ops->invalidate_page(mn, mm, address);
}
EXPORT_SYMBOL_GPL(__mmu_notifier_invalidate_page);

void __mmu_notifier_invalidate_range_start(struct mm_struct *mm,
				  unsigned long start, unsigned long end)
{
	struct mmu_notifier *mn = the_notifier;

	if (mn->ops->invalidate_range_start)
		mn->ops->invalidate_range_start(mn, mm, start, end);
}
EXPORT_SYMBOL_GPL(__mmu_notifier_invalidate_range_start);

void __mmu_notifier_invalidate_range_end(struct mm_struct *mm,
				  unsigned long start, unsigned long end)
{
	struct mmu_notifier *mn = the_notifier;

	if (mn->ops->invalidate_range)
		mn->ops->invalidate_range(mn, mm, start, end);
	if (mn->ops->invalidate_range_end)
		mn->ops->invalidate_range_end(mn, mm, start, end);
}
EXPORT_SYMBOL_GPL(__mmu_notifier_invalidate_range_end);

void __mmu_notifier_invalidate_range(struct mm_struct *mm,
				  unsigned long start, unsigned long end)
{
	struct mmu_notifier *mn = the_notifier;

	if (mn->ops->invalidate_range)
		mn->ops->invalidate_range(mn, mm, start, end);
}
EXPORT_SYMBOL_GPL(__mmu_notifier_invalidate_range);
