/* Demo driver: the callback is deleted, the statistics counter of the same name stays. */
#include <linux/mmu_notifier.h>

struct gru_stats { unsigned long mmu_invalidate_range, mmu_invalidate_page; };
static struct gru_stats gru_stats;
#define STAT(id) (gru_stats.id++)

struct gru_mm_struct {
	struct mmu_notifier ms_notifier;
	int ms_range_active;
};

static void gru_flush_tlb_range(struct gru_mm_struct *gms, unsigned long start,
				unsigned long len)
{
	gms->ms_range_active += (int)(len >> PAGE_SHIFT) + (int)(start & 1);
}

static void gru_invalidate_range_start(struct mmu_notifier *mn,
				       struct mm_struct *mm,
				       unsigned long start, unsigned long end)
{
	struct gru_mm_struct *gms = container_of(mn, struct gru_mm_struct, ms_notifier);

	(void)mm;
	STAT(mmu_invalidate_range);
	gru_flush_tlb_range(gms, start, end - start);
}

static void gru_invalidate_page(struct mmu_notifier *mn, struct mm_struct *mm,
				unsigned long address)
{
	struct gru_mm_struct *gms = container_of(mn, struct gru_mm_struct, ms_notifier);

	(void)mm;
	STAT(mmu_invalidate_page);
	gru_flush_tlb_range(gms, address, PAGE_SIZE);
}

static const struct mmu_notifier_ops gru_mmuops = {
	.invalidate_range_start	= gru_invalidate_range_start,
	.invalidate_page	= gru_invalidate_page,
};

unsigned long gru_stat_page(void)
{
	return gru_stats.mmu_invalidate_page;
}

const struct mmu_notifier_ops *gru_ops(void)
{
	return &gru_mmuops;
}
