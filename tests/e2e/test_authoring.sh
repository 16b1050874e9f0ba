#!/bin/sh
# e2e: writing a new series. A strict manifest (a misspelt key or arch is an
# error that names the file, where, and the nearest valid key, said once,
# exit 2 before any work); rule files checked before any work; a rewrite
# that fails midway puts back what it changed; parse warnings that say where
# they are.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
export GIT_AUTHOR_NAME="Test" GIT_AUTHOR_EMAIL="test@example.org"
export GIT_COMMITTER_NAME="Test" GIT_COMMITTER_EMAIL="test@example.org"
git -C "$repo" worktree add -q --detach "$tmp/tree" v4.12-demo

# a copy of the shipped series with one edit: $1 is a python expression on d
series_edit() {
	rm -rf "$tmp/s" && cp -R "$top/cocci" "$tmp/s"
	python3 - "$tmp/s/series.json" "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
exec(sys.argv[2])
json.dump(d, open(sys.argv[1], "w"), indent=1)
PY
}
typo() {
	want=$1; edit=$2
	series_edit "$edit"
	rm -rf "$tmp/t"; cp -R "$tmp/tree" "$tmp/t"
	"$kseries" rewrite --series "$tmp/s" "$tmp/t" > "$tmp/typo.log" 2>&1
	rc=$?
	[ $rc = 2 ] || { echo "exit $rc"; return 1; }
	[ "$(grep -c 'error' "$tmp/typo.log")" = 1 ] || { cat "$tmp/typo.log"; return 1; }
	grep -qF "$tmp/s/series.json: $want" "$tmp/typo.log" || { cat "$tmp/typo.log"; return 1; }
	diff -r "$tmp/tree" "$tmp/t" > /dev/null || { echo "the tree was changed"; return 1; }
}
check "authoring: a misspelt optional top-level key: said once, with the nearest key, exit 2, nothing changed" \
	typo 'unknown key "preambel" in the manifest: did you mean "preamble"?' \
	'd["preambel"] = d.pop("preamble")'
check "authoring: a misspelt key of a patch names the patch" \
	typo 'unknown key "remove_api" in "patches" entry 13: did you mean "removes_api"?' \
	'd["patches"][-1]["remove_api"] = d["patches"][-1].pop("removes_api")'
check "authoring: \"buid\"" typo 'unknown key "buid" in the manifest: did you mean "build"?' \
	'd["buid"] = d.pop("build")'
check "authoring: \"kind\"" typo 'unknown key "kind" in the manifest: did you mean "kinds"?' \
	'd["kind"] = d.pop("kinds")'
check "authoring: an arch \"x68_64\"" \
	typo 'unknown architecture "x68_64" in "build"."config": did you mean "x86_64"?' \
	'd["build"]["config"]["x68_64"] = d["build"]["config"].pop("x86_64")'
check "authoring: a key nothing is close to lists the valid ones" \
	typo 'unknown key "zzzzzzzz" in "catchall": the keys here are "subject", "message", "prefixes"' \
	'd["catchall"]["zzzzzzzz"] = 1'

# a parse warning names where it is: a type, a function, or outside any
cp -R "$tmp/tree" "$tmp/pw" && rm -f "$tmp/pw/.git"
cat > "$tmp/pw/drivers/misc/odd.c" <<'EOF'
/* This driver never used invalidate_page. */
#include <linux/mmu_notifier.h>

struct odd_dev {
	int regs[4] __odd_aligned(8) __odd_more(9) ;
	struct mmu_notifier mn;
};
EOF
"$kseries" rewrite --report "$tmp/pw" > "$tmp/pw.log" 2>&1
check "authoring: a parse warning inside a struct names the type, never (in ?)" sh -c "
	grep -q 'spatch cannot parse drivers/misc/odd.c:5 (in the type odd_dev); that code does not use the API' '$tmp/pw.log' &&
	! grep -q '(in ?)' '$tmp/pw.log'"

# rule files are checked before any work: a syntax error, a missing file
series_edit 'pass'
printf '@r@\nexpression E;\n@@\n- foo(E\n+ bar(E)\n' > "$tmp/s/callers/dax.cocci"
rm -rf "$tmp/t"; cp -R "$tmp/tree" "$tmp/t" && rm -f "$tmp/t/.git"
"$kseries" rewrite --series "$tmp/s" "$tmp/t" > "$tmp/rc.log" 2>&1
echo $? > "$tmp/rc"
check "authoring: a rule that does not parse: exit 2 before any work, file:line and its patch named, tree unchanged" sh -c "
	test \$(cat '$tmp/rc') = 2 &&
	grep -q 'the rule file callers/dax.cocci (of patch 1 (\"dax: update to new mmu_notifier semantic\")) does not parse: $tmp/s/callers/dax.cocci:6: minus: parse error' '$tmp/rc.log' &&
	! grep -q 'partly rewritten' '$tmp/rc.log' && diff -r '$tmp/tree' '$tmp/t' -x .git > /dev/null"
"$kseries" series --series "$tmp/s" --kernel "$repo" --rev v4.12-demo --out "$tmp/sx" > "$tmp/sx.log" 2>&1
echo $? > "$tmp/rc"
check "authoring: ... series too: exit 2, nothing written" sh -c "
	test \$(cat '$tmp/rc') = 2 && test ! -e '$tmp/sx' && grep -q 'callers/dax.cocci.*does not parse' '$tmp/sx.log'"
series_edit 'd["order"].append("callers/gone.cocci"); d["patches"][0]["rules"].append("callers/gone.cocci")'
"$kseries" rewrite --series "$tmp/s" --report "$tmp/t" > "$tmp/rm.log" 2>&1
echo $? > "$tmp/rc"
check "authoring: a rule file that does not exist: exit 2, named with its patch and the fix" sh -c "
	test \$(cat '$tmp/rc') = 2 &&
	grep -q 'the rule file callers/gone.cocci that patch 1 (\"dax: update to new mmu_notifier semantic\") names does not exist in $tmp/s: fix its name in series.json, or add the file' '$tmp/rm.log'"

# a rule that fails in the middle of a rewrite: what it changed is put back
series_edit 'd["order"].append("boom.cocci"); d["patches"][-1]["rules"].append("boom.cocci")'
cat > "$tmp/s/boom.cocci" <<'EOF'
virtual patch
virtual report

@r depends on patch@
identifier f;
@@
f(...) {...}

@script:python depends on r@
@@
raise Exception("boom")
EOF
rm -rf "$tmp/t"; cp -R "$tmp/tree" "$tmp/t" && rm -f "$tmp/t/.git"
"$kseries" rewrite --series "$tmp/s" "$tmp/t" > "$tmp/boom.log" 2>&1
echo $? > "$tmp/rc"
check "authoring: a rule failing mid-rewrite: exit 1, the files back as they were, said so (no git advice for a plain folder)" sh -c "
	test \$(cat '$tmp/rc') = 1 && diff -r '$tmp/tree' '$tmp/t' -x .git > /dev/null &&
	grep -q 'stopped on an error: the files it had changed are back as they were' '$tmp/boom.log' &&
	! grep -q 'git checkout' '$tmp/boom.log'"

# a patch whose rules match nothing: rewrite and series agree (exit 1, the
# patch named, the API left in place), and the series gives rewrite's tree
series_edit '[p.update(rules=["callers/dax.cocci"]) for p in d["patches"] if p["subject"].startswith("xen/gntdev")]'
rm -rf "$tmp/t"; git -C "$repo" worktree add -q --detach "$tmp/t" v4.12-demo
"$kseries" rewrite --series "$tmp/s" "$tmp/t" > "$tmp/idle-rw.log" 2>&1
echo $? > "$tmp/rc"
"$kseries" series -q --no-cc --series "$tmp/s" --kernel "$repo" --rev v4.12-demo --no-build \
	--out "$tmp/idle" > "$tmp/idle-s.log" 2>&1
echo $? >> "$tmp/rc"
idle='patch 11 ("xen/gntdev: update to new mmu_notifier semantic"): its rules changed none of the 1 file its paths hold that use the API (drivers/xen/gntdev.c)'
check "authoring: an idle patch: rewrite and series both exit 1 and name it" sh -c "
	test \"\$(cat '$tmp/rc' | tr '\n' ' ')\" = '1 1 ' &&
	grep -qF 'warning: $idle' '$tmp/idle-rw.log' && grep -qF '$idle' '$tmp/idle-s.log' &&
	grep -qF 'WARNING $idle' '$tmp/idle/v4.12-demo/report.txt'"
check "authoring: with a residual use the series has no API-removal patch, and its cover says why" sh -c "
	! ls '$tmp/idle/v4.12-demo/series' | grep -q kill-invalidate_page &&
	grep -q '^Not ready: \"mm/mmu_notifier: kill invalidate_page\" is left out: 1 use of the API remains' \
		'$tmp/idle/v4.12-demo/series/0000-cover-letter.patch' &&
	grep -q 'the API is left in place' '$tmp/idle-rw.log'"
check "authoring: git am of that series gives exactly rewrite's tree" sh -c "
	cd '$tmp/t' && git stash -q && git am -q '$tmp/idle/v4.12-demo/series/'000[1-9]-*.patch &&
	git stash pop -q && test -z \"\$(git status --porcelain)\""
git -C "$repo" worktree remove --force "$tmp/t"

# catch-all subjects are unique and say where the file is (a tree with no history)
cp -R "$tmp/tree" "$tmp/plain" && rm -f "$tmp/plain/.git"
cp "$tmp/plain/drivers/iommu/demo_svm.c" "$tmp/plain/drivers/iommu/other_svm.c"
"$kseries" series -q --no-cc --kernel "$tmp/plain" --no-build --out "$tmp/ca" > "$tmp/ca.log" 2>&1
check "authoring: two catch-alls of one folder: unique subjects with each file's name" sh -c "
	s='$tmp/ca/HEAD/series'
	grep -q '^Subject: \[PATCH [0-9]*/[0-9]*\] iommu/demo_svm: ' \$s/*.patch &&
	grep -q '^Subject: \[PATCH [0-9]*/[0-9]*\] iommu/other_svm: ' \$s/*.patch &&
	test -z \"\$(grep -h '^Subject:' \$s/*.patch | sed 's/^Subject: \[PATCH [0-9]*\/[0-9]*\] //' | sort | uniq -d)\""
series_edit 'd["catchall"]["prefixes"] = {"drivers/iommu/": "iommu/svm"}'
"$kseries" series -q --no-cc --series "$tmp/s" --kernel "$tmp/plain" --no-build --out "$tmp/ca2" > "$tmp/ca2.log" 2>&1
check "authoring: catchall.prefixes gives a folder's prefix" sh -c "
	grep -q '^Subject: \[PATCH [0-9]*/[0-9]*\] iommu/svm/other_svm: ' '$tmp/ca2/HEAD/series/'*.patch"

# build settings: a mixed-case symbol is set as written; one olddefconfig
# drops says what it depends on; one the tree does not have says so
series_edit 'd["build"]["config"]["all"] += ["DEMO_QAT_DH895xCC=m", "DEMO_NEEDS_PCI=y", "DEMO_NOT_THERE=y"]'
"$kseries" series -q --no-cc --no-bisect --arch x86_64 --series "$tmp/s" --kernel "$repo" --rev v4.12-demo \
	--out "$tmp/kc" > "$tmp/kc.log" 2>&1
check "authoring: build config: mixed case kept, a dependency named, a symbol not in the tree named" sh -c "
	r='$tmp/kc/v4.12-demo/report.txt'
	grep -q '^CONFIG_DEMO_QAT_DH895xCC=m' '$tmp/kc/v4.12-demo/build/x86_64/.config' &&
	! grep -q 'dropped: DEMO_QAT_DH895xCC' \$r &&
	grep -q 'config fragment dropped: DEMO_NEEDS_PCI (depends on DEMO_PCI && !DEMO_UML; off here: DEMO_PCI)' \$r &&
	grep -q 'config fragment not in this tree:.* DEMO_NOT_THERE' \$r"
finish
