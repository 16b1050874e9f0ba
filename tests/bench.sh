#!/bin/sh
# make bench: time `kseries rewrite` on a copy of a real tree against the bare
# spatch runs of the same rules on the same files, and print the ratio.
#   KSERIES_KERNEL=/path/to/linux-4.12 make bench
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
if [ -z "${KSERIES_KERNEL:-}" ]; then
	echo "kseries: bench: set KSERIES_KERNEL to a kernel tree (see ../shared/KERNELS.md)" >&2
	exit 2
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cp -r "$KSERIES_KERNEL" "$tmp/a"
cp -r "$KSERIES_KERNEL" "$tmp/b"
now() { date +%s.%N; }

t0=$(now)
"$top/driver/kseries" rewrite -q "$tmp/a" >/dev/null || true
t1=$(now)
# the bare runs: the same files, the same rules, in manifest order, nothing else
(cd "$tmp/b" && grep -rlF --include='*.c' --include='*.h' -e invalidate_page . | sed 's|^\./||; s/$/\n/' > "$tmp/groups")
for rule in $(python3 -c 'import json,sys
seen=[]
for p in json.load(open(sys.argv[1]))["patches"]:
    for r in p["rules"]:
        if r not in seen: seen.append(r); print(r)' "$top/cocci/series.json"); do
	(cd "$tmp/b" && spatch --sp-file "$top/cocci/$rule" -D patch -D api_has_invalidate_page \
		--ignore-unknown-options --no-includes --include-headers \
		--macro-file="$top/cocci/kernel-macros.h" --file-groups "$tmp/groups" \
		--in-place --jobs="$(nproc)" --tmp-dir "$tmp" >/dev/null 2>&1 || true)
done
t2=$(now)
python3 - "$t0" "$t1" "$t2" <<'PY'
import sys
t0, t1, t2 = map(float, sys.argv[1:])
k, s = t1 - t0, t2 - t1
print("kseries rewrite: %.1f s   bare spatch: %.1f s   ratio: %.2f" % (k, s, k / s))
PY
