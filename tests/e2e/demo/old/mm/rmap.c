/* Demo kernel: reverse-map walkers, pre-4.11 shape (notifier call after unlock). */
#include <linux/mmu_notifier.h>
#include <linux/rmap.h>

int page_mkclean_one(struct page *page, struct vm_area_struct *vma,
		     unsigned long address, void *arg)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte;
	spinlock_t *ptl;
	int ret = 0;
	int *cleaned = arg;

	pte = page_check_address(page, mm, address, &ptl, 1);
	if (!pte)
		goto out;

	if (pte_dirty(*pte) || pte_write(*pte)) {
		pte_t entry;

		flush_cache_page(vma, address, pte_pfn(*pte));
		entry = ptep_clear_flush(vma, address, pte);
		entry = pte_wrprotect(entry);
		entry = pte_mkclean(entry);
		set_pte_at(mm, address, pte, entry);
		ret = 1;
	}

	pte_unmap_unlock(pte, ptl);

	if (ret) {
		mmu_notifier_invalidate_page(mm, address);
		(*cleaned)++;
	}
out:
	return SWAP_AGAIN;
}

int try_to_unmap_one(struct page *page, struct vm_area_struct *vma,
		     unsigned long address, void *arg)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte;
	pte_t pteval;
	spinlock_t *ptl;
	int ret = SWAP_AGAIN;
	int flags = (long)arg;

	/* munlock has nothing to gain from examining un-locked vmas */
	if ((flags & 1) && !(vma->vm_flags & VM_LOCKED))
		goto out;

	if (flags & 2) {
		/* check if we have anything to do after split */
		if (page_mapcount(page) == 0)
			goto out;
	}

	pte = page_check_address(page, mm, address, &ptl, 0);
	if (!pte)
		goto out;

	if (vma->vm_flags & VM_LOCKED) {
		ret = SWAP_MLOCK;
		goto out_unmap;
	}

	flush_cache_page(vma, address, page->flags);
	pteval = ptep_clear_flush(vma, address, pte);
	if (pte_dirty(pteval))
		set_page_dirty(page);
	if (PageAnon(page)) {
		dec_mm_counter(mm, 1);
		goto discard;
	}
	dec_mm_counter(mm, 0);

discard:
	page_remove_rmap(page, PageHuge(page));
	put_page(page);

out_unmap:
	pte_unmap_unlock(pte, ptl);
	if (ret != SWAP_FAIL && ret != SWAP_MLOCK && !(flags & 1))
		mmu_notifier_invalidate_page(mm, address);
out:
	return ret;
}
