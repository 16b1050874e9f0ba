/// The helper's address taken: said in patch mode only, while the rules
/// run (no report rule names it), and still a use the removal would break.
//
// Confidence: High

virtual patch
virtual report

@taken depends on patch@
position p;
@@
  (void *)gadget_put_page@p

@script:python depends on patch@
p << taken.p;
@@
coccilib.report.print_report(p[0], "by hand: gadget_put_page() taken as a value")
