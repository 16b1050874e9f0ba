/// Convert every call of gadget_put_page(G, A) to gadget_put_pages(G, A, 1);
/// with -D trace_puts, gadget_trace(G) is called first.
//
// Confidence: High

virtual patch
virtual report
virtual trace_puts

@plain depends on patch && !trace_puts@
expression G, A;
@@
- gadget_put_page(G, A)
+ gadget_put_pages(G, A, 1)

@traced depends on patch && trace_puts@
expression G, A;
@@
- gadget_put_page(G, A);
+ gadget_trace(G);
+ gadget_put_pages(G, A, 1);

@r depends on report@
position p;
@@
gadget_put_page@p(...)

@script:python depends on report@
p << r.p;
@@
coccilib.report.print_report(p[0], "put caller: call of gadget_put_page()")
