/// Remove the pci_zalloc_consistent() wrapper once no caller is left.
//
// Confidence: High

virtual patch
virtual report

@def depends on patch@
type T;
@@
- T pci_zalloc_consistent(...) { ... }

@r depends on report@
type T;
position p;
@@
T pci_zalloc_consistent@p(...) { ... }

@script:python depends on report@
p << r.p;
@@
coccilib.report.print_report(p[0], "zalloc api: pci_zalloc_consistent() defined")
