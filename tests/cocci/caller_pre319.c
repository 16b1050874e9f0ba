/* A tree before 3.19 in one file: its API declares range_end, and there
 * is no mmu_notifier_invalidate_range() yet. The brackets are written
 * without it (range_end does its work there), the lone if taken with it. */
static inline void mmu_notifier_invalidate_range_end(struct mm_struct *mm,
						     unsigned long start, unsigned long end)
{
}

static int demo_unmap_one(struct page *page, struct vm_area_struct *vma,
			  unsigned long address, void *arg)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte;
	spinlock_t *ptl;
	int ret = SWAP_AGAIN;
	enum ttu_flags flags = (enum ttu_flags)arg;

	pte = page_check_address(page, mm, address, &ptl, 0);
	if (!pte)
		goto out;

	if (!(flags & TTU_IGNORE_MLOCK)) {
		if (vma->vm_flags & VM_LOCKED)
			goto out_mlock;
		if (flags & TTU_MUNLOCK)
			goto out_unmap;
	}
	ptep_clear_flush(vma, address, pte);
	page_remove_rmap(page);
	put_page(page);

out_unmap:
	pte_unmap_unlock(pte, ptl);
	if (ret != SWAP_FAIL && !(flags & TTU_MUNLOCK))
		mmu_notifier_invalidate_page(mm, address);
out:
	return ret;

out_mlock:
	pte_unmap_unlock(pte, ptl);
	if (down_read_trylock(&vma->vm_mm->mmap_sem)) {
		if (vma->vm_flags & VM_LOCKED) {
			mlock_vma_page(page);
			ret = SWAP_MLOCK;
		}
		up_read(&vma->vm_mm->mmap_sem);
	}
	return ret;
}

static void demo_xip_unmap(struct address_space *mapping, unsigned long pgoff)
{
	struct vm_area_struct *vma;
	struct page *page = demo_sparse_page;

	i_mmap_lock_read(mapping);
	vma_interval_tree_foreach(vma, &mapping->i_mmap, pgoff, pgoff) {
		pte_t *pte, pteval;
		spinlock_t *ptl;
		struct mm_struct *mm = vma->vm_mm;
		unsigned long address = vma->vm_start +
			((pgoff - vma->vm_pgoff) << PAGE_SHIFT);

		pte = page_check_address(page, mm, address, &ptl, 1);
		if (pte) {
			flush_cache_page(vma, address, pte_pfn(*pte));
			pteval = ptep_clear_flush(vma, address, pte);
			page_remove_rmap(page);
			pte_unmap_unlock(pte, ptl);
			/* before the page is freed */
			mmu_notifier_invalidate_page(mm, address);
			put_page(page);
		}
	}
	i_mmap_unlock_read(mapping);
}
