/**
 * drv_mn_invalidate_page - callback to notify about mm change
 *
 * @mn: our notifier
 * @mm: the mm this callback is about
 * @address: address of invalidated page
 */
static void drv_mn_invalidate_page(struct mmu_notifier *mn,
				   struct mm_struct *mm,
				   unsigned long address)
{
	drv_flush(mn, address, address + PAGE_SIZE);
}

/**
 * drv_mn_invalidate_range_start - callback to notify about mm change
 *
 * @mn: our notifier
 */
static void drv_mn_invalidate_range_start(struct mmu_notifier *mn,
					  struct mm_struct *mm,
					  unsigned long start,
					  unsigned long end)
{
	drv_flush(mn, start, end);
}

static const struct mmu_notifier_ops drv_mn_ops = {
	.invalidate_page = drv_mn_invalidate_page,
	.invalidate_range_start = drv_mn_invalidate_range_start,
};
