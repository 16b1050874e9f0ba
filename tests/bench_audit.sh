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

# One generated file with many ops structures (a callback, a range callback
# and an ops each): N and 2N, and how much longer 2N takes (2.0: linear).
ops_file() {
	python3 - "$1" "$2" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    f.write("#include <linux/mmu_notifier.h>\n")
    for i in range(n):
        f.write("\nstatic void page_%d(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long a)\n"
                "{\n\tflush_%d(mn, a);\n}\n\n"
                "static void start_%d(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long s,"
                " unsigned long e)\n{\n\tflush_%d(mn, s);\n}\n\n"
                "static const struct mmu_notifier_ops ops_%d = {\n\t.invalidate_page = page_%d,\n"
                "\t.invalidate_range_start = start_%d,\n};\n" % ((i,) * 7))
PY
}
n=${KSERIES_BENCH_OPS:-500}
times=""
for k in "$n" $((2 * n)); do
	mkdir -p "$tmp/ops$k"
	ops_file "$k" "$tmp/ops$k/gen.c"
	start=$(date +%s.%N)
	rc=0
	"$top/driver/kseries" audit -q "$tmp/ops$k" > "$tmp/out" 2> "$tmp/err" || rc=$?
	end=$(date +%s.%N)
	verdicts=$(grep -c 'safe-to-remove' "$tmp/out" || true)
	if [ "$rc" -gt 1 ] || [ "$verdicts" -ne "$k" ]; then
		echo "kseries: bench: audit of $k ops in one file FAILED (exit $rc, $verdicts of $k verdicts); no figure:" >&2
		tail -n 20 "$tmp/err" >&2
		exit 1
	fi
	times="$times $start $end"
done
# shellcheck disable=SC2086
python3 - "$n" $times <<'PY'
import sys
n = int(sys.argv[1])
a0, a1, b0, b1 = map(float, sys.argv[2:6])
ta, tb = a1 - a0, b1 - b0
print("audit: one file with %d ops structures in %.1f s, with %d in %.1f s: x%.1f for twice the ops (2.0 is linear)"
      % (n, ta, 2 * n, tb, tb / ta))
PY

# A module of 2,000 small files (a few use the API), and one generated file
# of 5 MB (a firmware table beside one ops: spatch's parser dies on it, so
# it must be named and the rest audited, fast).
big="$tmp/big"
mkdir -p "$big" "$tmp/gen"
for i in $(seq 1 2000); do
	printf 'int small%d(int x)\n{\n\treturn x * %d;\n}\n' "$i" "$i" > "$big/f$i.c"
done
cp "$top/tests/audit/cases/designated_unguarded.c" "$big/f1.c"
cp "$top/tests/audit/cases/call_old_api.c" "$big/f2.c"
python3 - "$tmp/gen/table.c" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("#include <linux/mmu_notifier.h>\n/* generated: firmware image */\nstatic const unsigned char fw[] = {\n")
    i = 0
    while f.tell() < 5 * 1024 * 1024:
        f.write("\t" + ", ".join("0x%02x" % ((i * 12 + k) % 256) for k in range(12)) + ",\n")
        i += 1
    f.write("};\n\nstatic const struct mmu_notifier_ops gen_ops = {\n\t.invalidate_page = gen_page,\n};\n")
PY
for what in "2,000 small files:$big:f1.c:[0-9]*:[0-9]*: error" "a 5 MB generated file:$tmp/gen:table.c:1:1: error"; do
	label=${what%%:*}; rest=${what#*:}; dir=${rest%%:*}; want=${rest#*:}
	start=$(date +%s.%N)
	rc=0
	"$top/driver/kseries" audit -q "$dir" > "$tmp/out" 2> "$tmp/err" || rc=$?
	end=$(date +%s.%N)
	if [ "$rc" -gt 1 ] || ! grep -q "$want" "$tmp/out"; then
		echo "kseries: bench: audit of $label FAILED (exit $rc, no '$want'); no figure:" >&2
		grep -v 'type defaults' "$tmp/err" | tail -n 20 >&2
		exit 1
	fi
	python3 -c "import sys; print('audit: %s in %.1f s' % (sys.argv[1], float(sys.argv[3]) - float(sys.argv[2])))" \
		"$label" "$start" "$end"
done
