#!/bin/sh
# Rewrite a copy of a real kernel tree and assert the numbers REFERENCE.md and
# our own measurements give for it (see tests/kernel/README.md).
#   KSERIES_KERNEL=/path/to/linux-4.12 tests/kernel/check-tree.sh
set -u
: "${KSERIES_KERNEL:?set KSERIES_KERNEL to a kernel tree (see tests/kernel/README.md)}"
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -r "$KSERIES_KERNEL" "$tmp/tree"
t="$tmp/tree"
ver=$(sed -n 's/^VERSION = //p; s/^PATCHLEVEL = //p; s/^SUBLEVEL = //p' "$t/Makefile" | paste -sd.)

before=$(grep -rl invalidate_page "$t" | wc -l)
"$top/driver/kseries" rewrite -q "$t" > "$tmp/out" 2> "$tmp/err"
rc=$?
after=$(grep -rl invalidate_page "$t" | wc -l)
left=$(grep -rnw -e mmu_notifier_invalidate_page -e __mmu_notifier_invalidate_page \
	-e kvm_arch_mmu_notifier_invalidate_page --include='*.c' --include='*.h' "$t" |
	grep -v -E '^[^:]+:[0-9]+:[[:space:]]*(\*|/\*|//)' | wc -l)	# not in comments
echo "linux $ver: files holding invalidate_page: $before -> $after; residual API uses: $left"
grep "files changed" "$tmp/out"

check "linux $ver: rewrite exits 0" test "$rc" = 0
check "linux $ver: no residual API use" test "$left" = 0
check "linux $ver: no check failure" sh -c "! grep -E ': (unbalanced|unchecked): ' '$tmp/err'"
check "linux $ver: every rmap caller bracketed" sh -c "
	test \$(grep -c 'mmu_notifier_invalidate_range_start(mm, start, end)' '$t/mm/rmap.c') -ge 1 ||
	grep -q 'mmu_notifier_invalidate_range_start(vma->vm_mm, start, end)' '$t/mm/rmap.c'"
# The independent balance check on the files the rules bracket in, before
# and after: upstream has brackets whose balance rests on correlated
# conditions (copy_page_range(), 4.4's pmd sharing in try_to_unmap_one()),
# which it reports on both sides; the rewrite must add no finding.
findings() {
	for f in mm/rmap.c fs/dax.c mm/filemap_xip.c; do
		[ -f "$1/$f" ] || continue
		balance_findings "$1/$f" | sed "s|^$1/||; s/[0-9][0-9]*//g"
	done | sort
}
findings "$KSERIES_KERNEL" > "$tmp/findings.before"
findings "$t" > "$tmp/findings.after"
check "linux $ver: the rewrite adds no unbalanced bracket (independent check)" \
	sh -c "! comm -13 '$tmp/findings.before' '$tmp/findings.after' | grep ."
case "$ver" in
4.12.0)	check "linux 4.12: 60 -> 41 files hold invalidate_page" test "$before.$after" = 60.41 ;;
4.9.45)	check "linux 4.9.45: 57 -> 41 files hold invalidate_page" test "$before.$after" = 57.41 ;;
4.4.178)	check "linux 4.4.178: 53 -> 40 files hold invalidate_page" test "$before.$after" = 53.40 ;;
3.10.99)	check "linux 3.10.99: 39 -> 32 files hold invalidate_page" test "$before.$after" = 39.32
	check "linux 3.10.99: the XIP caller converted" grep -q 'mmu_notifier_invalidate_range_start(mm, start, end)' "$t/mm/filemap_xip.c" ;;
3.19.8)	check "linux 3.19.8: 48 -> 36 files hold invalidate_page" test "$before.$after" = 48.36
	check "linux 3.19.8: 14 files changed" grep -q "^14 files changed" "$tmp/out"
	check "linux 3.19.8: the label after the final return closes the range" sh -c "
		sed -n '/^out_mlock:/,/^}/p' '$t/mm/rmap.c' | grep -q 'mmu_notifier_invalidate_range_end(mm, start, end)'" ;;
esac
finish && echo "all checks passed on linux $ver"
