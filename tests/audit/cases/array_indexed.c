/* An array of ops, one per device kind, with [IDX] = { ... } elements. */
#include <linux/mmu_notifier.h>

enum { GPU_A, GPU_B, NR_GPU };

static void gpu_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	gpu_shootdown(mn, addr, addr + PAGE_SIZE);
}

static void gpu_start(struct mmu_notifier *mn, struct mm_struct *mm,
		      unsigned long start, unsigned long end)
{
	gpu_shootdown(mn, start, end);
}

static void gpu_end(struct mmu_notifier *mn, struct mm_struct *mm,
		    unsigned long start, unsigned long end)
{
}

static const struct mmu_notifier_ops gpu_ops[NR_GPU] = {
	[GPU_A] = {
		.invalidate_page = gpu_page,
		.invalidate_range_start = gpu_start,
		.invalidate_range_end = gpu_end,
	},
	[GPU_B] = {
		.invalidate_page = gpu_page,
	},
};
