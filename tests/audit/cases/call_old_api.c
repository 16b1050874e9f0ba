/* A module that calls the old API itself (a research hypervisor's own unmap). */
#include <linux/mmu_notifier.h>

void my_unmap_one(struct mm_struct *mm, unsigned long addr)
{
	my_clear_pte(mm, addr);
	mmu_notifier_invalidate_page(mm, addr);
}
