#!/bin/sh
# e2e: progress of the build's object steps: on a terminal one line updated
# in place (\r, erase), elsewhere one plain line per step with objects
# done/total of every cell building side by side and the time; --quiet: none.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup

run_series() {
	"$kseries" series "$@" --kernel "$repo" --rev v4.12-demo --arch x86_64 --no-bisect \
		--allow-unproven
}
run_series --out "$tmp/o1" > "$tmp/o1.log" 2>&1
check "progress: a build through a pipe: exit 0" test $? = 0
# x86_64 and its variant (x86_64-nomn) build side by side: one line for both, saying its revision
check "progress: ... a plain line per object step, every cell's objects built" \
	grep -Eq '^kseries: \[v4.12-demo\] build: x86_64 ([0-9]+)/\1, x86_64-nomn ([0-9]+)/\2 objects \([0-9]+s\)$' \
	"$tmp/o1.log"
check "progress: ... one for the step before the series, one for after it" \
	test "$(grep -c ' objects ([0-9]*s)$' "$tmp/o1.log")" = 2
check "progress: ... and no terminal control in a log" sh -c "! grep -q \"$(printf '\033')\" '$tmp/o1.log'"

run_series -q --out "$tmp/o2" > "$tmp/o2.log" 2>&1
check "progress: --quiet: exit 0" test $? = 0
check "progress: ... no progress line" sh -c "! grep -q 'objects (' '$tmp/o2.log'"

# a terminal: util-linux script gives the run one
script -qec "$kseries series --kernel $repo --rev v4.12-demo --arch x86_64 --no-bisect \
	--allow-unproven --out $tmp/o3" /dev/null > "$tmp/o3.log" 2>&1
check "progress: on a terminal: exit 0" test $? = 0
check "progress: ... the line is rewritten in place (carriage return, erase to the end)" \
	grep -q "$(printf '\r\033\\[K')kseries: \\[v4.12-demo\\] build: x86_64 " "$tmp/o3.log"
finish
