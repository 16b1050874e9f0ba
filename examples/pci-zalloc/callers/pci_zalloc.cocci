/// Convert every call of pci_zalloc_consistent(PDEV, SIZE, HANDLE) to
/// dma_zalloc_coherent(&PDEV->dev, SIZE, HANDLE, GFP_ATOMIC): what the
/// wrapper does (a NULL device stays NULL).
//
// Confidence: High (an expression that is NULL at run time would need the
// wrapper's own check; no caller in v4.12 passes one)

virtual patch
virtual report

@null depends on patch@
expression S, H;
@@
- pci_zalloc_consistent(NULL, S, H)
+ dma_zalloc_coherent(NULL, S, H, GFP_ATOMIC)

@call depends on patch@
expression P, S, H;
@@
- pci_zalloc_consistent(P, S, H)
+ dma_zalloc_coherent(&P->dev, S, H, GFP_ATOMIC)

@r depends on report@
position p;
@@
pci_zalloc_consistent@p(...)

@script:python depends on report@
p << r.p;
@@
coccilib.report.print_report(p[0], "zalloc caller: call of pci_zalloc_consistent()")
