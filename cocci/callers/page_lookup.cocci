/// Convert mmu_notifier_invalidate_page() in the pre-4.11 rmap shape, where
/// page_check_address() takes the page table lock and the notifier is called
/// after pte_unmap_unlock(): open a range covering the whole compound page
/// (clamped to the vma) before the lookup, call mmu_notifier_invalidate_range()
/// where the old call was, and close the range on every exit that follows the
/// lookup (the lookup's failure exit, and right after the old call).
//
// Confidence: High
// Comments: exits before the lookup (early `goto out`) never see range_start,
//  so they must not see range_end either: the end goes after the old call's
//  statement, not before the shared exit label.
// Keywords: mmu_notifier, invalidate_page, page_check_address

virtual patch
virtual report

@found depends on patch exists@
identifier fn, ptl;
expression P, MM, A, PTE, mm, addr;
@@
fn(...)
{
...
PTE = page_check_address(P, MM, A, &ptl, ...);
...
mmu_notifier_invalidate_page(mm, addr);
...
}

@lookup depends on patch exists@
identifier found.fn, ptl, V;
expression P, MM, A, PTE;
type T;
@@
T fn(..., struct vm_area_struct *V, ...)
{
+ unsigned long start = A;
+ unsigned long end = min(V->vm_end, start + (PAGE_SIZE << compound_order(P)));
...
+ mmu_notifier_invalidate_range_start(MM, start, end);
PTE = page_check_address(P, MM, A, &ptl, ...);
...
}

@fail depends on patch@
identifier found.fn, L;
expression lookup.PTE, lookup.MM;
@@
fn(...)
{
<...
PTE = page_check_address(...);
if (!PTE)
- goto L;
+ {
+	mmu_notifier_invalidate_range_end(MM, start, end);
+	goto L;
+ }
...>
}

@call depends on patch@
identifier found.fn;
expression lookup.MM, mm, addr, C;
@@
fn(...)
{
<...
(
  if (C) {
  <+...
- mmu_notifier_invalidate_page(mm, addr);
+ mmu_notifier_invalidate_range(mm, addr, addr + PAGE_SIZE);
  ...+>
  }
+ mmu_notifier_invalidate_range_end(MM, start, end);
|
- if (C) mmu_notifier_invalidate_page(mm, addr);
+ if (C)
+	mmu_notifier_invalidate_range(mm, addr, addr + PAGE_SIZE);
+ mmu_notifier_invalidate_range_end(MM, start, end);
)
...>
}

@call_bare depends on patch@
identifier found.fn;
expression lookup.MM, mm, addr;
@@
fn(...)
{
<...
- mmu_notifier_invalidate_page(mm, addr);
+ mmu_notifier_invalidate_range(mm, addr, addr + PAGE_SIZE);
+ mmu_notifier_invalidate_range_end(MM, start, end);
...>
}

// Close every path the bracket leaves by: a return reached from range_start
// without range_end (an error label placed after the function's final
// return, say) gets one. A return reached both with and without it would get
// a doubled end; the balance check catches that and the file stays as it was.
@close depends on patch exists@
identifier found.fn;
expression lookup.MM;
@@
fn(...)
{
... when any
mmu_notifier_invalidate_range_start(MM, start, end);
... when != mmu_notifier_invalidate_range_end(MM, start, end)
+ mmu_notifier_invalidate_range_end(MM, start, end);
return ...;
}
