#!/bin/sh
# Rewrite a copy of a real kernel tree and print the numbers to check.
set -eu
: "${KSERIES_KERNEL:?set KSERIES_KERNEL to a kernel tree (see tests/kernel/README.md)}"
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -r "$KSERIES_KERNEL" "$tmp/tree"
before=$(grep -rl invalidate_page "$tmp/tree" | wc -l)
"$top/driver/kseries" rewrite -q "$tmp/tree"
after=$(grep -rl invalidate_page "$tmp/tree" | wc -l)
left=$(grep -rnw -e mmu_notifier_invalidate_page -e __mmu_notifier_invalidate_page \
	-e kvm_arch_mmu_notifier_invalidate_page --include='*.c' --include='*.h' "$tmp/tree" | wc -l)
echo "files holding invalidate_page: $before -> $after; residual API uses: $left"
