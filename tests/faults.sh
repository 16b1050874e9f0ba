#!/bin/sh
# make check-faults: the fault suite with a wide sweep of signal delays (a
# few minutes); `make check` runs the same tests with two delays. Ends with
# its own "N passed, N failed".
set -u
cd "$(dirname "$0")/.." || exit 2
log=$(mktemp); trap 'rm -f "$log"' EXIT
export KSERIES_FAULT_DELAYS="${KSERIES_FAULT_DELAYS:-0.1 0.3 0.6 1 1.5 2.5 4}"
for t in tests/e2e/test_signals.sh tests/e2e/test_outdir.sh tests/e2e/test_balance.sh \
	tests/e2e/test_tools.sh; do
	echo "== $t"
	sh "$t" | tee -a "$log" | grep -v '^ok '
done
passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^FAIL ' "$log")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
