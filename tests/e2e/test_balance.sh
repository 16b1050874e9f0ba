#!/bin/sh
# e2e: the balance check inside `series`: a caller whose bracket the rules
# cannot close on every path is never written into a patch; the revision
# fails with the reason, and the rest of the series is still made.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup

# a branch at v4.9-demo with one more caller of the unclosable shape
git -C "$repo" worktree add -q -b shared-exit "$tmp/wt" v4.9-demo
cp "$here/../cocci/caller_lookup_shared_exit.c" "$tmp/wt/mm/demo_shared.c"
git -C "$tmp/wt" add mm/demo_shared.c
git -C "$tmp/wt" -c user.name=t -c user.email=t@t commit -q -m "demo: a caller with a shared exit"
git -C "$repo" worktree remove --force "$tmp/wt"

"$kseries" series -q --no-build --kernel "$repo" --rev shared-exit --out "$tmp/out" \
	> "$tmp/log" 2>&1
echo $? > "$tmp/rc"
check "series: an unbalanced bracket fails the revision (exit 1)" test "$(cat "$tmp/rc")" = 1
check "series: the error names file, function and the exit line" \
	grep -q 'mm/demo_shared.c:31: unbalanced: demo_shared_exit(): the range opened at line 15 is closed twice' "$tmp/log"
check "series: no patch carries the unbalanced file" sh -c "
	! grep -l 'demo_shared.c' '$tmp/out/shared-exit/series/'*.patch"
check "series: the other patches are still written" sh -c "
	ls '$tmp/out/shared-exit/series' | grep -q 'mm-rmap-update'"
check "series: report.json lists the check failure and the residual" python3 -c "
import json; r = json.load(open('$tmp/out/shared-exit/report.json'))
assert r['state'] == 'failed', r['state']
assert any('demo_shared_exit' in c for c in r['check_failures']), r['check_failures']
assert any(x.startswith('mm/demo_shared.c:') for x in r['residuals']), r['residuals']
"
check "series: report.txt says why" grep -q 'checks on what the rules wrote: 2 failures' \
	"$tmp/out/shared-exit/report.txt"
check "series: the patches that were written are balanced" sh -c "
	git -C '$repo' worktree add -q --detach '$tmp/am' shared-exit &&
	git -C '$tmp/am' -c user.name=t -c user.email=t@t am -q \$(ls '$tmp/out/shared-exit/series/'*.patch | grep -v 0000-cover)"
check "series: the applied result passes the independent balance check" balance_clean "$tmp/am"
finish
