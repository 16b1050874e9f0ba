struct mmu_notifier_ops {
	void (*release)(struct mmu_notifier *mn, struct mm_struct *mm);
	int (*clear_flush_young)(struct mmu_notifier *mn, struct mm_struct *mm,
				 unsigned long start, unsigned long end);
	int (*clear_young)(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long start, unsigned long end);
	int (*test_young)(struct mmu_notifier *mn, struct mm_struct *mm,
			  unsigned long address);
	void (*change_pte)(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long address, pte_t pte);
	void (*invalidate_page)(struct mmu_notifier *mn, struct mm_struct *mm,
				unsigned long address);
	void (*invalidate_range_start)(struct mmu_notifier *mn, struct mm_struct *mm,
				       unsigned long start, unsigned long end);
};

static void pos_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
}

static void pos_page(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long address)
{
	pos_flush(mn, address);
}

static const struct mmu_notifier_ops pos_ops = {
	pos_release, NULL, NULL, NULL, NULL, pos_page,
};
