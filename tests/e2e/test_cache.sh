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
check "cache: the rerun's rules come from the cache: no spatch run of a rule (0 misses)" \
	grep -Eq '^  rules +[1-9][0-9]* hits, 0 misses$' "$tmp/stats"
check "cache: every output of the warm run is the cache-off run's, byte for byte (but its times)" sh -c "
	for d in warm off; do
		(cd '$tmp/'\$d && find . -type f ! -name .kseries.lock | sort | while read -r f; do
			echo \"== \$f\"; grep -v '\"seconds\": \\|\"finished\": \\|^time: ' \"\$f\"; done) > '$tmp/'\$d.all
	done
	cmp '$tmp/warm.all' '$tmp/off.all'"
check "cache: ... and so are the cold run's" sh -c "
	(cd '$tmp/cold' && find . -type f ! -name .kseries.lock | sort | while read -r f; do
		echo \"== \$f\"; grep -v '\"seconds\": \\|\"finished\": \\|^time: ' \"\$f\"; done) > '$tmp/cold.all'
	cmp '$tmp/cold.all' '$tmp/off.all'"

# what a result depends on: a changed rule file, option or spatch misses
rules_counts() {	# the last run's "rules H hits, M misses" as "H M"
	"$kseries" cache | sed -n 's/^  rules *\([0-9]*\) hits, \([0-9]*\) misses.*/\1 \2/p'
}
cp -R "$top/cocci" "$tmp/cocci2"
printf '// a comment: a changed rule file\n' >> "$tmp/cocci2/callers/rmap_walk.cocci"
"$kseries" series -q --series "$tmp/cocci2" --kernel "$repo" --rev v4.12-demo --no-build \
	--out "$tmp/rule" > "$tmp/rule.log" 2>&1
set -- $(rules_counts)
check "cache: a changed rule file misses (its runs), the other rules hit ($1 hits, $2 misses)" \
	test "${1:-0}" -gt 0 -a "${2:-0}" -gt 0
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --kvm-apic-range \
	--out "$tmp/opt" > "$tmp/opt.log" 2>&1
set -- $(rules_counts)
check "cache: a series option (--kvm-apic-range) misses the rules that declare it ($1 hits, $2 misses)" \
	test "${1:-0}" -gt 0 -a "${2:-0}" -gt 0
mkdir "$tmp/bin"
printf '#!/bin/sh\nexec %s "$@"\n' "$(command -v spatch)" > "$tmp/bin/spatch"
chmod +x "$tmp/bin/spatch"
PATH="$tmp/bin:$PATH" "$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build \
	--out "$tmp/sp" > "$tmp/sp.log" 2>&1
set -- $(rules_counts)
check "cache: another spatch misses every rule ($1 hits, $2 misses)" test "${1:-1}" = 0 -a "${2:-0}" -gt 0

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
