/// Remove the put_page API: the member of struct gadget_ops and the
/// gadget_put_page() helper.
//
// Confidence: High

virtual patch
virtual report

@member depends on patch@
identifier g, a;
@@
struct gadget_ops {
	...
-	void (*put_page)(struct gadget *g, unsigned long a);
	...
};

@helper depends on patch@
@@
- void gadget_put_page(...) { ... }

@r_member depends on report@
identifier g, a;
identifier f = put_page;
position p;
@@
struct gadget_ops {
	...
	void (*f@p)(struct gadget *g, unsigned long a);
	...
};

@r_helper depends on report@
identifier f = gadget_put_page;
position p;
@@
void f@p(...) { ... }

@script:python depends on report@
p << r_member.p;
@@
coccilib.report.print_report(p[0], "gadget api: put_page member of struct gadget_ops")

@script:python depends on report@
p << r_helper.p;
@@
coccilib.report.print_report(p[0], "gadget api: gadget_put_page() defined")
