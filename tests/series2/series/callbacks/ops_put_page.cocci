/// Remove every .put_page initialiser of struct gadget_ops (by type, never
/// by name) and the function it named, when nothing else uses it.
//
// Confidence: High

virtual patch
virtual report

@ops depends on patch@
identifier I, fn;
position p;
@@
struct gadget_ops I = {
	...,
-	.put_page = fn@p,
	...
};

@used exists@
identifier fn = ops.fn;
position p != ops.p;
@@
fn@p

@del depends on patch && !used@
identifier fn = ops.fn;
@@
- void fn(...) { ... }

@r depends on report@
identifier I, fn;
position p;
@@
struct gadget_ops I = {
	...,
	.put_page = fn@p,
	...
};

@script:python depends on report@
fn << r.fn;
p << r.p;
@@
coccilib.report.print_report(p[0], "put callback %s: .put_page of struct gadget_ops" % fn)
