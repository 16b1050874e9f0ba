#!/bin/sh
# e2e (issue 16): the build picks names from the tree and cleans its own
# worktree; `kseries matrix` merges separate runs (one per arch, one per
# revision) into one matrix.txt/json/html, refuses runs that disagree unless
# --prefer newest, and judges the merged proof.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
py=python3

# --- a tree that commits in-tree build output (include/config): Kbuild refuses O= beside it;
# and, as an old tree on today's make, its own mrproper rule fails (issue 34, item 7)
git -C "$repo" checkout -q -b leftovers v4.12-demo
mkdir -p "$repo/include/config"
echo 'CONFIG_DEMO=y' > "$repo/include/config/auto.conf"
git -C "$repo" add -f include/config/auto.conf
python3 - "$repo/Makefile" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
s = s.replace("mrproper: FORCE\n", "mrproper: FORCE\n\t@echo 'usr/Makefile:64: *** multiple target patterns.  Stop.' >&2; exit 2\n", 1)
open(p, 'w').write(s)
PY
git -C "$repo" add Makefile
git -C "$repo" commit -q -m "demo: a snapshot with in-tree build leftovers"
git -C "$repo" checkout -q v4.12-demo
before=$(repo_state)
"$kseries" series --kernel "$repo" --rev leftovers --arch x86_64 --no-bisect --allow-unproven \
	--out "$tmp/left" > "$tmp/left.log" 2>&1
check "leftovers: the run builds (exit 0) in spite of include/config" test $? -eq 0
check "leftovers: the x86_64 cell built its objects" $py -c "
import json, sys
c = json.load(open('$tmp/left/leftovers/report.json'))['build']['archs'][0]
sys.exit(not (c['arch'] == 'x86_64' and c['state'] == 'ok' and len(c['built']) > 5))"
check "leftovers: removed by kseries, not the tree's (failing) mrproper, and the report says so" \
	grep -q 'in-tree build leftovers removed from the build worktree: include/config' \
	"$tmp/left/leftovers/report.txt"
check "leftovers: the user's repo is untouched" test "$before" = "$(repo_state)"

# --- a tree without the arch's defconfig: the cell fails before any object, and proves nothing
git -C "$repo" checkout -q -b nodefconfig v4.12-demo
git -C "$repo" rm -q arch/x86/configs/x86_64_defconfig
git -C "$repo" commit -q -m "demo: no x86_64_defconfig"
git -C "$repo" checkout -q v4.12-demo
"$kseries" series --kernel "$repo" --rev nodefconfig --arch x86_64 --no-bisect --allow-unproven \
	--out "$tmp/nodef" > "$tmp/nodef.log" 2>&1
check "no defconfig: exit 1" test $? -eq 1
check "no defconfig: the cell fails naming what the tree lacks" \
	grep -q 'config: none of x86_64_defconfig is in this tree (arch/x86/configs)' "$tmp/nodef/nodefconfig/report.txt"
check "no defconfig: no cell built, so no hunk is proven (never 'complete')" $py -c "
import json, sys
p = json.load(open('$tmp/nodef/nodefconfig/report.json'))['build']['proof']
sys.exit(not (p['complete'] is False and p['hunks_proven'] == 0 and p['hunks_total'] > 0 and
              'no cell built its objects' in p['hunks'][0]['unproven'][0]['why']))"

# --- three runs, as three CI jobs would make them
run() { # NAME REV ARCH...
	name=$1 rev=$2
	shift 2
	set -- $(printf -- '--arch %s ' "$@")
	"$kseries" series --kernel "$repo" --rev "$rev" "$@" --no-bisect --allow-unproven \
		--out "$tmp/$name" > "$tmp/$name.log" 2>&1
}
run x86 v4.12-demo x86_64 arm64; rc_x86=$?
run arm v4.12-demo arm powerpc mips; rc_arm=$?
run old v4.9-demo powerpc; rc_old=$?
check "runs: each job exits 0 (--allow-unproven)" test "$rc_x86$rc_arm$rc_old" = 000
check "names: v4.9-demo has no powernv_defconfig: ppc64le_defconfig, said so" $py -c "
import json, sys
c = json.load(open('$tmp/old/v4.9-demo/report.json'))['build']['archs'][0]
sys.exit(not (c['arch'] == 'powerpc' and c['defconfig'] == 'ppc64le_defconfig' and
              c['defconfig_note'] == 'ppc64le_defconfig (powernv_defconfig: not in this tree)'))"
check "names: a symbol the tree's Kconfig lacks is 'not in this tree', not 'dropped'" $py -c "
import json, sys
old = json.load(open('$tmp/old/v4.9-demo/report.json'))['build']['archs'][0]
# the x86_64 cell of the v4.12-demo run
new = json.load(open('$tmp/x86/v4.12-demo/report.json'))['build']['archs'][0]
sys.exit(not ('USERFAULTFD' in old['config_not_in_tree'] and 'USERFAULTFD' not in old['fragment_dropped']
              and not new['config_not_in_tree'] and new['defconfig'] == 'x86_64_defconfig'))"
check "names: report.txt names the defconfig choice" \
	grep -q 'config: ppc64le_defconfig (powernv_defconfig: not in this tree)' "$tmp/old/v4.9-demo/report.txt"
check "proof: x86_64 and arm64 alone leave v4.12-demo's other arches' headers not built in this run" $py -c "
import json, sys
p = json.load(open('$tmp/x86/v4.12-demo/report.json'))['build']['proof']
sys.exit(not (p['complete'] and p['hunks_elsewhere'] > 0 and p['hunks_proven'] < p['hunks_total'] and
              sorted(p['not_in_run']) == ['arm', 'mips', 'powerpc']))"

"$kseries" matrix --out "$tmp/merged" "$tmp/x86" "$tmp/arm" "$tmp/old" > "$tmp/merge.log" 2>&1
rc=$?
check "merge: exit 1: v4.9-demo's powerpc run alone leaves lines unproven" test $rc -eq 1
"$kseries" matrix --allow-unproven --out "$tmp/merged2" "$tmp/x86" "$tmp/arm" "$tmp/old" \
	> "$tmp/merge2.log" 2>&1
check "merge: exit 0 with --allow-unproven: every cell ok" test $? -eq 0
"$kseries" matrix --out "$tmp/merged3" "$tmp/arm" "$tmp/x86" > "$tmp/merge3.log" 2>&1
check "merge: exit 0 for v4.12-demo alone: its two runs prove every line" test $? -eq 0
check "merge: matrix.json has both revisions, the cells of every run" $py -c "
import json, sys
m = json.load(open('$tmp/merged/matrix.json'))
rows = {r['revision']: r for r in m['revisions']}
cells = {r: sorted(c['arch'] + ':' + c['state'] for c in rows[r]['build']) for r in rows}
want = {'v4.12-demo': ['arm64:ok', 'arm:ok', 'mips:ok', 'powerpc:ok', 'x86_64-nomn:ok', 'x86_64:ok'],
        'v4.9-demo': ['powerpc:ok']}
sys.exit(not (cells == want and 'x86_64-nomn' in m['archs']))" 
check "merge: the two runs' proofs together prove v4.12-demo" $py -c "
import json, sys
p = json.load(open('$tmp/merged/v4.12-demo/report.json'))['build']['proof']
sys.exit(not (p['complete'] and p['hunks_proven'] == p['hunks_total'] > 0))"
check "merge: each run's logs and report are copied beside the merge" \
	test -s "$tmp/merged/v4.12-demo/input-1/build/x86_64.log" -a \
	-s "$tmp/merged/v4.12-demo/input-2/build/mips.log" -a -s "$tmp/merged/v4.9-demo/input-1/report.txt"
check "merge: matrix.txt and matrix.html are written" \
	test -s "$tmp/merged/matrix.txt" -a -s "$tmp/merged/matrix.html"
check "merge: no INCOMPLETE marker once done" test ! -e "$tmp/merged/INCOMPLETE"

# matrix.html holds what matrix.json says, cell by cell, and links that resolve
check "html: every cell of matrix.json, with its state and counts, and its log links" \
	$py "$here/../matrix_html_check.py" "$tmp/merged"

# --- two runs that disagree on one cell
cp -R "$tmp/x86" "$tmp/x86b"
$py -c "
import json
p = '$tmp/x86b/v4.12-demo/report.json'
r = json.load(open(p))
r['build']['archs'][0]['state'] = 'failed'
r['build']['archs'][0]['regressions'] = ['mm/rmap.o']
r['finished'] = '2099-01-01T00:00:00Z'
json.dump(r, open(p, 'w'))"
"$kseries" matrix --out "$tmp/conflict" "$tmp/x86" "$tmp/x86b" > "$tmp/conflict.log" 2>&1
check "conflict: two results for one cell: exit 2" test $? -eq 2
check "conflict: the message names the revision, the arch and both runs" \
	grep -q "v4.12-demo x86_64: $tmp/x86 says ok, $tmp/x86b says failed" "$tmp/conflict.log"
"$kseries" matrix --prefer newest --force --out "$tmp/conflict" "$tmp/x86" "$tmp/x86b" \
	> "$tmp/newest.log" 2>&1
check "conflict: --prefer newest keeps the newer run's failed cell, exit 1" test $? -eq 1
check "conflict: the merged cell is the newer one" $py -c "
import json, sys
r = json.load(open('$tmp/conflict/matrix.json'))['revisions'][0]
sys.exit(not [c for c in r['build'] if c['arch'] == 'x86_64' and c['state'] == 'failed'])"

# --- bad input
"$kseries" matrix --out "$tmp/bad" "$tmp/x86" "$tmp/nowhere" > "$tmp/bad.log" 2>&1
check "bad input: a folder without matrix.json: exit 2, named, with the fix" \
	sh -c "test $? -eq 2 && grep -q '$tmp/nowhere holds no matrix.json: give the --out folder' '$tmp/bad.log'"
"$kseries" matrix --out "$tmp/x86" "$tmp/x86" > "$tmp/self.log" 2>&1
check "bad input: --out that is also an input: exit 2" \
	sh -c "test $? -eq 2 && grep -q 'hold one another' '$tmp/self.log'"
finish
