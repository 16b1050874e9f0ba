/* A lookup in a loop over vmas whose found-branch skips some entries. */
static void demo_unmap_mapping(struct address_space *mapping, struct page *page,
			       pgoff_t pgoff)
{
	struct vm_area_struct *vma;

	i_mmap_lock_read(mapping);
	vma_interval_tree_foreach(vma, &mapping->i_mmap, pgoff, pgoff) {
		pte_t *pte;
		spinlock_t *ptl;
		struct mm_struct *mm = vma->vm_mm;
		unsigned long address = vma->vm_start +
			((pgoff - vma->vm_pgoff) << PAGE_SHIFT);

		pte = page_check_address(page, mm, address, &ptl, 1);
		if (pte) {
			if (pte_young(*pte)) {
				pte_unmap_unlock(pte, ptl);
				continue;
			}
			if (vma->vm_flags & VM_LOCKED) {
				pte_unmap_unlock(pte, ptl);
				break;
			}
			ptep_clear_flush(vma, address, pte);
			pte_unmap_unlock(pte, ptl);
			mmu_notifier_invalidate_page(mm, address);
			put_page(page);
		}
	}
	i_mmap_unlock_read(mapping);
}
