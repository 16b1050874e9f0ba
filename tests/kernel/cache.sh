#!/bin/sh
# Real-tree check of the cache kept between runs (issue 31), by hand:
#   KSERIES_REPO=/path/to/kernel-repo KSERIES_REV=v4.12 tests/kernel/cache.sh
# Three runs of series --no-build on one revision: with a fresh cache
# (cold), again (warm), and with the cache off. Asserted: the warm run takes
# every rule result from the cache (no miss); every output file of the cold
# and warm runs is the cache-off run's, byte for byte, but for the times.
# Prints each run's seconds and `kseries cache`.
set -u
. "$(dirname "$0")/../lib.sh"
: "${KSERIES_REPO:?set KSERIES_REPO to a kernel git repo}" "${KSERIES_REV:?set KSERIES_REV}"
# $kseries, $tmp (removed at exit), and KSERIES_CACHE_DIR=$tmp/cache
e2e_setup

for run in cold warm off; do
	start=$(date +%s.%N)
	if [ $run = off ]; then cache=off; else cache="$tmp/cache"; fi
	KSERIES_CACHE_DIR=$cache "$kseries" series -q --kernel "$KSERIES_REPO" --rev "$KSERIES_REV" \
		--no-build --out "$tmp/$run" > "$tmp/$run.log" 2>&1
	echo $? > "$tmp/$run.rc"
	echo "$run: exit $(cat "$tmp/$run.rc") in $(echo "$(date +%s.%N) - $start" | bc) s"
	[ $run = warm ] && "$kseries" cache > "$tmp/stats"
	(cd "$tmp/$run" && find . -type f ! -name .kseries.lock | sort | while read -r f; do
		echo "== $f"; grep -v '"seconds": \|"finished": \|^time: ' "$f"; done) > "$tmp/$run.all"
done
cat "$tmp/stats"
check "cache $KSERIES_REV: three runs, exit 0 each" sh -c "
	test \$(cat '$tmp/cold.rc') = 0 && test \$(cat '$tmp/warm.rc') = 0 && test \$(cat '$tmp/off.rc') = 0"
check "cache $KSERIES_REV: the warm run runs no rule (every result from the cache)" \
	grep -Eq '^  rules +[1-9][0-9]* hits, 0 misses$' "$tmp/stats"
check "cache $KSERIES_REV: the warm run's outputs are the cache-off run's, byte for byte" \
	cmp "$tmp/warm.all" "$tmp/off.all"
check "cache $KSERIES_REV: and the cold run's" cmp "$tmp/cold.all" "$tmp/off.all"
finish
