/// Remove the kvm_arch_mmu_notifier_invalidate_page() hook: the empty static
/// inlines of the arch headers, x86's prototype and x86's body. Its only
/// caller is KVM's invalidate_page callback, removed by
/// callbacks/ops_invalidate_page.cocci in the same patch.
//
// Confidence: High
// Comments: x86's body reloads the APIC access page; upstream dropped that
//  check here and restored it in 4.15 as kvm_arch_mmu_notifier_invalidate_range()
//  called from the range_start callback. By default kseries is
//  upstream-faithful; with -D kvm_apic_range (kseries rewrite --kvm-apic-range)
//  the hook becomes that range hook instead: renamed in every arch header,
//  x86's check made a range check, and called from KVM's range_start callback.
//  This rule must run before callbacks/ops_invalidate_page.cocci, which deletes
//  the callback that identifies KVM's ops (see "order" in series.json).
// Keywords: kvm, mmu_notifier, invalidate_page

virtual patch
virtual report
virtual kvm_apic_range

// --- kvm_apic_range: keep the hook as a range hook ---

@apic_page_cb depends on patch && kvm_apic_range@
identifier fpage;
type T;
@@
T fpage(...) { <+... kvm_arch_mmu_notifier_invalidate_page(...); ...+> }

@apic_ops depends on apic_page_cb@
identifier I, apic_page_cb.fpage;
@@
struct mmu_notifier_ops I = { ..., .invalidate_page = fpage, ... };

@apic_range_cb depends on apic_ops@
identifier apic_ops.I, frange;
@@
struct mmu_notifier_ops I = { ..., .invalidate_range_start = frange, ... };

@apic_call depends on apic_range_cb@
identifier apic_range_cb.frange, mn, mm, start, end;
expression K;
type T;
@@
T frange(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long start, unsigned long end)
{
...
spin_unlock(&K->mmu_lock);
+
+ kvm_arch_mmu_notifier_invalidate_range(K, start, end);
...
}

@apic_x86 depends on patch && kvm_apic_range@
identifier kvm, address;
expression E;
statement S;
type T;
@@
T
- kvm_arch_mmu_notifier_invalidate_page(struct kvm *kvm, unsigned long address)
+ kvm_arch_mmu_notifier_invalidate_range(struct kvm *kvm, unsigned long start, unsigned long end)
{
+ unsigned long apic_address;
+
...
- if (address == E)
+ apic_address = E;
+ if (start <= apic_address && apic_address < end)
  S
}

@apic_stub depends on patch && kvm_apic_range@
identifier kvm, address;
type T;
@@
T
- kvm_arch_mmu_notifier_invalidate_page(struct kvm *kvm, unsigned long address)
+ kvm_arch_mmu_notifier_invalidate_range(struct kvm *kvm, unsigned long start, unsigned long end)
{
}

@apic_proto depends on patch && kvm_apic_range@
symbol kvm, start, end;
@@
- void kvm_arch_mmu_notifier_invalidate_page(...);
+ void kvm_arch_mmu_notifier_invalidate_range(struct kvm *kvm, unsigned long start, unsigned long end);

// --- default: remove the hook, as upstream did in 4.13 ---

@kvm_hook_decl depends on patch && !kvm_apic_range@
type T;
@@
- T kvm_arch_mmu_notifier_invalidate_page(...);

@kvm_hook_defn depends on patch && !kvm_apic_range@
type T;
@@
- T kvm_arch_mmu_notifier_invalidate_page(...) { ... }

@r_hook depends on report@
position p;
@@
kvm_arch_mmu_notifier_invalidate_page@p(...)

@r_hook_defn depends on report@
position p;
type T;
@@
T kvm_arch_mmu_notifier_invalidate_page@p(...) { ... }

@r_hook_decl depends on report@
position p;
type T;
@@
T kvm_arch_mmu_notifier_invalidate_page@p(...);

@script:python depends on report@
p << r_hook_decl.p;
@@
coccilib.report.print_report(p[0], "kvm hook: kvm_arch_mmu_notifier_invalidate_page() declared")

@script:python depends on report@
p << r_hook.p;
@@
coccilib.report.print_report(p[0], "kvm hook: call of kvm_arch_mmu_notifier_invalidate_page()")

@script:python depends on report@
p << r_hook_defn.p;
@@
coccilib.report.print_report(p[0], "kvm hook: kvm_arch_mmu_notifier_invalidate_page() defined")
