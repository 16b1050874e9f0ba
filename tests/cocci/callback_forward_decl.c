static void mmu_notifier_page(struct mmu_notifier *, struct mm_struct *,
			      unsigned long);
static void mmu_notifier_range_start(struct mmu_notifier *,
				     struct mm_struct *,
				     unsigned long, unsigned long);

static const struct mmu_notifier_ops mn_opts = {
	.invalidate_page = mmu_notifier_page,
	.invalidate_range_start = mmu_notifier_range_start,
};

static void mmu_notifier_page(struct mmu_notifier *mn, struct mm_struct *mm,
			      unsigned long addr)
{
	mmu_notifier_range_start(mn, mm, addr, addr + PAGE_SIZE);
}

static void mmu_notifier_range_start(struct mmu_notifier *mn,
				     struct mm_struct *mm,
				     unsigned long start, unsigned long end)
{
	drv_flush(mn, start, end);
}
