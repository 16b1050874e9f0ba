static void drv_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
}

static void drv_range_start(struct mmu_notifier *mn, struct mm_struct *mm,
			    unsigned long start, unsigned long end)
{
	drv_flush(mn, start, end);
}

static void shared_page(struct mmu_notifier *mn, struct mm_struct *mm,
			unsigned long address)
{
	drv_flush(mn, address, address + PAGE_SIZE);
}

static const struct mmu_notifier_ops ops_a = {
	.invalidate_page = shared_page,
};

static const struct mmu_notifier_ops ops_b = {
	.release = drv_release,
	.invalidate_page = shared_page,
	.invalidate_range_start = drv_range_start,
};
