/* Demo kernel: the page table lookup the dax code uses (takes the lock). */
#include <linux/rmap.h>

static spinlock_t demo_ptl;
static pte_t demo_pte;

int follow_pte_pmd(struct mm_struct *mm, unsigned long address,
		   pte_t **ptepp, pmd_t **pmdpp, spinlock_t **ptlp)
{
	if (!mm || !address)
		return -1;
	*pmdpp = NULL;
	*ptepp = &demo_pte;
	spin_lock(&demo_ptl);
	*ptlp = &demo_ptl;
	return 0;
}
