/* Two error labels after the final return, each ending in its own return. */
static int demo_clean_one(struct page *page, struct vm_area_struct *vma,
			  unsigned long address, void *arg)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte;
	spinlock_t *ptl;
	int ret = 0;

	pte = page_check_address(page, mm, address, &ptl, 1);
	if (!pte)
		goto out;
	if (pte_special(*pte))
		goto out_special;
	if (vma->vm_flags & VM_LOCKED)
		goto out_locked;

	ptep_clear_flush(vma, address, pte);
	ret = 1;
	pte_unmap_unlock(pte, ptl);
	if (ret)
		mmu_notifier_invalidate_page(mm, address);
out:
	return ret;

out_special:
	pte_unmap_unlock(pte, ptl);
	return -EINVAL;

out_locked:
	pte_unmap_unlock(pte, ptl);
	ret = -EBUSY;
	return ret;
}
