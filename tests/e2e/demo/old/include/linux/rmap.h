/* Demo kernel: the pre-4.11 page lookup used by the rmap code. */
#ifndef _LINUX_RMAP_H
#define _LINUX_RMAP_H
#include <linux/types.h>

#define SWAP_SUCCESS	0
#define SWAP_AGAIN	1
#define SWAP_FAIL	2
#define SWAP_MLOCK	3

pte_t *page_check_address(struct page *page, struct mm_struct *mm,
			  unsigned long address, spinlock_t **ptlp, int sync);
int page_mapcount(struct page *page);

#endif
