#!/bin/sh
# e2e: the cache kept between runs and `kseries cache` (issue 31, item 4):
# a rerun takes its answers from the cache (hits, said), gives the same
# series byte for byte as a run with the cache off; damaged entries are
# recomputed, never used; a cache folder that cannot be written is no
# cache, with a note; the size limit evicts; --clear empties it.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
export KSERIES_CACHE_DIR="$tmp/cache"

run() {	# NAME: series --no-build of two revisions into $tmp/NAME
	"$kseries" series -q --kernel "$repo" --rev v4.9-demo --rev v4.12-demo --no-build \
		--out "$tmp/$1" > "$tmp/$1.log" 2>&1
	echo $? > "$tmp/$1.rc"
}
run cold
run warm
"$kseries" cache > "$tmp/stats" 2>&1
check "cache: two runs, exit 0 each" sh -c "test \$(cat '$tmp/cold.rc') = 0 && test \$(cat '$tmp/warm.rc') = 0"
check "cache: kseries cache names the folder and the rerun's hits (two revisions: 2 hits, 0 misses)" sh -c "
	grep -qx 'cache: $tmp/cache' '$tmp/stats' && grep -q '^last run: kseries series, ' '$tmp/stats' &&
	grep -Eq '^  candidates +2 hits, 0 misses\$' '$tmp/stats'"
KSERIES_CACHE_DIR=off "$kseries" series -q --kernel "$repo" --rev v4.9-demo --rev v4.12-demo --no-build \
	--out "$tmp/off" > "$tmp/off.log" 2>&1
check "cache: the warm run's series are the cache-off run's, byte for byte" sh -c "
	diff -r '$tmp/warm/v4.9-demo/series' '$tmp/off/v4.9-demo/series' &&
	diff -r '$tmp/warm/v4.12-demo/series' '$tmp/off/v4.12-demo/series'"

# every entry cut short, as a full disk or a kill mid-write would leave it
for f in "$tmp/cache/candidates/"*; do head -c 20 "$f" > "$f.cut" && mv "$f.cut" "$f"; done
run damaged
"$kseries" cache > "$tmp/stats2" 2>&1
check "cache: damaged entries are recomputed, never used (exit 0, said by kseries cache)" sh -c "
	test \$(cat '$tmp/damaged.rc') = 0 &&
	grep -Eq '^  candidates +0 hits, 2 misses \\(2 damaged entries recomputed\\)\$' '$tmp/stats2' &&
	diff -r '$tmp/damaged/v4.12-demo/series' '$tmp/off/v4.12-demo/series'"

: > "$tmp/a-file"
KSERIES_CACHE_DIR="$tmp/a-file/cache" "$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build \
	--out "$tmp/ro" > "$tmp/ro.log" 2>&1
echo $? > "$tmp/ro.rc"
check "cache: a cache folder that cannot be written: exit 0, one note naming it and KSERIES_CACHE_DIR" sh -c "
	test \$(cat '$tmp/ro.rc') = 0 &&
	test \$(grep -c 'note: .*the cache folder $tmp/a-file/cache/candidates cannot be written' '$tmp/ro.log') = 1 &&
	grep -q 'KSERIES_CACHE_DIR=DIR sets another' '$tmp/ro.log'"

KSERIES_CACHE_MAX=1 run small
"$kseries" cache > "$tmp/stats3" 2>&1
check "cache: over KSERIES_CACHE_MAX the entries go at the next run's start, said" \
	grep -Eq '^  evicted at its start: [1-9]' "$tmp/stats3"
"$kseries" cache --clear > "$tmp/clear" 2>&1
"$kseries" cache > "$tmp/stats4" 2>&1
check "cache: --clear empties it and says what went" sh -c "
	grep -q '^cache: $tmp/cache cleared: [0-9]* entries' '$tmp/clear' &&
	grep -Eq '^  total +0 entries' '$tmp/stats4' && grep -qx 'last run: none logged yet' '$tmp/stats4'"
check "cache: KSERIES_CACHE_DIR=off: kseries cache says it is off" sh -c "
	KSERIES_CACHE_DIR=off '$kseries' cache | grep -q '^cache: off'"
finish
