/// Convert mmu_notifier_invalidate_page() after a page_check_address() lookup
/// made inside a loop over vmas (the XIP unmap shape of Linux 3.x: the lookup
/// in a vma_interval_tree_foreach() body, the notifier called in the
/// `if (pte) { ... }` block after pte_unmap_unlock()). Each iteration gets its
/// own bracket: the range covers the whole compound page at the looked-up
/// address, clamped to the loop's vma; range_start goes right before the
/// lookup (outside the page table lock), invalidate_range() where the old
/// call was, range_end right after the block, so a lookup that fails closes
/// the range it opened too.
//
// Confidence: Moderate: only a lookup whose result is tested by a plain
//  `if (PTE) { ... }` block in the loop body is converted; anything else stays
//  a residual (never silent).
// Comments: start and end are declared once at the top of the function and
//  set per iteration; a function that already has locals of these names is
//  left alone.
// Keywords: mmu_notifier, invalidate_page, page_check_address, vma loop

virtual patch
virtual report

@initialize:python depends on patch@
@@
taken_fns = set()
convert_fns = set()

@taken depends on patch@
identifier fn;
type T;
@@
fn(...)
{
<+...
(
T start;
|
T end;
|
T start = ...;
|
T end = ...;
)
...+>
}

@script:python depends on patch@
fn << taken.fn;
@@
taken_fns.add(fn)

@inloop depends on patch exists@
identifier fn : script:python () { fn not in taken_fns };
identifier ptl;
iterator I;
idexpression struct vm_area_struct *V;
expression list Es;
expression P, MM, A, PTE, mm, addr;
position pf;
@@
fn@pf(...)
{
...
I(V, Es) {
...
+ start = A;
+ end = min(V->vm_end, start + (PAGE_SIZE << compound_order(P)));
+ mmu_notifier_invalidate_range_start(MM, start, end);
PTE = page_check_address(P, MM, A, &ptl, ...);
if (PTE) {
<+...
- mmu_notifier_invalidate_page(mm, addr);
+ mmu_notifier_invalidate_range(mm, addr, addr + PAGE_SIZE);
...+>
}
+ mmu_notifier_invalidate_range_end(MM, start, end);
...
}
...
}

// The locals go once per converted function. A name under a script
// constraint cannot be inherited in spatch 1.1.1: the position can, into a
// script, which names the function for the rules below.
@script:python depends on patch@
pf << inloop.pf;
@@
convert_fns.add(pf[0].current_element)

@decl depends on patch@
identifier fn : script:python () { fn in convert_fns };
@@
fn(...)
{
+ unsigned long start;
+ unsigned long end;
...
}

// A continue, break or return that leaves the iteration between range_start
// and range_end closes the range first. One reached both ways would get a
// doubled end; the balance check catches that and the file stays as it was.
@close depends on patch exists@
identifier fn : script:python () { fn in convert_fns };
expression MM;
@@
fn(...)
{
... when any
mmu_notifier_invalidate_range_start(MM, start, end);
... when != mmu_notifier_invalidate_range_end(MM, start, end)
(
+ mmu_notifier_invalidate_range_end(MM, start, end);
continue;
|
+ mmu_notifier_invalidate_range_end(MM, start, end);
break;
|
+ mmu_notifier_invalidate_range_end(MM, start, end);
return ...;
)
... when any
}
