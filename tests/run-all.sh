#!/bin/sh
# Run every suite (driver unit tests, cocci cases, e2e) and count "ok"/"FAIL"
# lines; the last line is the summary "N passed, N failed".
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
log=$(mktemp); cache=$(mktemp -d); trap 'rm -f "$log"; rm -rf "$cache"' EXIT
# the suites' kseries runs keep their results here, never in the user's cache
export KSERIES_CACHE_DIR="$cache"
status=0

# A suite that dies without printing FAIL (a crash, a sanitizer) still fails.
suite() {
	name=$1; shift
	echo "== $name"
	out=$(mktemp)
	"$@" > "$out" 2>&1
	rc=$?
	cat "$out" >> "$log"
	grep -v '^ok ' "$out"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL ' "$out"; then
		echo "FAIL $name (exit $rc)" | tee -a "$log"
	fi
	rm -f "$out"
}
for t in tests/driver/*/test_*; do
	[ -x "$t" ] && [ "${t%.c}" = "$t" ] && suite "unit: $t" "$t"
done
suite "cocci cases" python3 tests/cocci/run_cases.py
suite "cocci per-rule cases" python3 tests/cocci/per_rule.py
suite "cocci rule mutation: every rule matters to some case" python3 tests/cocci/mutate_rules.py
suite "audit cases" python3 tests/audit/run_cases.py
for t in tests/e2e/test_*.sh; do
	suite "e2e: $t" sh "$t"
done

passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^FAIL ' "$log")
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
