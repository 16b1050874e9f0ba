/* Demo driver: a callback documented by a kerneldoc comment. */
#include <linux/mmu_notifier.h>

struct amdgpu_mn {
	struct mmu_notifier mn;
	unsigned long busy;
};

static void amdgpu_mn_invalidate_node(struct amdgpu_mn *rmn, unsigned long start,
				      unsigned long end)
{
	rmn->busy += end - start;
}

/**
 * amdgpu_mn_invalidate_page - callback to notify about mm change
 *
 * @mn: our notifier
 * @mm: the mm this callback is about
 * @address: address of invalidated page
 *
 * Invalidation of a single page. Blocks for all BOs mapping it
 * and unmaps them from the GPU.
 */
static void amdgpu_mn_invalidate_page(struct mmu_notifier *mn,
				      struct mm_struct *mm,
				      unsigned long address)
{
	struct amdgpu_mn *rmn = container_of(mn, struct amdgpu_mn, mn);

	(void)mm;
	amdgpu_mn_invalidate_node(rmn, address, address);
}

/**
 * amdgpu_mn_invalidate_range_start - callback to notify about mm change
 *
 * @mn: our notifier
 * @mm: the mm this callback is about
 * @start: start of updated range
 * @end: end of updated range
 */
static void amdgpu_mn_invalidate_range_start(struct mmu_notifier *mn,
					     struct mm_struct *mm,
					     unsigned long start,
					     unsigned long end)
{
	struct amdgpu_mn *rmn = container_of(mn, struct amdgpu_mn, mn);

	(void)mm;
	amdgpu_mn_invalidate_node(rmn, start, end - 1);
}

static const struct mmu_notifier_ops amdgpu_mn_ops = {
	.invalidate_page = amdgpu_mn_invalidate_page,
	.invalidate_range_start = amdgpu_mn_invalidate_range_start,
};

void amdgpu_mn_init(struct amdgpu_mn *rmn)
{
	rmn->mn.ops = &amdgpu_mn_ops;
}
