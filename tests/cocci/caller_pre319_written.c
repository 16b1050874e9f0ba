/* What the caller rules write on a tree before 3.19, in place of
 * mmu_notifier_invalidate_page(): the invalidate_range() calls this tree
 * does not have are taken out again, a lone if with them. */
static inline void mmu_notifier_invalidate_range_end(struct mm_struct *mm,
						     unsigned long start, unsigned long end)
{
}

static int demo_written(struct mm_struct *mm, unsigned long address, int ret)
{
	unsigned long start = address, end = address + PAGE_SIZE;

	mmu_notifier_invalidate_range_start(mm, start, end);
	demo_clear(mm, address);
	if (ret != SWAP_FAIL)
		mmu_notifier_invalidate_range(mm, address, address + PAGE_SIZE);
	mmu_notifier_invalidate_range_end(mm, start, end);
	mmu_notifier_invalidate_range_start(mm, start, end);
	if (ret) {
		demo_clear(mm, address);
		mmu_notifier_invalidate_range(mm, address, address + PAGE_SIZE);
	}
	mmu_notifier_invalidate_range_end(mm, start, end);
	return ret;
}
