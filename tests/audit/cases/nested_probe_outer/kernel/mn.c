/*
 * Three levels: the probe of the old API outside (named for what it is
 * not: its m4 says), a feature of the module's own and a config option
 * inside it.
 */
#include <linux/mmu_notifier.h>

struct op_dev { struct mmu_notifier mn; unsigned long seq, page_calls; };

static void op_flush(struct mmu_notifier *mn, unsigned long start, unsigned long end)
{
	((struct op_dev *)mn)->seq += end - start;
}

#ifdef HAVE_OLD_MN_API
#if HAVE_HMM_MIRROR
#ifdef CONFIG_OP_STATS
static void op_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	op_flush(mn, addr, addr + PAGE_SIZE);
}
#endif
#endif
#endif

static void op_range_start(struct mmu_notifier *mn, struct mm_struct *mm,
			   unsigned long start, unsigned long end)
{
	op_flush(mn, start, end);
}

static void op_range_end(struct mmu_notifier *mn, struct mm_struct *mm,
			 unsigned long start, unsigned long end)
{
	op_flush(mn, start, end);
}

static const struct mmu_notifier_ops op_ops = {
#ifdef HAVE_OLD_MN_API
#if HAVE_HMM_MIRROR
	.invalidate_page = op_page,
#endif
#endif
	.invalidate_range_start = op_range_start,
	.invalidate_range_end = op_range_end,
};
