static int invalidate_page_trampoline(struct drv_ctx *ctx, unsigned long start,
				      unsigned long end)
{
	ctx->count += end - start;
	return 0;
}

static void drv_notifier_invalidate_page(struct mmu_notifier *mn,
					 struct mm_struct *mm,
					 unsigned long address)
{
	invalidate_page_trampoline(to_ctx(mn), address, address + PAGE_SIZE);
}

static void drv_notifier_range_start(struct mmu_notifier *mn,
				     struct mm_struct *mm,
				     unsigned long start, unsigned long end)
{
	invalidate_page_trampoline(to_ctx(mn), start, end);
}

static const struct mmu_notifier_ops drv_notifiers = {
	.invalidate_page            = drv_notifier_invalidate_page,
	.invalidate_range_start     = drv_notifier_range_start,
};
