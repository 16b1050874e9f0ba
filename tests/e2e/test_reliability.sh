#!/bin/sh
# e2e: reliability round 4 (issue 34): what a careless user or a hostile
# tool does to posting, rerolls and merges never loses the user's output.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup

# --- 1: a reroll into its own output folder never destroys the previous series
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --out "$tmp/o" > "$tmp/o.log" 2>&1
check "reroll: v1 written" test -f "$tmp/o/v4.12-demo/series/0000-cover-letter.patch"
ls -R "$tmp/o" > "$tmp/o.before"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --previous "$tmp/o" \
	--out "$tmp/o" --force > "$tmp/o2.log" 2>&1
echo $? > "$tmp/rc"
check "reroll: --previous inside --out (with --force) is exit 2" test "$(cat "$tmp/rc")" = 2
check "reroll: ... the error names both and the fix" \
	grep -q -- "--previous $tmp/o is inside --out $tmp/o.*another --out" "$tmp/o2.log"
ls -R "$tmp/o" > "$tmp/o.after"
check "reroll: ... and v1 is still there, untouched" cmp "$tmp/o.before" "$tmp/o.after"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build \
	--previous "$tmp/o/v4.12-demo/series" --out "$tmp/o" --force > "$tmp/o3.log" 2>&1
echo $? > "$tmp/rc"
check "reroll: a series folder inside --out is refused too (exit 2)" test "$(cat "$tmp/rc")" = 2
check "reroll: ... v1 still there" test -f "$tmp/o/v4.12-demo/series/0000-cover-letter.patch"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --previous "$tmp/o" \
	--out "$tmp/o-v2" > "$tmp/o4.log" 2>&1
check "reroll: into another --out, v2 against v1" sh -c "
	ls '$tmp/o-v2/v4.12-demo/series/' | grep -q '^v2-0000-cover-letter.patch$' &&
	test -f '$tmp/o/v4.12-demo/series/0000-cover-letter.patch'"

finish
