/* A walk that never calls the notifier gets no bracket. */
static bool page_referenced_one(struct page *page, struct vm_area_struct *vma,
				unsigned long address, void *arg)
{
	struct page_vma_mapped_walk pvmw = {
		.page = page,
		.vma = vma,
		.address = address,
	};
	int referenced = 0;

	while (page_vma_mapped_walk(&pvmw)) {
		address = pvmw.address;
		if (ptep_clear_flush_young_notify(vma, address, pvmw.pte))
			referenced++;
	}
	return referenced != 0;
}
