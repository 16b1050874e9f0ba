/* A tree before 3.19 in one file: its API declares range_end and has no
 * mmu_notifier_invalidate_range() yet. The bracket is written without it,
 * and the if whose only statement was the old call goes with it. */
static inline void mmu_notifier_invalidate_range_end(struct mm_struct *mm,
						     unsigned long start, unsigned long end)
{
}

static int demo_old_unmap(struct page *page, struct vm_area_struct *vma,
			  unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *pte;
	int ret = SWAP_AGAIN;

	pte = page_check_address(page, mm, address, &ptl, 0);
	if (!pte)
		return ret;
	ptep_clear_flush(vma, address, pte);
	pte_unmap_unlock(pte, ptl);
	if (ret != SWAP_FAIL)
		mmu_notifier_invalidate_page(mm, address);
	return ret;
}
