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

// Report rules come first, and name the API literally (no "identifier f =
// ..." constraints): spatch then derives a grep query from them and skips
// files without those names, and a name a later rule declares as a symbol
// could not be matched as a function definition with a position.

@r_call depends on report@
position p;
@@
mmu_notifier_invalidate_page@p(...)

// the wrapper's own call of the internal function is part of the API
@r_call_internal depends on report@
position p;
@@
__mmu_notifier_invalidate_page@p(...)

@r_member depends on report@
identifier mn, mm, addr;
position p;
@@
struct mmu_notifier_ops {
	...
	void (*invalidate_page@p)(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr);
	...
};

@r_defn depends on report@
position p;
type T;
@@
T mmu_notifier_invalidate_page@p(...) { ... }

@r_defn_internal depends on report@
position p;
type T;
@@
T __mmu_notifier_invalidate_page@p(...) { ... }

@script:python depends on report@
p << r_call.p;
@@
coccilib.report.print_report(p[0], "caller: call of mmu_notifier_invalidate_page()")

@script:python depends on report@
p << r_call_internal.p;
@@
coccilib.report.print_report(p[0], "api: call of __mmu_notifier_invalidate_page()")

@script:python depends on report@
p << r_member.p;
@@
coccilib.report.print_report(p[0], "api: invalidate_page member of struct mmu_notifier_ops")

@script:python depends on report@
p << r_defn.p;
@@
coccilib.report.print_report(p[0], "api: mmu_notifier_invalidate_page() defined")

@script:python depends on report@
p << r_defn_internal.p;
@@
coccilib.report.print_report(p[0], "api: __mmu_notifier_invalidate_page() defined")

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
