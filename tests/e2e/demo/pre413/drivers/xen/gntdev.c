/* Demo driver: a callback whose name says nothing of invalidate_page. */
#include <linux/mmu_notifier.h>

struct gntdev_priv {
	struct mmu_notifier mn;
	unsigned long flushed;
};

static void unmap_if_in_range(struct gntdev_priv *priv, unsigned long start,
			      unsigned long end)
{
	priv->flushed += end - start;
}

static void mn_invl_range_start(struct mmu_notifier *mn, struct mm_struct *mm,
				unsigned long start, unsigned long end)
{
	struct gntdev_priv *priv = container_of(mn, struct gntdev_priv, mn);

	(void)mm;
	unmap_if_in_range(priv, start, end);
}

static void mn_invl_page(struct mmu_notifier *mn,
			 struct mm_struct *mm,
			 unsigned long address)
{
	mn_invl_range_start(mn, mm, address, address + PAGE_SIZE);
}

static void mn_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	(void)mn;
	(void)mm;
}

static struct mmu_notifier_ops gntdev_mmu_ops = {
	.release                = mn_release,
	.invalidate_page        = mn_invl_page,
	.invalidate_range_start = mn_invl_range_start,
};

void gntdev_init_notifier(struct gntdev_priv *priv)
{
	priv->mn.ops = &gntdev_mmu_ops;
}
