#!/bin/sh
# make bench, audit part: `kseries audit` on a module tree of a few hundred
# files made from the audit cases (each case copied into folders of its own,
# beside C files that do not use the API), timed; prints files per second. A
# failed or wrong run prints a failure, never a figure.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
copies=${KSERIES_BENCH_COPIES:-10}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mod="$tmp/module"
for i in $(seq 1 "$copies"); do
	mkdir -p "$mod/part$i"
	for c in "$top"/tests/audit/cases/*.c; do
		cp "$c" "$mod/part$i/"
	done
	# plain driver code that never mentions the API: found by the prefilter to skip
	for j in $(seq 1 20); do
		printf 'int part%d_file%d(int x)\n{\n\treturn x + %d;\n}\n' "$i" "$j" "$j" > "$mod/part$i/plain$j.c"
	done
done
files=$(find "$mod" -name '*.c' | wc -l)
using=$(grep -rl invalidate_page "$mod" --include='*.c' | wc -l)
start=$(date +%s.%N)
rc=0
"$top/driver/kseries" audit -q "$mod" > "$tmp/out" 2> "$tmp/err" || rc=$?
end=$(date +%s.%N)
found=$(grep -c ' \[kseries-' "$tmp/out" || true)
# exit 1 is the audit's answer (findings), anything else a failure
if [ "$rc" -gt 1 ] || [ "$found" -eq 0 ]; then
	echo "kseries: bench: audit FAILED (exit $rc, $found findings); no figure:" >&2
	tail -n 20 "$tmp/err" >&2
	exit 1
fi
python3 - "$start" "$end" "$files" "$using" "$found" <<'PY'
import sys
t0, t1 = float(sys.argv[1]), float(sys.argv[2])
files, using, found = map(int, sys.argv[3:6])
print("audit: %d C files (%d use the API), %d findings in %.1f s: %.0f files per second"
      % (files, using, found, t1 - t0, files / (t1 - t0)))
PY
