/* A goto from inside the bracket to the exit the lookup's failure path also
 * takes: no single place closes both paths once. The balance check sees the
 * doubled end the rules would write, and the file stays as it was. */
static int demo_shared_exit(struct page *page, struct vm_area_struct *vma,
			    unsigned long address)
{
	struct mm_struct *mm = vma->vm_mm;
	pte_t *pte;
	spinlock_t *ptl;
	int ret = 0;

	pte = page_check_address(page, mm, address, &ptl, 0);
	if (!pte)
		goto out;
	if (pte_special(*pte)) {
		pte_unmap_unlock(pte, ptl);
		goto out;
	}
	ptep_clear_flush(vma, address, pte);
	pte_unmap_unlock(pte, ptl);
	mmu_notifier_invalidate_page(mm, address);
	ret = 1;
out:
	return ret;
}
