/* An IOMMU-like driver: invalidate_range covers what invalidate_page did. */
#include <linux/mmu_notifier.h>

static void iommu_flush(struct mmu_notifier *mn, unsigned long start, unsigned long end)
{
}

static void iommu_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	iommu_flush(mn, addr, addr + PAGE_SIZE);
}

static void iommu_range(struct mmu_notifier *mn, struct mm_struct *mm,
			unsigned long start, unsigned long end)
{
	iommu_flush(mn, start, end);
}

static const struct mmu_notifier_ops iommu_mn_ops = {
	.invalidate_page = iommu_page,
	.invalidate_range = iommu_range,
};
