/// Remove the invalidate_page API itself: the member of struct
/// mmu_notifier_ops with its comment, mmu_notifier_invalidate_page() (both the
/// CONFIG_MMU_NOTIFIER wrapper and its stub) and __mmu_notifier_invalidate_page()
/// with its declaration and export. In report mode, also every remaining call
/// of the wrapper: a caller the caller rules could not bracket.
//
// Confidence: High
// Keywords: mmu_notifier, invalidate_page

virtual patch
virtual report

@member depends on patch@
identifier mn, mm, addr;
@@
struct mmu_notifier_ops {
	...
-	void (*invalidate_page)(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr);
	...
};

@decl depends on patch@
type T;
@@
- T __mmu_notifier_invalidate_page(...);

@defn depends on patch@
type T;
@@
- T __mmu_notifier_invalidate_page(...) { ... }

@wrapper depends on patch@
type T;
@@
- T mmu_notifier_invalidate_page(...) { ... }

@export depends on patch@
declarer name EXPORT_SYMBOL_GPL, EXPORT_SYMBOL;
symbol __mmu_notifier_invalidate_page;
@@
(
- EXPORT_SYMBOL_GPL(__mmu_notifier_invalidate_page);
|
- EXPORT_SYMBOL(__mmu_notifier_invalidate_page);
)

@r_call depends on report@
identifier f = mmu_notifier_invalidate_page;
position p;
@@
f@p(...)

// the wrapper's own call of the internal function is part of the API
@r_call_internal depends on report@
identifier f = __mmu_notifier_invalidate_page;
position p;
@@
f@p(...)

@r_member depends on report@
identifier mn, mm, addr;
identifier f = invalidate_page;
position p;
@@
struct mmu_notifier_ops {
	...
	void (*f@p)(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr);
	...
};

@r_defn depends on report@
identifier f = {mmu_notifier_invalidate_page, __mmu_notifier_invalidate_page};
position p;
type T;
@@
T f@p(...) { ... }

@script:python depends on report@
f << r_call.f;
p << r_call.p;
@@
coccilib.report.print_report(p[0], "caller: call of %s()" % f)

@script:python depends on report@
f << r_call_internal.f;
p << r_call_internal.p;
@@
coccilib.report.print_report(p[0], "api: call of %s()" % f)

@script:python depends on report@
p << r_member.p;
@@
coccilib.report.print_report(p[0], "api: invalidate_page member of struct mmu_notifier_ops")

@script:python depends on report@
f << r_defn.f;
p << r_defn.p;
@@
coccilib.report.print_report(p[0], "api: %s() defined" % f)
