/// Convert the dax caller: mmu_notifier_invalidate_page() after a
/// follow_pte_pmd() lookup that takes the page table lock. We do not change
/// follow_pte_pmd() as upstream did; instead the caller opens a range covering
/// the whole PMD around the address (clamped to the vma) before the lookup,
/// closes it on the lookup's failure exit, and after the old call's statement,
/// where mmu_notifier_invalidate_range() now stands. See docs/rules.md.
//
// Confidence: High
// Comments: the vma is found by type (struct vm_area_struct *) in the lookup's
//  first argument, never by name.
// Keywords: mmu_notifier, invalidate_page, follow_pte_pmd, dax

virtual patch
virtual report

@found depends on patch exists@
identifier fn;
expression MM, A, E1, E2, E3, mm, addr;
@@
fn(...)
{
<+...
follow_pte_pmd(MM, A, E1, E2, E3)
...
mmu_notifier_invalidate_page(mm, addr);
...+>
}

@lookup depends on patch exists@
identifier found.fn;
struct vm_area_struct *V;
identifier A;
expression E1, E2, E3;
@@
fn(...)
{
<+...
+ start = max(A & PMD_MASK, V->vm_start);
+ end = min((A & PMD_MASK) + PMD_SIZE, V->vm_end);
+ mmu_notifier_invalidate_range_start(V->vm_mm, start, end);
  if (follow_pte_pmd(V->vm_mm, A, E1, E2, E3))
- continue;
+ {
+	mmu_notifier_invalidate_range_end(V->vm_mm, start, end);
+	continue;
+ }
...+>
}

@decl depends on lookup@
identifier found.fn, lookup.A;
@@
fn(...)
{
<+...
- unsigned long A;
+ unsigned long A, start, end;
...+>
}

@call depends on lookup@
identifier found.fn;
expression mm, addr, C;
struct vm_area_struct *lookup.V;
@@
fn(...)
{
<...
- if (C) mmu_notifier_invalidate_page(mm, addr);
+ if (C)
+	mmu_notifier_invalidate_range(mm, start, end);
+ mmu_notifier_invalidate_range_end(V->vm_mm, start, end);
...>
}

// The address is not a local of its own: declare the range at the top.
@decl_top depends on lookup && !decl@
identifier found.fn;
@@
fn(...)
{
+ unsigned long start = 0;
+ unsigned long end = 0;
...
}
