/* Demo driver: the callback goes, the helper it shares with another callback stays. */
#include <linux/mmu_notifier.h>

struct ib_ucontext {
	struct mmu_notifier mn;
	unsigned long invalidations;
};

static int invalidate_page_trampoline(struct ib_ucontext *context, unsigned long start,
				      unsigned long end)
{
	context->invalidations += (end - start) >> PAGE_SHIFT;
	return 0;
}

static void ib_umem_notifier_invalidate_page(struct mmu_notifier *mn,
					     struct mm_struct *mm,
					     unsigned long address)
{
	struct ib_ucontext *context = container_of(mn, struct ib_ucontext, mn);

	(void)mm;
	invalidate_page_trampoline(context, address, address + PAGE_SIZE);
}

static void ib_umem_notifier_invalidate_range_start(struct mmu_notifier *mn,
						    struct mm_struct *mm,
						    unsigned long start,
						    unsigned long end)
{
	struct ib_ucontext *context = container_of(mn, struct ib_ucontext, mn);

	(void)mm;
	invalidate_page_trampoline(context, start, end);
}

static const struct mmu_notifier_ops ib_umem_notifiers = {
	.invalidate_page            = ib_umem_notifier_invalidate_page,
	.invalidate_range_start     = ib_umem_notifier_invalidate_range_start,
};

void ib_ucontext_init(struct ib_ucontext *context)
{
	context->mn.ops = &ib_umem_notifiers;
}
