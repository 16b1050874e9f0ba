static void drv_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
}

static void drv_range_start(struct mmu_notifier *mn, struct mm_struct *mm,
			    unsigned long start, unsigned long end)
{
	drv_flush(mn, start, end);
}

static void rt_page(struct mmu_notifier *mn, struct mm_struct *mm,
		    unsigned long address)
{
	drv_flush(mn, address, address + PAGE_SIZE);
}

static struct mmu_notifier_ops rt_ops;

void drv_setup(struct mmu_notifier_ops *ops)
{
	rt_ops.invalidate_range_start = drv_range_start;
	rt_ops.invalidate_page = rt_page;
	ops->invalidate_page = rt_page;
}
