#!/bin/sh
# e2e: kseries series on the demo kernel repo: the series, its reports, the
# contracts on the user's repo (untouched, even when killed) and the errors.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup

repo_state > "$tmp/state.before"
repo_unchanged() { repo_state | diff "$tmp/state.before" -; }
# the same, but branches made with --branch kseries are allowed
repo_unchanged_but_branches() { repo_state | grep -v 'refs/heads/kseries/\|^branch\.kseries/.*\.b4-prep-cover-strategy=commit$' | diff "$tmp/state.before" -; }
# run series, expect exit 2 and a message matching $1
fails_with() {
	want=$1; shift
	"$kseries" series -q "$@" > "$tmp/err.out" 2>&1
	rc=$?
	cat "$tmp/err.out"
	[ $rc -eq 2 ] && grep -q -- "$want" "$tmp/err.out"
}

check "series: three revisions, exit 0" "$kseries" series -q --kernel "$repo" \
	--rev v4.9-demo --rev v4.12-demo --rev v4.13-demo --out "$tmp/out"
s="$tmp/out/v4.12-demo/series"
check "series: user's repo unchanged (HEAD, status, refs, worktrees, stash, index)" repo_unchanged
check "series: worktrees removed" sh -c "test \$(git -C '$repo' worktree list | wc -l) -eq 1 && ! test -e '$tmp/out/v4.12-demo/worktree'"
check "series v4.12: cover letter [PATCH 00/10] with a diffstat of the series files" sh -c "
	grep -q '^Subject: \[PATCH 00/10\] mmu_notifier: kill invalidate_page callback' '$s/0000-cover-letter.patch' &&
	grep -q 'mm/rmap.c  *|' '$s/0000-cover-letter.patch' && grep -q '17 files changed' '$s/0000-cover-letter.patch'"
check "series v4.12: subjects in manifest order, catch-all before the API removal" sh -c "
	grep -h '^Subject:' '$s'/00[0-9][1-9]-*.patch '$s'/0010-*.patch | sed 's/^Subject: \[PATCH [0-9]*\/10\] //' > '$tmp/subjects' &&
	printf '%s\n' 'dax: update to new mmu_notifier semantic' 'mm/rmap: update to new mmu_notifier semantic' \
	'drm/amdgpu: update to new mmu_notifier semantic' 'IB/umem: update to new mmu_notifier semantic' \
	'IB/hfi1: update to new mmu_notifier semantic' 'sgi-gru: update to new mmu_notifier semantic' \
	'xen/gntdev: update to new mmu_notifier semantic' 'KVM: update to new mmu_notifier semantic' \
	'demo: update to new mmu_notifier semantic' 'mm/mmu_notifier: kill invalidate_page' | diff - '$tmp/subjects'"
check "series v4.12: the catch-all patch holds only the unowned file" sh -c "
	grep '^ [a-z].*|' '$s/0009-demo-update-to-new-mmu_notifier-semantic.patch' | grep -q 'drivers/iommu/demo_svm.c' &&
	test \$(grep -c '^ [a-z].*|' '$s/0009-demo-update-to-new-mmu_notifier-semantic.patch') -eq 1"
check "series v4.12: commit messages wrapped at 75 columns" sh -c "
	! sed -n '/^Subject/,/^---$/p' '$s/0002-mm-rmap-update-to-new-mmu_notifier-semantic.patch' | sed 1d | grep -q '.\{76\}'"

# git am on a clean checkout gives exactly the tree rewrite gives
git -C "$repo" worktree add -q --detach "$tmp/am" v4.12-demo
git -C "$repo" worktree add -q --detach "$tmp/rw" v4.12-demo
check "series v4.12: git am applies the series cleanly" sh -c "
	cd '$tmp/am' && git -c user.name=t -c user.email=t@t am -q '$s'/00[0-9][1-9]-*.patch '$s'/0010-*.patch"
"$kseries" rewrite -q "$tmp/rw" >/dev/null 2>&1
check "series v4.12: git am result == rewrite result, byte for byte" \
	diff -r -x .git "$tmp/am" "$tmp/rw"
git -C "$repo" worktree remove --force "$tmp/am"; git -C "$repo" worktree remove --force "$tmp/rw"
repo_state > "$tmp/state.before"

check "series v4.9: a series of its own" sh -c "ls '$tmp/out/v4.9-demo/series' | grep -q 'mm-rmap-update'"
check "series v4.13: empty series, report says already converted" sh -c "
	test -z \"\$(ls '$tmp/out/v4.13-demo/series')\" && grep -q '^state: already-converted' '$tmp/out/v4.13-demo/report.txt'"
check "series: report.json is valid JSON with the counts" python3 -c "
import json; r = json.load(open('$tmp/out/v4.12-demo/report.json'))
assert r['state'] == 'converted' and r['found']['callers'] >= 3 and r['found']['callbacks'] >= 8, r['found']
assert r['residuals'] == [] and len(r['patches']) == 10 and r['patches'][8]['catch_all'], r
assert r['check_failures'] == [] and r['unchecked'] == 0, r['check_failures']
assert len(r['build']['archs']) == 6
p = r['build']['proof']
assert p['complete'] and p['hunks_proven'] == p['hunks_total'] == 43, (p['hunks_proven'], p['hunks_total'])
assert all(c['proof']['unexpected'] == 0 for c in r['build']['archs']), r['build']['archs']
f = {x['file']: x for x in r['files']}
assert f['mm/rmap.c']['callers'] == 2 and f['mm/rmap.c']['patch'] == 2, f['mm/rmap.c']
assert f['drivers/iommu/demo_svm.c']['callbacks'] == 3 and f['drivers/iommu/demo_svm.c']['patch'] == 9
assert f['arch/x86/include/asm/kvm_host.h']['kvm_hooks'] == 1
assert all(x['residuals'] == 0 for x in r['files'])
assert r['checkpatch'].startswith('run'), r['checkpatch']
assert all(p['checkpatch']['errors'] == 1 for p in r['patches']), r['patches']
assert 'Missing Signed-off-by' in r['patches'][0]['checkpatch']['messages'][0]"
check "series: matrix.txt and matrix.json cover every revision" python3 -c "
import json; m = json.load(open('$tmp/out/matrix.json'))
assert [r['revision'] for r in m['revisions']] == ['v4.9-demo', 'v4.12-demo', 'v4.13-demo'], m
assert [r['state'] for r in m['revisions']] == ['converted', 'converted', 'already-converted'], m
assert 'v4.13-demo' in open('$tmp/out/matrix.txt').read()"
check "series: no INCOMPLETE marker after a full run" sh -c "! find '$tmp/out' -name INCOMPLETE | grep -q ."

check "series --jobs 2 --branch --signoff: exit 0" "$kseries" series -q --kernel "$repo" \
	--rev v4.9-demo --rev v4.12-demo --out "$tmp/out2" --jobs 2 --branch kseries --signoff
# the subject and the diff of every patch: what a run in parallel must not change
patch_content() {
	for f in "$1"/00[0-9][1-9]-*.patch "$1"/0010-*.patch; do
		grep '^Subject:' "$f"; sed -n '/^diff --git/,$p' "$f" | grep -v '^index '
	done
}
same_patches() { patch_content "$1" > "$tmp/a" && patch_content "$2" > "$tmp/b" && cmp "$tmp/a" "$tmp/b"; }
check "series --jobs 2: same patches as one at a time" \
	same_patches "$tmp/out/v4.12-demo/series" "$tmp/out2/v4.12-demo/series"
check "series --signoff: checkpatch of the tree finds no error" python3 -c "
import json; r = json.load(open('$tmp/out2/v4.12-demo/report.json'))
assert all(p['checkpatch']['errors'] == 0 for p in r['patches']), r['patches']"
check "series --signoff: Signed-off-by in every patch" sh -c "
	for f in '$tmp/out2/v4.12-demo/series'/00[0-9][1-9]-*.patch; do grep -q '^Signed-off-by: Demo Maintainer' \"\$f\" || exit 1; done"
check "series --branch: branches created" sh -c "
	git -C '$repo' rev-parse -q --verify kseries/v4.12-demo >/dev/null &&
	git -C '$repo' rev-parse -q --verify kseries/v4.9-demo >/dev/null"
check "series --branch: nothing else changed in the repo" repo_unchanged_but_branches
check "series --branch: the branch holds the series after b4's cover letter commit" sh -c "
	test \$(git -C '$repo' rev-list --count v4.12-demo..kseries/v4.12-demo) -eq 11"

# errors: one line naming the problem and the fix, exit 2, nothing presented as complete
check "series: unknown revision is exit 2, named" fails_with "unknown revision 'v9.9'" \
	--kernel "$repo" --rev v9.9 --out "$tmp/e1"
check "series: nothing written for an unknown revision" test ! -e "$tmp/e1"
check "series: existing output folder needs --force" fails_with "already exists.*--force" \
	--kernel "$repo" --rev v4.12-demo --out "$tmp/out"
mkdir -p "$tmp/notkernel/src" && echo 'int x;' > "$tmp/notkernel/src/x.c"
git -C "$tmp/notkernel" init -q && git -C "$tmp/notkernel" add -A &&
	git -C "$tmp/notkernel" -c user.name=t -c user.email=t@t commit -q -m x
check "series: a repo that is not a kernel is exit 2" fails_with "not a kernel tree" \
	--kernel "$tmp/notkernel" --rev HEAD --out "$tmp/e2"
check "series: spatch missing is exit 2" sh -c "
	PATH=/usr/bin/nonexistent:/nonexistent '$kseries' series --kernel '$repo' --rev v4.12-demo --out '$tmp/e3' 2>'$tmp/err.out';
	test \$? -eq 2 && grep -q 'spatch not found' '$tmp/err.out'"
check "series: unwritable output is exit 2" fails_with "output folder" \
	--kernel "$repo" --rev v4.12-demo --out /proc/kseries-out
git clone -q "$repo" "$tmp/anon"
mkdir -p "$tmp/home"
check "series: no git identity is exit 2, with the fix, before anything is written" sh -c "
	HOME='$tmp/home' XDG_CONFIG_HOME='$tmp/home' GIT_CONFIG_NOSYSTEM=1 '$kseries' series -q \
		--kernel '$tmp/anon' --rev origin/master --out '$tmp/e5' 2>'$tmp/err.out';
	test \$? -eq 2 && grep -q 'git config --global user.name' '$tmp/err.out' && ! test -e '$tmp/e5'"
check "series: --rev without a value is exit 2" fails_with "needs a value" --kernel "$repo" --rev

# the build matrix: five arches and the series' variant, before and after the series
check "series build: five arches and a variant built, objects before and after" python3 -c "
import json; r = json.load(open('$tmp/out/v4.12-demo/report.json'))
cells = r['build']['archs']
assert [c['arch'] for c in cells] == ['x86_64', 'arm64', 'arm', 'powerpc', 'mips', 'x86_64-nomn'], cells
assert cells[5]['built'] == ['fs/dax.o', 'mm/rmap.o'], cells[5]
assert all(c['state'] == 'ok' and c['regressions'] == [] for c in cells), cells
x86 = cells[0]['built']
assert 'mm/rmap.o' in x86 and 'fs/dax.o' in x86 and 'arch/x86/kvm/x86.o' in x86, x86
assert 'arch/x86/kvm/x86.o' not in cells[1]['built'], cells[1]
cov = r['build']['coverage']
assert cov['not_compiled'] == [] and 'include/linux/mmu_notifier.h' in cov['compiled'], cov
assert len(cov['compiled']) == sum(len(p['files']) for p in r['patches']), cov
m = json.load(open('$tmp/out/matrix.json'))
assert [c['state'] for c in m['revisions'][1]['build']] == ['ok'] * 6, m
assert m['revisions'][1]['proof'] == '43/43', m['revisions'][1]['proof']"
check "series build: an already converted revision builds nothing" sh -c "
	grep -q '^build: skipped: the series is empty' '$tmp/out/v4.13-demo/report.txt'"

# a conversion that breaks the build: a walker with a local 'start' of its own
git -C "$repo" worktree add -q -b clash "$tmp/clash-wt" v4.12-demo
sed -i 's/^\tint \*cleaned = arg;$/\tint *cleaned = arg;\n\tunsigned long start = 0;/' "$tmp/clash-wt/mm/rmap.c"
sed -i 's/^\treturn true;$/\treturn start == 0;/' "$tmp/clash-wt/mm/rmap.c"
# and a file that never built: its failure is not the series' fault
sed -i 's|^#include <linux/mmu_notifier.h>$|#include <linux/mmu_notifier.h>\n#include <linux/no_such_header.h>|' \
	"$tmp/clash-wt/drivers/xen/gntdev.c"
git -C "$tmp/clash-wt" commit -q -am "mm: a local named start"
git -C "$repo" worktree remove --force "$tmp/clash-wt"
"$kseries" series -q --kernel "$repo" --rev clash --arch x86_64 --arch arm64 --out "$tmp/clash" >/dev/null 2>&1
check "series build: a failed build makes exit 1" test $? -eq 1
check "series build: the regression is named, per arch" python3 -c "
import json; r = json.load(open('$tmp/clash/clash/report.json'))
cells = r['build']['archs']
assert [c['arch'] for c in cells] == ['x86_64', 'arm64', 'x86_64-nomn'], cells
assert all(c['state'] == 'failed' and c['regressions'] == ['mm/rmap.o'] for c in cells), cells
assert all('drivers/xen/gntdev.o' in c['not_buildable'] for c in cells[:2]), cells
assert 'mm/rmap.c' in r['build']['coverage']['not_compiled'], r['build']['coverage']
assert r['state'] == 'failed'"
git -C "$repo" branch -q -D clash

# a missing cross compiler is a skipped cell with the fix, never a pass
mkdir -p "$tmp/bin"
for f in /usr/bin/*; do case $f in */aarch64-linux-gnu-*) ;; *) ln -s "$f" "$tmp/bin/" ;; esac; done
PATH="$tmp/bin" "$kseries" series -q --kernel "$repo" --rev v4.12-demo --arch arm64 --arch x86_64 \
	--out "$tmp/nocross" >/dev/null 2>&1
check "series build: no cross compiler: the cell is skipped, with the package to install" python3 -c "
import json; r = json.load(open('$tmp/nocross/v4.12-demo/report.json'))
c = {x['arch']: x for x in r['build']['archs']}
assert c['arm64']['state'] == 'skipped' and 'apt-get install gcc-aarch64-linux-gnu' in c['arm64']['reason'], c
assert c['x86_64']['state'] == 'ok', c"
# bisectability: a manifest that removes the API first builds at its end, not in between
cp -R "$here/../../cocci" "$tmp/cocci-api-first"
python3 - "$tmp/cocci-api-first/series.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
m["patches"].insert(0, m["patches"].pop())
json.dump(m, open(sys.argv[1], "w"), indent=1)
PY
KSERIES_COCCI_DIR="$tmp/cocci-api-first" "$kseries" series -q --kernel "$repo" --rev v4.12-demo \
	--arch x86_64 --out "$tmp/apifirst" >/dev/null 2>&1
check "series build: a patch in the middle that does not build makes exit 1" test $? -eq 1
check "series build: the unbisectable patch and object are named" python3 -c "
import json; r = json.load(open('$tmp/apifirst/v4.12-demo/report.json'))
c = r['build']['archs'][0]
assert c['state'] == 'failed' and c['regressions'] == [], c
# catch-alls go before the patch that removes the API: it is 0001 or 0002
assert any(f[:4] in ('0001', '0002') and f[4:] == ' mm/mmu_notifier: kill invalidate_page: mm/rmap.o'
           for f in c['bisect_failures']), c"
check "series build: the real manifest builds patch by patch" python3 -c "
import json; r = json.load(open('$tmp/out/v4.12-demo/report.json'))
cells = r['build']['archs']
assert all(c['bisect_failures'] == [] for c in cells), r['build']
assert all(c['patches_built'] >= 8 for c in cells if c['arch'] != 'x86_64-nomn'), r['build']
# the variant builds only its own objects: the patches that touch them
assert 1 <= cells[-1]['patches_built'] < 8, cells[-1]"
check "series: --no-build says so in the report" sh -c "
	'$kseries' series -q --no-build --kernel '$repo' --rev v4.12-demo --out '$tmp/nobuild' >/dev/null 2>&1 &&
	grep -q '^build: skipped: --no-build' '$tmp/nobuild/v4.12-demo/report.txt'"
check "series: an unknown --arch is exit 2" fails_with "unknown architecture 'sparc'" \
	--kernel "$repo" --rev v4.12-demo --arch sparc --out "$tmp/e4"
repo_state > "$tmp/state.before"

# a caller in a shape no rule knows: reported as a residual, exit 1, never half-done
git -C "$repo" worktree add -q -b odd "$tmp/odd-wt" v4.12-demo
mkdir -p "$tmp/odd-wt/drivers/misc"
cat > "$tmp/odd-wt/drivers/misc/odd.c" <<'C'
#include <linux/mmu_notifier.h>

void odd_flush(struct mm_struct *mm, unsigned long address)
{
	mmu_notifier_invalidate_page(mm, address);
}
C
git -C "$tmp/odd-wt" add -A && git -C "$tmp/odd-wt" commit -q -m "misc: an odd caller"
git -C "$repo" worktree remove --force "$tmp/odd-wt"
"$kseries" series -q --kernel "$repo" --rev odd --out "$tmp/odd" >/dev/null 2>&1
check "series: an unconvertible caller makes exit 1" test $? -eq 1
check "series: the report names it as a residual" sh -c "
	grep -q 'ERROR drivers/misc/odd.c:5:.*caller: call of mmu_notifier_invalidate_page' '$tmp/odd/odd/report.txt' &&
	grep -q '^state: failed' '$tmp/odd/odd/report.txt'"
check "series: the unconvertible file is in no patch" sh -c "! grep -l 'drivers/misc/odd.c' '$tmp/odd/odd/series/'*.patch"
git -C "$repo" branch -q -D odd
repo_state > "$tmp/state.before"

# a plain directory is taken as a snapshot
git -C "$repo" worktree add -q --detach "$tmp/plain-wt" v4.12-demo
cp -R "$tmp/plain-wt" "$tmp/plain" && rm -f "$tmp/plain/.git"
git -C "$repo" worktree remove --force "$tmp/plain-wt"
check "series: a plain kernel directory works" env GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@t \
	GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@t sh -c "
	'$kseries' series -q --kernel '$tmp/plain' --out '$tmp/out3' >/dev/null 2>&1 &&
	ls '$tmp/out3/HEAD/series' | grep -q 'kill-invalidate_page' && ! test -e '$tmp/out3/.kernel-snapshot.git'"

# killed in the middle: worktrees gone, output marked incomplete, repo unchanged
repo_state > "$tmp/state.before"
"$kseries" series -q --kernel "$repo" --rev v4.9-demo --rev v4.12-demo --rev v4.13-demo \
	--out "$tmp/killed" > /dev/null 2>&1 &
pid=$!
wait_for_path "$tmp/killed/v4.9-demo/worktree" "$pid"
kill -TERM $pid; wait $pid 2>/dev/null
check "series killed: worktrees removed" sh -c "
	test \$(git -C '$repo' worktree list | wc -l) -eq 1 && ! find '$tmp/killed' -name worktree | grep -q ."
check "series killed: output marked incomplete" test -e "$tmp/killed/INCOMPLETE"
check "series killed: user's repo unchanged" repo_unchanged

# Ctrl-C: the same for SIGINT
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --out "$tmp/interrupted" > /dev/null 2>&1 &
pid=$!
wait_for_path "$tmp/interrupted/v4.12-demo/worktree" "$pid"
kill -INT $pid; wait $pid 2>/dev/null
check "series interrupted (SIGINT): worktrees removed" sh -c "
	test \$(git -C '$repo' worktree list | wc -l) -eq 1 && ! find '$tmp/interrupted' -name worktree | grep -q ."
check "series interrupted (SIGINT): output marked incomplete" test -e "$tmp/interrupted/INCOMPLETE"
finish
