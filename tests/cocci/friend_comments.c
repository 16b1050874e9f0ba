/*
 * This driver used to rely on ->invalidate_page and
 * mmu_notifier_invalidate_page(); the range callbacks do it all now.
 */
static void drv_range_start(struct mmu_notifier *mn, struct mm_struct *mm,
			    unsigned long start, unsigned long end)
{
	/* was: invalidate_page for each page */
	drv_flush(mn, start, end);
}
