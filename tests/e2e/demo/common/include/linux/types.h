/* Demo kernel: the few types and helpers the mm code of this tree needs. */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

typedef _Bool bool;
#define true 1
#define false 0
#define NULL ((void *)0)
typedef unsigned long pgoff_t;
typedef struct { unsigned long pte; } pte_t;
typedef struct { unsigned long pmd; } pmd_t;
typedef struct { int locked; } spinlock_t;

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PMD_SHIFT	21
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PMD_MASK	(~(PMD_SIZE - 1))

#define min(x, y) ({ typeof(x) _x = (x); typeof(y) _y = (y); \
	(void)(&_x == &_y); _x < _y ? _x : _y; })
#define max(x, y) ({ typeof(x) _x = (x); typeof(y) _y = (y); \
	(void)(&_x == &_y); _x > _y ? _x : _y; })
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))
#define unlikely(x) __builtin_expect(!!(x), 0)
#define EXPORT_SYMBOL_GPL(sym) extern int __ksym_##sym
#define WARN_ON_ONCE(c) ((void)(c))

struct page { unsigned long flags; unsigned int order; };
struct mm_struct { int users; };
struct vm_area_struct {
	unsigned long vm_start, vm_end, vm_flags;
	struct mm_struct *vm_mm;
};
#define VM_SHARED	0x08
#define VM_LOCKED	0x2000

static inline unsigned int compound_order(struct page *page) { return page->order; }
void spin_lock(spinlock_t *l);
void spin_unlock(spinlock_t *l);
void cond_resched(void);
void flush_cache_page(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn);
unsigned long pte_pfn(pte_t pte);
int pte_dirty(pte_t pte);
int pte_write(pte_t pte);
pte_t pte_wrprotect(pte_t pte);
pte_t pte_mkclean(pte_t pte);
pte_t ptep_clear_flush(struct vm_area_struct *vma, unsigned long addr, pte_t *ptep);
void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte);
void pte_unmap_unlock(pte_t *pte, spinlock_t *ptl);
unsigned long pmd_pfn(pmd_t pmd);
int pmd_dirty(pmd_t pmd);
int pmd_write(pmd_t pmd);
pmd_t pmd_wrprotect(pmd_t pmd);
pmd_t pmd_mkclean(pmd_t pmd);
pmd_t pmdp_huge_clear_flush(struct vm_area_struct *vma, unsigned long addr, pmd_t *pmdp);
void set_pmd_at(struct mm_struct *mm, unsigned long addr, pmd_t *pmdp, pmd_t pmd);
void page_remove_rmap(struct page *page, bool compound);
void put_page(struct page *page);
void set_page_dirty(struct page *page);
int PageHuge(struct page *page);
int PageAnon(struct page *page);
void dec_mm_counter(struct mm_struct *mm, int member);

#endif
