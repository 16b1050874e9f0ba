/* Ops declared through a typedef of the struct. */
#include <linux/mmu_notifier.h>

typedef struct mmu_notifier_ops td_ops_t;

static void td_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
}

static const td_ops_t td_ops = {
	.invalidate_page = td_page,
};
