bool try_to_unmap_one(struct page *page, struct vm_area_struct *vma,
		      unsigned long address, void *arg)
{
	struct mm_struct *mm = vma->vm_mm;
	struct page_vma_mapped_walk pvmw = {
		.page = page,
		.vma = vma,
		.address = address,
	};
	bool ret = true;

	if (!arg)
		return true;

	while (page_vma_mapped_walk(&pvmw)) {
		address = pvmw.address;
		if (ptep_clear_flush_young_notify(vma, address, pvmw.pte)) {
			ret = false;
			page_vma_mapped_walk_done(&pvmw);
			break;
		}
		ptep_clear_flush(vma, address, pvmw.pte);
		put_page(page);
		mmu_notifier_invalidate_page(mm, address);
	}
	return ret;
}
