#!/bin/sh
# Real-tree check of issue 33 (the engine never ships a broken removal):
#   KSERIES_REPO=/path/to/kernel-repo KSERIES_REV=v4.12 tests/kernel/residuals.sh
# On REV as it is: rewrite --report names no use no rule can see (no false
# alarm from the token scan on real code), and the rewrite removes the API.
# Then on a copy with three uses planted where no rule sees them (a hook
# declared with an attribute after its declarator, a macro body, and the
# function taken as a value in code spatch parses): the rewrite exits 1
# naming each at its line, and the API header keeps the callback. Prints the counts and times.
set -u
. "$(dirname "$0")/../lib.sh"
: "${KSERIES_REPO:?set KSERIES_REPO to a kernel git repo}" "${KSERIES_REV:?set KSERIES_REV}"
top=$(cd "$(dirname "$0")/../.." && pwd)
kseries="$top/driver/kseries"
tmp=$(mktemp -d)
trap 'for w in clean planted; do git -C "$KSERIES_REPO" worktree remove --force "$tmp/$w" 2>/dev/null; done; rm -rf "$tmp"' EXIT

git -C "$KSERIES_REPO" worktree add -q --detach "$tmp/clean" "$KSERIES_REV"
"$kseries" rewrite --report "$tmp/clean" > "$tmp/report" 2>&1
echo "report: $(grep -c ': ' "$tmp/report") lines, $(grep -c ': not converted: ' "$tmp/report") not converted"
check "residuals $KSERIES_REV: the token scan names no hidden use on the real tree" \
	sh -c "! grep -q ': not converted: ' '$tmp/report'"
start=$(date +%s)
"$kseries" rewrite -q "$tmp/clean" > "$tmp/clean.log" 2>&1
rc=$?
echo "rewrite: exit $rc in $(($(date +%s) - start)) s; $(grep 'files changed' "$tmp/clean.log")"
check "residuals $KSERIES_REV: the rewrite removes the API (exit 0, no layout warning)" sh -c "
	test $rc = 0 && ! grep -q 'invalidate_page' '$tmp/clean/include/linux/mmu_notifier.h' &&
	! grep -q 'layout: ' '$tmp/clean.log'"

git -C "$KSERIES_REPO" worktree add -q --detach "$tmp/planted" "$KSERIES_REV"
cat >> "$tmp/planted/mm/mmu_notifier.c" <<'EOC'

/* planted: a hook declared the way spatch cannot parse */
static void (*const kseries_planted_hook)(struct mm_struct *, unsigned long) __attribute__((used, section(".kseries"))) = mmu_notifier_invalidate_page;

#define KSERIES_PLANTED(name) \
static inline void name##_flush(struct mm_struct *mm, unsigned long a) \
{ mmu_notifier_##invalidate_page(mm, a); }
EOC
# and one spatch parses but no report rule names: the function taken as a value
printf '#include <linux/mmu_notifier.h>\n\nvoid *kseries_planted_ptr = (void *)mmu_notifier_invalidate_page;\n' \
	> "$tmp/planted/drivers/misc/kseries_planted.c"
git -C "$tmp/planted" add -A
git -C "$tmp/planted" commit -q -m "planted uses"
lines=$(wc -l < "$tmp/planted/mm/mmu_notifier.c")
"$kseries" rewrite -q "$tmp/planted" > "$tmp/planted.log" 2>&1
rc=$?
grep 'residual use' "$tmp/planted.log"
check "residuals $KSERIES_REV: planted uses: exit 1, each named at its line, the API kept" sh -c "
	test $rc = 1 &&
	grep -q 'residual use after the rewrite: mm/mmu_notifier.c:$((lines - 4)):[0-9]*: not converted: spatch cannot parse this code (mmu_notifier_invalidate_page)' '$tmp/planted.log' &&
	grep -q 'residual use after the rewrite: mm/mmu_notifier.c:$lines:[0-9]*: not converted: .* (invalidate_page)' '$tmp/planted.log' &&
	grep -q 'residual use after the rewrite: drivers/misc/kseries_planted.c:3:[0-9]*: not converted: uses mmu_notifier_invalidate_page, which the API removal deletes' '$tmp/planted.log' &&
	grep -q '(\*invalidate_page)' '$tmp/planted/include/linux/mmu_notifier.h'"
finish
