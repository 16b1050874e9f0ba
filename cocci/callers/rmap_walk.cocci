/// Convert mmu_notifier_invalidate_page() inside a page_vma_mapped_walk() loop
/// (Linux 4.11 and later) into a range bracket: range_start before the walk,
/// range_end after it, both covering the whole compound page clamped to the vma,
/// and mmu_notifier_invalidate_range() in place of the old call, still under the
/// page table lock, on the entry just changed (a page, or the PMD block).
//
// Confidence: High
// Comments: page, vma and start address come from the walk's initialiser
//  (fields .page, .vma, .address), never from names.
// Keywords: mmu_notifier, invalidate_page, page_vma_mapped_walk

virtual patch
virtual report

@found depends on patch exists@
identifier fn, pvmw;
expression MM, ADDR;
@@
fn(...)
{
...
while (page_vma_mapped_walk(&pvmw)) {
<+...
mmu_notifier_invalidate_page(MM, ADDR);
...+>
}
...
}

@walk depends on patch exists@
identifier found.fn, found.pvmw;
expression P, V, A;
statement S;
@@
fn(...)
{
...
struct page_vma_mapped_walk pvmw = {
	.page = P,
	.vma = V,
	.address = A,
	...
};
+ unsigned long start = A, end;
...
+ end = min(V->vm_end, start + (PAGE_SIZE << compound_order(P)));
+ mmu_notifier_invalidate_range_start(V->vm_mm, start, end);
while (page_vma_mapped_walk(&pvmw)) S
+ mmu_notifier_invalidate_range_end(V->vm_mm, start, end);
...
}

// The loop maps the page by pte or by huge pmd: invalidate what was changed.
@in_loop_pmd depends on walk exists@
identifier found.pvmw;
expression MM, ADDR;
statement S1, S2;
@@
while (page_vma_mapped_walk(&pvmw)) {
+ unsigned long cstart = 0, cend = 0;
... when any
if (pvmw.pte) S1 else S2
... when any
- mmu_notifier_invalidate_page(MM, ADDR);
+ cstart = pvmw.pte ? ADDR : ADDR & PMD_MASK;
+ cend = cstart + (pvmw.pte ? PAGE_SIZE : PMD_SIZE);
+ mmu_notifier_invalidate_range(MM, cstart, cend);
... when any
}

@in_loop_pte depends on walk@
identifier found.pvmw;
expression MM, ADDR;
@@
while (page_vma_mapped_walk(&pvmw)) {
<...
- mmu_notifier_invalidate_page(MM, ADDR);
+ mmu_notifier_invalidate_range(MM, ADDR, ADDR + PAGE_SIZE);
...>
}
