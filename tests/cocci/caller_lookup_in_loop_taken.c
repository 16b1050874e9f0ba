/* A lookup in a vma loop in a function that has a local named start: kseries
 * would declare its own start, so the function is left alone (a residual). */
static void demo_xip_unmap_taken(struct address_space *mapping, unsigned long pgoff)
{
	struct vm_area_struct *vma;
	struct page *page = demo_sparse_page;
	unsigned long start = pgoff;

	i_mmap_lock_read(mapping);
	vma_interval_tree_foreach(vma, &mapping->i_mmap, start, pgoff) {
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
