void __mmu_notifier_invalidate_page(struct mm_struct *mm,
				    unsigned long address)
{
	struct mmu_notifier *mn;

	hlist_for_each_entry_rcu(mn, &mm->mmu_notifier_mm->list, hlist) {
		if (mn->ops->invalidate_page)
			mn->ops->invalidate_page(mn, mm, address);
	}
}
EXPORT_SYMBOL_GPL(__mmu_notifier_invalidate_page);

void __mmu_notifier_invalidate_range(struct mm_struct *mm,
				     unsigned long start, unsigned long end)
{
	struct mmu_notifier *mn;

	hlist_for_each_entry_rcu(mn, &mm->mmu_notifier_mm->list, hlist) {
		if (mn->ops->invalidate_range)
			mn->ops->invalidate_range(mn, mm, start, end);
	}
}
EXPORT_SYMBOL_GPL(__mmu_notifier_invalidate_range);
