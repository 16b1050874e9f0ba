/* The callback is also called directly: the function stays. */
static void drv_page(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long address)
{
	drv_flush(mn, address, address + PAGE_SIZE);
}

static void drv_range_start(struct mmu_notifier *mn, struct mm_struct *mm,
			    unsigned long start, unsigned long end)
{
	for (; start < end; start += PAGE_SIZE)
		drv_page(mn, mm, start);
}

static const struct mmu_notifier_ops drv_mn_ops = {
	.invalidate_page = drv_page,
	.invalidate_range_start = drv_range_start,
};
