#!/bin/sh
# e2e: kseries audit as an out-of-tree maintainer runs it: a module folder,
# text/JSON/SARIF output (SARIF checked by Microsoft's validator from npm),
# a fix written as a patch that applies, in place, the exit statuses and
# the usage errors.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_setup
cases="$top/tests/audit/cases"
mod="$tmp/mydrv"
mkdir -p "$mod/sub"
cp "$cases/designated_unguarded.c" "$mod/mn.c"
cp "$cases/review_extra_work.c" "$mod/sub/hv.c"
cp "$cases/false_friends.c" "$mod/swap.c"
cp "$cases/patch_file/0001-old-api.patch" "$mod/"
printf 'obj-m += mydrv.o\nmydrv-y := mn.o sub/hv.o swap.o\n' > "$mod/Kbuild"
cp -r "$mod" "$tmp/orig"

cd "$tmp" || exit 2
"$kseries" audit mydrv > out.txt 2> err.txt
echo $? > rc
check "audit: a module folder with errors: exit 1" test "$(cat rc)" = 1
check "audit: findings in compiler style, with ids" sh -c "
	grep -q '^mydrv/mn.c:31:21: error: .invalidate_page of mydrv_mn_ops: builds only before 4.13' out.txt &&
	grep -q '^mydrv/sub/hv.c:37:21: warning: hv_ops: review: .* \[kseries-verdict\]$' out.txt"
check "audit: stable order (file, line, column)" python3 -c "
keys = [(l.split(':')[0], int(l.split(':')[1]), int(l.split(':')[2])) for l in open('out.txt')]
assert keys == sorted(keys), keys"
check "audit: the false friends (frontswap, cleancache) are not findings" sh -c "! grep -q swap.c out.txt"
check "audit: the patch file is a note naming its kind" \
	grep -q '^mydrv/0001-old-api.patch:1:1: note: a patch file mentions invalidate_page' out.txt
check "audit: stderr says how many files and findings" grep -q 'audit: 3 C files hold the tokens' err.txt
"$kseries" audit -q mydrv/swap.c > friends.txt 2>&1
echo $? > rc
check "audit: a file with false friends only: exit 0, no output" sh -c "test \$(cat rc) = 0 && test ! -s friends.txt"

# JSON: the schema of docs/audit.md
"$kseries" audit -q --format json mydrv > out.json
check "audit --format json: the documented schema, the same findings" python3 -c "
import json; j = json.load(open('out.json'))
assert j['version'] == 1 and j['tool'] == 'kseries audit', j
s = j['summary']; f = j['findings']
assert s['files'] == 3 and s['errors'] + s['warnings'] + s['notes'] == len(f), s
assert len(f) == len(open('out.txt').read().splitlines()), len(f)
for x in f:
    assert set(x) == {'file', 'line', 'column', 'severity', 'id', 'message'}, x
    assert x['severity'] in ('error', 'warning', 'note') and x['id'].startswith('kseries-'), x
assert any(x['file'] == 'mydrv/sub/hv.c' and x['id'] == 'kseries-verdict' and x['severity'] == 'warning' for x in f)"

# SARIF 2.1.0, read by Microsoft's SARIF validator (npm @microsoft/sarif-multitool);
# its exit status says nothing, so its own results are read
"$kseries" audit -q --format sarif -o out.sarif mydrv
mt="$tmp/npm/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if ! command -v npm >/dev/null; then
	echo "FAIL audit --format sarif: npm is not installed, the SARIF validator cannot run (install nodejs and npm)"
elif ! npm install --silent --no-audit --no-fund --prefix "$tmp/npm" @microsoft/sarif-multitool \
	>/dev/null 2>&1 || ! [ -x "$mt" ]; then
	echo "FAIL audit --format sarif: cannot install @microsoft/sarif-multitool from npm"
else
	"$mt" validate out.sarif --output valid.sarif --level "Error;Warning;Note" --kind "Fail" \
		>/dev/null 2>&1
	check "audit --format sarif: the validator ran its rules on our file" python3 -c "
import json; v = json.load(open('valid.sarif'))
assert v['runs'][0]['invocations'][0]['executionSuccessful'], v
assert v['runs'][0]['results'], 'no result at all: the validator did not look'"
	check "audit --format sarif: the validator finds no error and no warning" python3 -c "
import json; v = json.load(open('valid.sarif'))
bad = [r for r in v['runs'][0]['results'] if r['level'] in ('error', 'warning')]
assert not bad, bad"
	# the same validator on a broken copy must complain, or the check above proves nothing
	python3 -c "
import json; s = json.load(open('out.sarif'))
r = s['runs'][0]['results'][0]['locations'][0]['physicalLocation']['region']
r['endLine'] = r['startLine'] - 1
json.dump(s, open('broken.sarif', 'w'))"
	"$mt" validate broken.sarif --output broken-valid.sarif --level "Error;Warning;Note" \
		--kind "Fail" >/dev/null 2>&1
	check "audit --format sarif: ... while it does find the error in a broken copy" python3 -c "
import json; v = json.load(open('broken-valid.sarif'))
assert any(r['level'] == 'error' for r in v['runs'][0]['results']), v['runs'][0]['results']"
	check "audit --format sarif: locations and levels as in the text output" python3 -c "
import json; s = json.load(open('out.sarif'))
res = s['runs'][0]['results']
text = open('out.txt').read().splitlines()
assert len(res) == len(text)
loc = res[0]['locations'][0]['physicalLocation']
first = text[0].split(':')
assert loc['artifactLocation']['uri'] == first[0] and loc['region']['startLine'] == int(first[1])
assert res[0]['level'] == first[3].strip()"
fi

# --fix convert: the module's own callers get the series' caller rules and
# its balance check; what they cannot convert is named
mkdir conv
cp "$cases/call_convert/clean.c" conv/clean.c
cp "$cases/call_old_api.c" conv/shim.c
cp "$top/tests/cocci/caller_lookup_shared_exit.c" conv/shared.c
sed -i '1i #include <linux/mmu_notifier.h>' conv/shared.c
cp -r conv conv.orig
"$kseries" audit -q --fix convert -o conv.patch conv 2> conv.err
echo $? > rc
check "audit --fix convert: exit 1 (uses left to convert by hand)" test "$(cat rc)" = 1
check "audit --fix convert: the rmap-shaped caller bracketed over the compound page" sh -c "
	grep -q '^+	mmu_notifier_invalidate_range_start(mm, start, end);' conv.patch &&
	grep -q '^+		mmu_notifier_invalidate_range(mm, address, address + PAGE_SIZE);' conv.patch &&
	grep -q '^-		mmu_notifier_invalidate_page(mm, address);' conv.patch"
check "audit --fix convert: the patch applies from the module's folder, the result balanced" sh -c "
	cp -r conv.orig conv.applied && cd conv.applied && git apply ../conv.patch" &&
	check "audit --fix convert: ... every range opened is closed once on every path" \
		balance_clean "$tmp/conv.applied/clean.c"
check "audit --fix convert: a shape no rule knows: named, by hand, not in the patch" sh -c "
	grep -q 'conv/shim.c:7: not converted' conv.err && ! grep -q 'shim.c' conv.patch"
check "audit --fix convert: the balance check refuses a doubled end: named, not in the patch" sh -c "
	grep -q 'closed twice' conv.err && grep -q 'conv/shared.c:[0-9]*: not converted' conv.err &&
	! grep -q 'shared.c' conv.patch"
check "audit --fix convert: the module untouched without --in-place" diff -r conv conv.orig

# --fix guard: a patch for git apply; the module then builds on both sides
"$kseries" audit -q --fix guard -o guard.patch mydrv
echo $? > rc
check "audit --fix guard -o FILE: a patch, the module untouched" sh -c "
	test -s guard.patch && diff -r orig mydrv >/dev/null"
check "audit --fix guard: the patch applies with git apply, from the module's folder" sh -c "
	cp -r orig applied && cd applied && git apply ../guard.patch &&
	grep -q '^#if KERNEL_VERSION(4, 13, 0) > LINUX_VERSION_CODE' mn.c"
# however PATH is spelt, the patch's paths are the module's own
mkdir -p elsewhere/deeper
for spelling in "$tmp/mydrv" "$tmp/mydrv/" "elsewhere/deeper/../../mydrv" "./mydrv/sub/.."; do
	(cd "$tmp" && "$kseries" audit -q --fix guard "$spelling") > spelt.patch 2>/dev/null
	check "audit --fix guard $spelling: the same patch as for mydrv" cmp -s guard.patch spelt.patch
done
check "audit --fix guard: paths relative to the module's folder (a/mn.c, a/sub/hv.c)" sh -c "
	grep -q '^diff --git a/mn.c b/mn.c' guard.patch && grep -q '^+++ b/sub/hv.c' guard.patch &&
	! grep -q 'mydrv/' guard.patch"
"$kseries" audit -q --fix guard "$tmp/mydrv/sub/hv.c" > file.patch 2>/dev/null
check "audit --fix guard of a file: relative to its folder, applies there with patch -p1" sh -c "
	grep -q '^+++ b/hv.c' file.patch && cp -r orig p1 && cd p1/sub && patch -s -p1 < ../../file.patch"
# inside a git work tree: relative to its top level, where git apply reads them from
mkdir -p repo/drivers && cp -r orig repo/drivers/mydrv && git -C repo init -q &&
	git -C repo add . && git -C repo -c user.name=t -c user.email=t@t commit -qm t
(cd repo/drivers && "$kseries" audit -q --fix guard mydrv) > repo.patch 2>/dev/null
check "audit --fix guard in a git tree: paths from its top level" \
	grep -q '^diff --git a/drivers/mydrv/mn.c b/drivers/mydrv/mn.c' repo.patch
check "audit --fix guard in a git tree: git apply takes it from the module's folder" sh -c "
	cd repo/drivers/mydrv && git apply ../../../repo.patch && git diff --quiet -- . && exit 1;
	grep -q '^#if KERNEL_VERSION(4, 13, 0) > LINUX_VERSION_CODE' mn.c"
check "audit --fix guard: the patch touches no false friend" sh -c "! grep -q 'swap.c' guard.patch"
"$kseries" audit -q --fix delete --in-place mydrv 2> delete.err
echo $? > rc
check "audit --fix delete --in-place: the files are changed" sh -c "
	! grep -q 'invalidate_page = mydrv_invalidate_page' mydrv/mn.c &&
	! grep -q 'mydrv_invalidate_page' mydrv/mn.c && grep -q 'mydrv_range_start' mydrv/mn.c"
"$kseries" audit -q mydrv > after.txt
check "audit: after --fix delete, nothing that breaks the 4.13 build is left" sh -c "
	! grep -v 'kseries-verdict' after.txt | grep -q ': error: '"

# the build proof: the module, fixed in a copy, built with make M= against
# each revision of the demo kernel (before and from 4.13)
"$here/make-demo-repo.sh" "$tmp/kernel" >/dev/null
mkdir -p proof && cp "$cases/designated_unguarded.c" proof/mn.c && printf 'obj-m += mn.o\n' > proof/Kbuild
"$kseries" audit -q --kernel "$tmp/kernel" --rev v4.12-demo --rev v4.13-demo proof > proof.out 2>&1
echo $? > rc
check "audit build proof: the module as it is: exit 1" test "$(cat rc)" = 1
check "audit build proof: ... builds before 4.13, not from 4.13, with the compiler's reason" sh -c "
	grep -q '^build proof: v4.12-demo (.*, x86_64): builds' proof.out &&
	grep -q '^build proof: v4.13-demo (.*, x86_64): does not build' proof.out &&
	grep -q 'has no member named .invalidate_page.' proof.out"
check "audit build proof: ... names the module's own path in the compiler's error, no scratch path" sh -c "
	grep -q 'proof/mn.c:[0-9]*:[0-9]*: error: .* has no member named .invalidate_page.' proof.out &&
	! grep -q 'module-[0-9]/mn.c' proof.out"
check "audit build proof: ... where no object built, the old API's use is not called unreferenced" \
	grep -q '^build proof: v4.13-demo (.*, x86_64): does not build; no object of the audited files was built, so whether the old API is referenced is not known' proof.out
check "audit build proof: ... and says modpost had no Module.symvers" \
	grep -q 'no Module.symvers, so modpost did not check' proof.out
"$kseries" audit -q --fix guard -o proof.patch --kernel "$tmp/kernel" --rev v4.12-demo \
	--rev v4.13-demo proof 2> proof-fixed.out
check "audit build proof: with --fix guard, the module builds on both sides" sh -c "
	test \$(grep -c '^build proof: .*: builds; the old API is not referenced' proof-fixed.out) = 2"
check "audit build proof: ... the module itself untouched" cmp proof/mn.c "$cases/designated_unguarded.c"
mkdir -p probed && cp "$cases"/kbuild_module/* probed/
"$kseries" audit -q --fix probe -o probed.patch --kernel "$tmp/kernel" --rev v4.12-demo \
	--rev v4.13-demo probed 2> probed.out
check "audit build proof: --fix probe says per tree whether the probe defined its macro" sh -c "
	grep -A1 '^build proof: v4.12-demo .*: builds' probed.out | grep -q '^    probe HAVE_MMU_NOTIFIER_INVALIDATE_PAGE: defined by the module.s own build on this tree' &&
	grep -A1 '^build proof: v4.13-demo .*: builds' probed.out | grep -q '^    probe HAVE_MMU_NOTIFIER_INVALIDATE_PAGE: not defined by the module.s own build on this tree'"
(cd probed && git apply ../probed.patch 2>/dev/null || patch -s -p1 < ../probed.patch)
"$kseries" audit -q probed > probed-again.out 2>&1
rc=$?
check "audit: the module fixed by --fix probe audits clean (exit $rc)" sh -c "
	test $rc = 0 && ! grep -q ': warning: \|: error: ' probed-again.out && grep -q 'tests for invalidate_page, right on every kernel' probed-again.out"
check "audit build proof: the user's kernel repo has no worktree left" \
	test "$(git -C "$tmp/kernel" worktree list | wc -l)" = 1
mkdir -p confmod && cp "$cases/designated_unguarded.c" confmod/mn.c && touch confmod/configure.ac confmod/Makefile.in
"$kseries" audit -q --kernel "$tmp/kernel" --rev v4.12-demo confmod > conf.out 2>&1
check "audit build proof: a module with a configure step is skipped, never passed" sh -c "
	grep -q 'skipped: the module.s build needs a configure step' conf.out"
"$kseries" audit --kernel "$tmp/kernel" mydrv > e5 2>&1; echo $? > rc
check "audit build proof: --kernel without --rev is exit 2" sh -c "
	test \$(cat rc) = 2 && grep -q 'needs both --kernel REPO and --rev REV' e5"

# usage errors: exit 2 with the fix named
check_fails "audit: no path" "$kseries" audit
"$kseries" audit --format xml mydrv > e1 2>&1; echo $? > rc
check "audit: --format xml is exit 2, naming the formats" sh -c "
	test \$(cat rc) = 2 && grep -q 'give text, json or sarif' e1"
"$kseries" audit --in-place mydrv > e2 2>&1; echo $? > rc
check "audit: --in-place without --fix is exit 2" sh -c "test \$(cat rc) = 2 && grep -q 'add --fix MODE' e2"
"$kseries" audit --fix magic mydrv > e3 2>&1; echo $? > rc
check "audit: an unknown fix mode is exit 2, naming it" sh -c "test \$(cat rc) = 2 && grep -q 'no such fix' e3"
"$kseries" audit nowhere > e4 2>&1; echo $? > rc
check "audit: a path that does not exist is exit 2" sh -c "test \$(cat rc) = 2 && grep -q 'cannot read nowhere' e4"
finish
