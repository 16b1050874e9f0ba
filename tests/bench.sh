#!/bin/sh
# make bench: time `kseries series --no-build` on a real kernel revision against
# the bare spatch runs of the same rules on the same files, in one run, and
# print the ratio.
#   KSERIES_KERNEL=/path/to/kernel-repo KSERIES_REV=v4.12 make bench
# KSERIES_KERNEL may also be a plain kernel directory (then no KSERIES_REV; the
# series then includes taking a git snapshot of it).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${KSERIES_KERNEL:-}" ]; then
	echo "kseries: bench: set KSERIES_KERNEL to a kernel repo (and KSERIES_REV), see ../shared/KERNELS.md" >&2
	exit 2
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
rules=$(python3 -c 'import json,sys
print(" ".join(json.load(open(sys.argv[1]))["order"]))' "$top/cocci/series.json")

# the bare runs work on a plain copy of the whole tree, made before the clock starts
mkdir -p "$tmp/bare"
if git -C "$KSERIES_KERNEL" rev-parse --git-dir >/dev/null 2>&1; then
	rev=${KSERIES_REV:-HEAD}
	set -- --rev "$rev"
	git -C "$KSERIES_KERNEL" archive "$rev" | tar -x -C "$tmp/bare"
else
	set --
	cp -r "$KSERIES_KERNEL/." "$tmp/bare"
fi
# what a person runs by hand: spatch over the tree, no .cocciconfig, no checks
rm -f "$tmp/bare/.cocciconfig"
files=$(grep -rlF --include='*.c' --include='*.h' -e invalidate_page "$tmp/bare" | wc -l)

t0=$(now)
# a failed kseries run prints a failure, never a figure
if ! "$top/driver/kseries" series -q --no-build --kernel "$KSERIES_KERNEL" "$@" --out "$tmp/out" \
	> "$tmp/kseries.log" 2>&1; then
	echo "kseries: bench: FAILED: kseries series exited non-zero; no figure:" >&2
	tail -n 20 "$tmp/kseries.log" >&2
	exit 1
fi
t1=$(now)
# the bare runs: each rule once over the same files, in manifest order
for rule in $rules; do
	defs="-D patch"
	grep -q '^virtual api_has_invalidate_page' "$top/cocci/$rule" && defs="$defs -D api_has_invalidate_page"
	# shellcheck disable=SC2086
	(cd "$tmp" && spatch --sp-file "$top/cocci/$rule" $defs \
		--no-includes --include-headers --macro-file="$top/cocci/kernel-macros.h" \
		--python /usr/bin/python3 --dir "$tmp/bare" --in-place \
		--jobs="$(nproc)" --tmp-dir "$tmp" > "$tmp/spatch.log" 2>&1) || {
		echo "kseries: bench: FAILED: the bare spatch run of $rule failed; no figure:" >&2
		tail -n 20 "$tmp/spatch.log" >&2
		exit 1
	}
done
t2=$(now)
# both must have converted the same files, or the comparison means nothing
changed=$(grep -rlw -e mmu_notifier_invalidate_page -e kvm_arch_mmu_notifier_invalidate_page "$tmp/bare" | wc -l)
[ "$changed" -eq 0 ] || { echo "kseries: bench: the bare runs left $changed files unconverted" >&2; exit 1; }
python3 - "$t0" "$t1" "$t2" "$files" <<'PY'
import sys
t0, t1, t2 = map(float, sys.argv[1:4])
k, s = t1 - t0, t2 - t1
print("files: %s   kseries series --no-build: %.1f s   bare spatch: %.1f s   ratio: %.2f"
      % (sys.argv[4], k, s, k / s))
PY
