/* Demo kernel: reverse-map walkers, 4.11+ shape (notifier call under the lock). */
#include <linux/mmu_notifier.h>
#include <linux/rmap.h>

bool page_mkclean_one(struct page *page, struct vm_area_struct *vma,
		      unsigned long address, void *arg)
{
	struct page_vma_mapped_walk pvmw = {
		.page = page,
		.vma = vma,
		.address = address,
		.flags = PVMW_SYNC,
	};
	int *cleaned = arg;

	while (page_vma_mapped_walk(&pvmw)) {
		int ret = 0;
		address = pvmw.address;
		if (pvmw.pte) {
			pte_t entry;
			pte_t *pte = pvmw.pte;

			if (!pte_dirty(*pte) && !pte_write(*pte))
				continue;

			flush_cache_page(vma, address, pte_pfn(*pte));
			entry = ptep_clear_flush(vma, address, pte);
			entry = pte_wrprotect(entry);
			entry = pte_mkclean(entry);
			set_pte_at(vma->vm_mm, address, pte, entry);
			ret = 1;
		} else {
			pmd_t *pmd = pvmw.pmd;
			pmd_t entry;

			if (!pmd_dirty(*pmd) && !pmd_write(*pmd))
				continue;

			entry = pmdp_huge_clear_flush(vma, address, pmd);
			entry = pmd_wrprotect(entry);
			entry = pmd_mkclean(entry);
			set_pmd_at(vma->vm_mm, address, pmd, entry);
			ret = 1;
		}

		if (ret) {
			mmu_notifier_invalidate_page(vma->vm_mm, address);
			(*cleaned)++;
		}
	}

	return true;
}

bool try_to_unmap_one(struct page *page, struct vm_area_struct *vma,
		      unsigned long address, void *arg)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page_vma_mapped_walk pvmw = {
		.page = page,
		.vma = vma,
		.address = address,
	};
	pte_t pteval;
	bool ret = true;
	int flags = (long)arg;

	/* munlock has nothing to gain from examining un-locked vmas */
	if ((flags & 1) && !(vma->vm_flags & VM_LOCKED))
		return true;

	while (page_vma_mapped_walk(&pvmw)) {
		if (vma->vm_flags & VM_LOCKED) {
			ret = false;
			page_vma_mapped_walk_done(&pvmw);
			break;
		}
		address = pvmw.address;

		flush_cache_page(vma, address, pte_pfn(*pvmw.pte));
		pteval = ptep_clear_flush(vma, address, pvmw.pte);
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
		mmu_notifier_invalidate_page(mm, address);
	}
	return ret;
}
