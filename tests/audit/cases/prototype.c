/* The callback is declared before the ops and defined after them. */
#include <linux/mmu_notifier.h>

static void proto_page(struct mmu_notifier *mn, struct mm_struct *mm,
		       unsigned long addr);
static void proto_range(struct mmu_notifier *mn, struct mm_struct *mm,
			unsigned long start, unsigned long end);

static const struct mmu_notifier_ops proto_ops = {
	.invalidate_page = proto_page,
	.invalidate_range = proto_range,
};

static void proto_page(struct mmu_notifier *mn, struct mm_struct *mm,
		       unsigned long addr)
{
	proto_range(mn, mm, addr, addr + PAGE_SIZE);
}

static void proto_range(struct mmu_notifier *mn, struct mm_struct *mm,
			unsigned long start, unsigned long end)
{
}
