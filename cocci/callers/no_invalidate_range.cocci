/// Trees before 3.19 have no mmu_notifier_invalidate_range(): there the
/// bracket's mmu_notifier_invalidate_range_end() is where secondary TLBs are
/// flushed, so the call the caller rules wrote in place of the old one is
/// taken out again (with the `if` it was the only statement of). Runs after
/// the caller rules, only on a tree whose API header declares range_end and
/// not invalidate_range (the series' probes), never on a lone file.
//
// Confidence: High
// Comments: a tree without the function cannot have calls of it but the
//  ones the caller rules just wrote, so every call is one of those.
// Keywords: mmu_notifier, invalidate_range, 3.18, 3.10

virtual patch
virtual report
virtual api_has_range_end
virtual api_has_invalidate_range

// the if first: a call that was its only statement takes it along
@lone_if depends on patch && api_has_range_end && !api_has_invalidate_range@
expression M, S, E, C;
@@
- if (C)
-	mmu_notifier_invalidate_range(M, S, E);

@depends on patch && api_has_range_end && !api_has_invalidate_range@
expression M, S, E;
@@
- mmu_notifier_invalidate_range(M, S, E);

