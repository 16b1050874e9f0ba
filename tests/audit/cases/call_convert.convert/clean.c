/*
 * A module's own write-protect walk, copied from the kernel's rmap code of
 * its time (page_check_address takes the page table lock; the notifier is
 * called after the unlock).
 */
#include <linux/mm.h>
#include <linux/mmu_notifier.h>
#include <linux/rmap.h>

static int cc_clean_one(struct page *page, struct vm_area_struct *vma,
			unsigned long address, int *cleaned)
{
	unsigned long start = address;
	unsigned long end = min(vma->vm_end,
				start + (PAGE_SIZE << compound_order(page)));
	struct mm_struct *mm = vma->vm_mm;
	spinlock_t *ptl;
	pte_t *pte;
	int ret = 0;

	mmu_notifier_invalidate_range_start(mm, start, end);
	pte = page_check_address(page, mm, address, &ptl, 1);
	if (!pte) {
		mmu_notifier_invalidate_range_end(mm, start, end);
		goto out;
	}

	if (pte_dirty(*pte) || pte_write(*pte)) {
		set_pte_at(mm, address, pte, pte_wrprotect(pte_mkclean(*pte)));
		ret = 1;
	}

	pte_unmap_unlock(pte, ptl);

	if (ret) {
		mmu_notifier_invalidate_range(mm, address, address + PAGE_SIZE);
		(*cleaned)++;
	}
	mmu_notifier_invalidate_range_end(mm, start, end);
out:
	return ret;
}

int cc_clean(struct page *page, struct vm_area_struct *vma, unsigned long address)
{
	int cleaned = 0;

	cc_clean_one(page, vma, address, &cleaned);
	return cleaned;
}
