/* The address is a parameter: the range is declared at the top. */
static void demo_mkclean_one(struct vm_area_struct *vma, unsigned long address)
{
	pte_t *ptep = NULL;
	pmd_t *pmdp = NULL;
	spinlock_t *ptl;
	int i;

	for (i = 0; i < 2; i++) {
		if (follow_pte_pmd(vma->vm_mm, address, &ptep, &pmdp, &ptl))
			continue;
		set_pte_at(vma->vm_mm, address, ptep, pte_mkclean(*ptep));
		pte_unmap_unlock(ptep, ptl);
		if (i)
			mmu_notifier_invalidate_page(vma->vm_mm, address);
	}
}
