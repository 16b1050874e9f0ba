static void drv_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
}

static void drv_range_start(struct mmu_notifier *mn, struct mm_struct *mm,
			    unsigned long start, unsigned long end)
{
	drv_flush(mn, start, end);
}

/* Named like the old callback, but wired to .invalidate_range: it stays. */
static void drv_range_invalidate_page(struct mmu_notifier *mn, struct mm_struct *mm,
				      unsigned long start, unsigned long end)
{
	drv_flush(mn, start, end);
}

static const struct mmu_notifier_ops drv_mn_ops = {
	.release = drv_release,
	.invalidate_range = drv_range_invalidate_page,
};
