/// A call through the put_page member itself, not through the helper: no
/// rule converts it, and this rule says so in patch mode only, while the
/// rules run (no report rule names it), as some authors' rules do.
//
// Confidence: High

virtual patch
virtual report

@called depends on patch@
expression G;
position p;
@@
  G->ops->put_page@p(...)

@script:python depends on patch@
p << called.p;
@@
coccilib.report.print_report(p[0], "by hand: a call through the put_page member")
