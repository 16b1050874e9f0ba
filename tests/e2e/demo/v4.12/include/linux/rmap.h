/* Demo kernel: the 4.11+ page table walk used by the rmap code. */
#ifndef _LINUX_RMAP_H
#define _LINUX_RMAP_H
#include <linux/types.h>

#define PVMW_SYNC	(1 << 0)

struct page_vma_mapped_walk {
	struct page *page;
	struct vm_area_struct *vma;
	unsigned long address;
	pmd_t *pmd;
	pte_t *pte;
	spinlock_t *ptl;
	unsigned int flags;
};

bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw);
void page_vma_mapped_walk_done(struct page_vma_mapped_walk *pvmw);
int follow_pte_pmd(struct mm_struct *mm, unsigned long address,
		   pte_t **ptepp, pmd_t **pmdpp, spinlock_t **ptlp);

#endif
