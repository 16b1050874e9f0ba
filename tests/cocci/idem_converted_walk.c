static bool page_mkclean_one(struct page *page, struct vm_area_struct *vma,
			     unsigned long address, void *arg)
{
	struct page_vma_mapped_walk pvmw = {
		.page = page,
		.vma = vma,
		.address = address,
	};
	unsigned long start = address, end;
	int *cleaned = arg;

	end = min(vma->vm_end, start + (PAGE_SIZE << compound_order(page)));
	mmu_notifier_invalidate_range_start(vma->vm_mm, start, end);
	while (page_vma_mapped_walk(&pvmw)) {
		address = pvmw.address;
		mmu_notifier_invalidate_range(vma->vm_mm, address, address + PAGE_SIZE);
		(*cleaned)++;
	}
	mmu_notifier_invalidate_range_end(vma->vm_mm, start, end);
	return true;
}

/* still mentions invalidate_page in a comment, so the file is a candidate */
