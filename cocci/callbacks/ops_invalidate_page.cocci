/// Remove every invalidate_page callback of struct mmu_notifier_ops: the
/// initialiser (designated, positional, in an array of ops, #ifdef'ed, const
/// or not, or assigned at run time) and the function behind it with its
/// prototype and kerneldoc, unless the function is still used elsewhere.
//
// Confidence: High
// Comments: matched by the struct type and the field, never by a name:
//  .invalidate_page of cleancache_ops or frontswap_ops never matches.
//  Positional initialisers rely on invalidate_page being the sixth member
//  (true from 4.3 to 4.12); the driver sets api_has_invalidate_page only
//  while the tree still declares the member, so converted trees are safe.
// Keywords: mmu_notifier, invalidate_page, mmu_notifier_ops

virtual patch
virtual report
virtual api_has_invalidate_page

@ops depends on patch@
identifier I, fn;
position p;
@@
struct mmu_notifier_ops I = {
	...,
-	.invalidate_page = fn@p,
	...
};

@ops_arr depends on patch@
identifier I, fn;
position p;
@@
struct mmu_notifier_ops I[] = { ..., {
	...,
-	.invalidate_page = fn@p,
	...
}, ...};

@ops_pos depends on patch && api_has_invalidate_page@
identifier I;
expression E0, E1, E2, E3, E4;
identifier fn;
position p;
@@
struct mmu_notifier_ops I = {
	E0, E1, E2, E3, E4,
-	fn@p,
	...
};

@ops_rt depends on patch@
struct mmu_notifier_ops *O;
struct mmu_notifier_ops S;
identifier fn;
position p;
@@
(
- O->invalidate_page = fn@p;
|
- S.invalidate_page = fn@p;
)

@used exists@
identifier fn = {ops.fn, ops_arr.fn, ops_pos.fn, ops_rt.fn};
position p != {ops.p, ops_arr.p, ops_pos.p, ops_rt.p};
@@
fn@p

// spatch removes the prototypes of a function it deletes, in the same file
@del depends on patch && !used@
identifier fn = {ops.fn, ops_arr.fn, ops_pos.fn, ops_rt.fn};
@@
- void fn(...) { ... }

@r_ops depends on report@
identifier I, fn;
position p;
@@
struct mmu_notifier_ops I = {
	...,
	.invalidate_page = fn@p,
	...
};

@r_arr depends on report@
identifier I, fn;
position p;
@@
struct mmu_notifier_ops I[] = { ..., {
	...,
	.invalidate_page = fn@p,
	...
}, ...};

@r_pos depends on report && api_has_invalidate_page@
identifier I, fn;
expression E0, E1, E2, E3, E4;
position p;
@@
struct mmu_notifier_ops I = {
	E0, E1, E2, E3, E4, fn@p, ...
};

@r_rt depends on report@
struct mmu_notifier_ops *O;
struct mmu_notifier_ops S;
identifier fn;
position p;
@@
(
 O->invalidate_page = fn@p;
|
 S.invalidate_page = fn@p;
)

@script:python depends on report@
fn << r_ops.fn;
p << r_ops.p;
@@
coccilib.report.print_report(p[0], "callback %s: .invalidate_page of struct mmu_notifier_ops" % fn)

@script:python depends on report@
fn << r_arr.fn;
p << r_arr.p;
@@
coccilib.report.print_report(p[0], "callback %s: .invalidate_page in an array of struct mmu_notifier_ops" % fn)

@script:python depends on report@
fn << r_pos.fn;
p << r_pos.p;
@@
coccilib.report.print_report(p[0], "callback %s: sixth (invalidate_page) element of a positional struct mmu_notifier_ops" % fn)

@script:python depends on report@
fn << r_rt.fn;
p << r_rt.p;
@@
coccilib.report.print_report(p[0], "callback %s: invalidate_page of struct mmu_notifier_ops assigned at run time" % fn)
