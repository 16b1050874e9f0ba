#ifndef _LINUX_MMU_NOTIFIER_H
#define _LINUX_MMU_NOTIFIER_H

/* The API header: the member, the internal declaration, both wrappers. */
struct mmu_notifier_ops {
	void (*release)(struct mmu_notifier *mn, struct mm_struct *mm);
	void (*invalidate_page)(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long address);
	void (*invalidate_range)(struct mmu_notifier *mn, struct mm_struct *mm,
				 unsigned long start, unsigned long end);
};

#ifdef CONFIG_MMU_NOTIFIER

extern void __mmu_notifier_invalidate_page(struct mm_struct *mm,
					  unsigned long address);
extern void __mmu_notifier_invalidate_range(struct mm_struct *mm,
					   unsigned long start, unsigned long end);

static inline void mmu_notifier_invalidate_page(struct mm_struct *mm,
						unsigned long address)
{
	if (mm_has_notifiers(mm))
		__mmu_notifier_invalidate_page(mm, address);
}

static inline void mmu_notifier_invalidate_range(struct mm_struct *mm,
						 unsigned long start, unsigned long end)
{
	if (mm_has_notifiers(mm))
		__mmu_notifier_invalidate_range(mm, start, end);
}

#else /* CONFIG_MMU_NOTIFIER */

static inline void mmu_notifier_invalidate_page(struct mm_struct *mm,
						unsigned long address)
{
}

static inline void mmu_notifier_invalidate_range(struct mm_struct *mm,
						 unsigned long start, unsigned long end)
{
}

#endif /* CONFIG_MMU_NOTIFIER */

#endif /* _LINUX_MMU_NOTIFIER_H */
