/* Demo kernel: the mmu_notifier API after 4.13 (no invalidate_page). */
#ifndef _LINUX_MMU_NOTIFIER_H
#define _LINUX_MMU_NOTIFIER_H
#include <linux/types.h>

struct mmu_notifier;

struct mmu_notifier_ops {
	void (*release)(struct mmu_notifier *mn, struct mm_struct *mm);
	void (*invalidate_range_start)(struct mmu_notifier *mn, struct mm_struct *mm,
				       unsigned long start, unsigned long end);
	void (*invalidate_range_end)(struct mmu_notifier *mn, struct mm_struct *mm,
				     unsigned long start, unsigned long end);
	void (*invalidate_range)(struct mmu_notifier *mn, struct mm_struct *mm,
				 unsigned long start, unsigned long end);
};

struct mmu_notifier {
	const struct mmu_notifier_ops *ops;
};

void mmu_notifier_invalidate_range_start(struct mm_struct *mm,
					 unsigned long start, unsigned long end);
void mmu_notifier_invalidate_range_end(struct mm_struct *mm,
				       unsigned long start, unsigned long end);
void mmu_notifier_invalidate_range(struct mm_struct *mm,
				   unsigned long start, unsigned long end);

#endif /* _LINUX_MMU_NOTIFIER_H */
