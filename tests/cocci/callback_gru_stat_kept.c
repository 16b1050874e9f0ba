#define STAT(id) (gru_stats.id++)

static void gru_invalidate_page(struct mmu_notifier *mn, struct mm_struct *mm,
				unsigned long address)
{
	STAT(mmu_invalidate_page);
	gru_flush(mn, address, PAGE_SIZE);
}

static const struct mmu_notifier_ops gru_mmuops = {
	.invalidate_page	= gru_invalidate_page,
};

unsigned long gru_page_stat(void)
{
	return gru_stats.mmu_invalidate_page;
}
