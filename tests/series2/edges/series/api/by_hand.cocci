/// The helper's address taken in the API's own header, while the member
/// is still declared there: no rule converts that, it is by hand.
//
// Confidence: High

virtual patch
virtual report

@member depends on report@
identifier g, a;
@@
struct gadget_ops {
	...
	void (*put_page)(struct gadget *g, unsigned long a);
	...
};

@taken depends on report && member@
position p;
@@
  (void *)gadget_put_page@p

@script:python depends on report@
p << taken.p;
@@
coccilib.report.print_report(p[0], "by hand: gadget_put_page() taken as a value")
