void nfs_fscache_invalidate_page(struct page *page, struct inode *inode)
{
	fscache_uncache_page(nfs_i_fscache(inode), page);
}

static void iommu_invalidate_page(struct iommu_regs *regs, unsigned long ba)
{
	regs->pageflush = ba & PAGE_MASK;
}

static void read_cache_pages_invalidate_page(struct address_space *mapping,
					     struct page *page)
{
	ll_invalidate_page(page);
}
