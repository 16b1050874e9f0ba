/* Demo driver: #ifdef'ed, positional and array-of-ops initialisers, and a look-alike. */
#include <linux/mmu_notifier.h>

struct svm_dev { struct mmu_notifier mn; unsigned long flushes; };

static void svm_flush(struct mmu_notifier *mn, unsigned long start, unsigned long end)
{
	struct svm_dev *svm = container_of(mn, struct svm_dev, mn);

	svm->flushes += end - start;
}

static void svm_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	(void)mm;
	svm_flush(mn, 0, 0);
}

static void svm_invalidate_page(struct mmu_notifier *mn, struct mm_struct *mm,
				unsigned long address)
{
	(void)mm;
	svm_flush(mn, address, address + PAGE_SIZE);
}

/* Named like the old callback, but wired to .invalidate_range: it stays. */
static void svm_range_invalidate_page(struct mmu_notifier *mn, struct mm_struct *mm,
				      unsigned long start, unsigned long end)
{
	(void)mm;
	svm_flush(mn, start, end);
}

static const struct mmu_notifier_ops svm_ops = {
	.release = svm_release,
#ifdef CONFIG_MMU_NOTIFIER
	.invalidate_page = svm_invalidate_page,
#endif
	.invalidate_range = svm_range_invalidate_page,
};

static void pos_invalidate_page(struct mmu_notifier *mn, struct mm_struct *mm,
				unsigned long address)
{
	(void)mm;
	svm_flush(mn, address, address + PAGE_SIZE);
}

/* Positional: release, clear_flush_young, clear_young, test_young, change_pte, invalidate_page */
static const struct mmu_notifier_ops svm_positional_ops = {
	svm_release, NULL, NULL, NULL, NULL, pos_invalidate_page,
};

static void arr_invalidate_page(struct mmu_notifier *mn, struct mm_struct *mm,
				unsigned long address)
{
	(void)mm;
	svm_flush(mn, address, address + PAGE_SIZE);
}

static const struct mmu_notifier_ops svm_ops_by_mode[] = {
	{ .release = svm_release, .invalidate_page = arr_invalidate_page, },
	{ .release = svm_release, .invalidate_range = svm_range_invalidate_page, },
};

const struct mmu_notifier_ops *svm_pick_ops(int mode)
{
	if (mode == 2)
		return &svm_positional_ops;
	return mode ? &svm_ops_by_mode[mode - 1] : &svm_ops;
}
