/// Remove the kvm_arch_mmu_notifier_invalidate_page() hook: the empty static
/// inlines of the arch headers, x86's prototype and x86's body. Its only
/// caller is KVM's invalidate_page callback, removed by
/// callbacks/ops_invalidate_page.cocci in the same patch.
//
// Confidence: High
// Comments: x86's body reloads the APIC access page; upstream dropped that
//  check here and restored it in 4.15 as kvm_arch_mmu_notifier_invalidate_range()
//  called from the range_start callback. kseries is upstream-faithful here.
// Keywords: kvm, mmu_notifier, invalidate_page

virtual patch
virtual report

@kvm_hook_decl depends on patch@
type T;
@@
- T kvm_arch_mmu_notifier_invalidate_page(...);

@kvm_hook_defn depends on patch@
type T;
@@
- T kvm_arch_mmu_notifier_invalidate_page(...) { ... }

@r_hook depends on report@
identifier f = kvm_arch_mmu_notifier_invalidate_page;
position p;
@@
f@p(...)

@r_hook_defn depends on report@
identifier f = kvm_arch_mmu_notifier_invalidate_page;
position p;
type T;
@@
T f@p(...) { ... }

@script:python depends on report@
p << r_hook.p;
@@
coccilib.report.print_report(p[0], "kvm hook: call of kvm_arch_mmu_notifier_invalidate_page()")

@script:python depends on report@
p << r_hook_defn.p;
@@
coccilib.report.print_report(p[0], "kvm hook: kvm_arch_mmu_notifier_invalidate_page() defined")
