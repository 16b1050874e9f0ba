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
	-e kvm_arch_mmu_notifier_invalidate_page --include='*.c' --include='*.h' "$t" | wc -l)
echo "linux $ver: files holding invalidate_page: $before -> $after; residual API uses: $left"
tail -n 1 "$tmp/out"

check "linux $ver: rewrite exits 0" test "$rc" = 0
check "linux $ver: no residual API use" test "$left" = 0
check "linux $ver: no check failure" sh -c "! grep -E ': (unbalanced|unchecked): ' '$tmp/err'"
# the files the rules bracket in (the rest of mm/ has upstream brackets whose
# balance rests on correlated conditions, e.g. copy_page_range())
brackets=$(cd "$t" && ls mm/rmap.c fs/dax.c mm/filemap_xip.c 2>/dev/null | sed "s|^|$t/|")
# shellcheck disable=SC2086
check "linux $ver: every bracket balanced (independent check)" balance_clean $brackets
case "$ver" in
4.12.0)	check "linux 4.12: 60 -> 41 files hold invalidate_page" test "$before.$after" = 60.41 ;;
4.9.45)	check "linux 4.9.45: 57 -> 41 files hold invalidate_page" test "$before.$after" = 57.41 ;;
3.19.8)	check "linux 3.19.8: 48 -> 36 files hold invalidate_page" test "$before.$after" = 48.36
	check "linux 3.19.8: 14 files changed" grep -q "^14 files changed" "$tmp/out" ;;
esac
finish && echo "all checks passed on linux $ver"
