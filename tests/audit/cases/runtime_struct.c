/* Ops filled in at run time in a global struct. */
#include <linux/mmu_notifier.h>

static struct mmu_notifier_ops rts_ops;

static void rts_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
}

void rts_setup(void)
{
	rts_ops.invalidate_page = rts_page;
}
