/* A module's notifier: invalidate_page beside range callbacks doing the same work. */
#include <linux/mmu_notifier.h>

struct mydrv { struct mmu_notifier mn; unsigned long flushes; };

static void mydrv_flush(struct mmu_notifier *mn, unsigned long start, unsigned long end)
{
	struct mydrv *d = (struct mydrv *)mn;

	d->flushes += (end - start) >> PAGE_SHIFT;
}

static void mydrv_invalidate_page(struct mmu_notifier *mn, struct mm_struct *mm,
				  unsigned long address)
{
	mydrv_flush(mn, address, address + PAGE_SIZE);
}

static void mydrv_range_start(struct mmu_notifier *mn, struct mm_struct *mm,
			      unsigned long start, unsigned long end)
{
	mydrv_flush(mn, start, end);
}

static void mydrv_range_end(struct mmu_notifier *mn, struct mm_struct *mm,
			    unsigned long start, unsigned long end)
{
}

static const struct mmu_notifier_ops mydrv_mn_ops = {
	.invalidate_page = mydrv_invalidate_page,
	.invalidate_range_start = mydrv_range_start,
	.invalidate_range_end = mydrv_range_end,
};

const struct mmu_notifier_ops *mydrv_ops(void)
{
	return &mydrv_mn_ops;
}
