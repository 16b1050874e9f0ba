#!/bin/sh
# e2e: the engine never ships a broken removal. The gadget series at its
# edges (tests/series2/make-edges.sh): a use spatch cannot parse, a use in
# a macro body, a by-hand finding of the removal's own rules, a user-space
# copy under an excluded folder. Each use left holds the API removal back
# on its own, named at its file:line; the excluded folder is never touched.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_setup
"$top/tests/series2/make-edges.sh" "$tmp/repo" "$tmp/s" >/dev/null

# rewrite --report names the uses no rule can see
"$kseries" rewrite --series "$tmp/s" --report "$tmp/repo" > "$tmp/report" 2>&1
check "edges: --report names the use spatch cannot parse, at its line" \
	grep -q '^drivers/gadget/hooks.c:7:[0-9]*: not converted: spatch cannot parse this code (gadget_put_page)$' \
	"$tmp/report"
check "edges: --report names the use in a macro body no rule rewrote" \
	grep -q '^drivers/gadget/batch.h:18:[0-9]*: not converted: in a macro body no rule rewrote (gadget_put_page)$' \
	"$tmp/report"
check "edges: an __attribute__ spatch cannot place: no macro offered, a hand edit is" sh -c "
	grep -q 'hooks.c:7 .*cannot place the __attribute__ there' '$tmp/report' &&
	! grep -q 'hooks.c:7 .*add a macro' '$tmp/report'"
check "edges: the excluded tools/ copy is no candidate and no finding" sh -c "! grep -q '^tools/' '$tmp/report'"

# each edge alone holds the removal back: a clone with only that one, rewritten
edge_tree() {	# edge_tree NAME KEEP_BY_HAND FILES-TO-DROP...
	name=$1 keep=$2; shift 2
	git clone -q "$tmp/repo" "$tmp/$name"
	[ $# -gt 0 ] && git -C "$tmp/$name" rm -q "$@"
	# the helper's address taken in the API header: the by-hand use
	[ "$keep" = yes ] || sed -i '/gadget_put_fn/,/^}/d' "$tmp/$name/include/linux/gadget.h"
	git -C "$tmp/$name" commit -q -am "only $name" --allow-empty
	"$kseries" rewrite -q --series "$tmp/s" "$tmp/$name" > "$tmp/$name.out" 2>&1
	echo $? > "$tmp/$name.rc"
}
edge_tree hooks no drivers/gadget/batch.h
edge_tree batch no drivers/gadget/hooks.c
edge_tree byhand yes drivers/gadget/batch.h drivers/gadget/hooks.c
edge_tree none no drivers/gadget/batch.h drivers/gadget/hooks.c
for t in hooks batch byhand; do
	check "edges: $t alone: exit 1, the API stays (member and helper)" sh -c "
		test \$(cat '$tmp/$t.rc') = 1 &&
		grep -q 'void (\*put_page)' '$tmp/$t/include/linux/gadget.h' &&
		grep -q 'void gadget_put_page(' '$tmp/$t/include/linux/gadget.h'"
done
check "edges: hooks alone: the residual is the unparsable use, at its line" \
	grep -q 'residual use after the rewrite: drivers/gadget/hooks.c:7:[0-9]*: not converted: spatch cannot parse' \
	"$tmp/hooks.out"
check "edges: batch alone: the residual is the macro body's use, at its line" \
	grep -q 'residual use after the rewrite: drivers/gadget/batch.h:18:[0-9]*: not converted: in a macro body' \
	"$tmp/batch.out"
check "edges: by hand alone: the removal's own rule's by-hand finding, though its report after is silent" \
	grep -q 'residual use after the rewrite: include/linux/gadget.h:33:[0-9-]*: by hand: gadget_put_page() taken as a value' \
	"$tmp/byhand.out"
# a by-hand finding a rule prints in patch mode only (no report rule names
# it): a call through the member, which no other check can see either
cp -R "$tmp/s" "$tmp/s8"
python3 - "$tmp/s8/series.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
m["order"].insert(0, "callers/member_call.cocci")
m["patches"][0]["rules"].append("callers/member_call.cocci")
json.dump(m, open(sys.argv[1], "w"), indent=1)
PY
git clone -q "$tmp/none" "$tmp/said" && git -C "$tmp/said" checkout -q .
printf '\nvoid gadget_release_direct(struct gadget *g)\n{\n\tg->ops->put_page(g, 0);\n}\n' >> "$tmp/said/lib/gadget.c"
git -C "$tmp/said" commit -q -am "a call through the member"
"$kseries" rewrite -q --series "$tmp/s8" "$tmp/said" > "$tmp/said.out" 2>&1
echo $? > "$tmp/said.rc"
check "edges: a by-hand line printed in patch mode holds the removal back too" sh -c "
	test \$(cat '$tmp/said.rc') = 1 &&
	grep -q 'residual use after the rewrite: lib/gadget.c:2[0-9]:[0-9-]*: by hand: a call through the put_page member' '$tmp/said.out' &&
	grep -q 'void (\*put_page)' '$tmp/said/include/linux/gadget.h'"
check "edges: the summary counts what the tree holds, not the removal put back" sh -c "
	grep -q '^3 files changed, 6 insertions(+), 9 deletions(-)$' '$tmp/byhand.out' &&
	! grep -q '^include/linux/gadget.h ' '$tmp/byhand.out' &&
	test \"\$(git -C '$tmp/byhand' diff --shortstat)\" = ' 3 files changed, 6 insertions(+), 9 deletions(-)'"

check "layout: the lines a rule wrote wider than 80 are named, where the old ones were not" sh -c "
	grep -q 'warning: layout: lib/gadget.c:10: a written line of 92 columns, where the lines it replaces had at most 33' '$tmp/byhand.out' &&
	grep -q 'warning: layout: lib/gadget.c:19: a written line of 100 columns' '$tmp/byhand.out' &&
	test \$(grep -c 'warning: layout: ' '$tmp/byhand.out') = 3"
check "edges: none left: exit 0, the API is removed, tools/ untouched" sh -c "
	test \$(cat '$tmp/none.rc') = 0 && ! grep -q 'put_page)' '$tmp/none/include/linux/gadget.h' &&
	git -C '$tmp/none' diff --quiet -- tools/"

# without "exclude", tools/'s copy is the series' code: a candidate, converted
python3 - "$tmp/s/series.json" "$tmp/s2" <<'PY'
import json, shutil, sys
shutil.copytree(sys.argv[1].rsplit("/", 1)[0], sys.argv[2])
m = json.load(open(sys.argv[1])); del m["exclude"]
json.dump(m, open(sys.argv[2] + "/series.json", "w"))
PY
"$kseries" rewrite --series "$tmp/s2" --report "$tmp/repo" > "$tmp/report2" 2>&1
check "edges: without \"exclude\", tools/gadget/user.c is a candidate (the exclusion did the work)" \
	grep -q '^tools/gadget/user.c:' "$tmp/report2"

# series: the removal is left out, the residuals and the note say why
"$kseries" series -q --series "$tmp/s" --kernel "$tmp/repo" --rev v2-edges --no-build \
	--out "$tmp/o" > "$tmp/so" 2>&1
echo $? > "$tmp/rc"
check "edges: series exits 1 and commits no removal" sh -c "
	test \$(cat '$tmp/rc') = 1 && ! ls '$tmp/o/v2-edges/series/' | grep -q kill-put_page &&
	test \$(ls '$tmp/o/v2-edges/series/' | grep -c '^000[1-9]') = 3"
check "edges: report.json lists each use left, of every kind" python3 -c "
import json; r = json.load(open('$tmp/o/v2-edges/report.json'))
res = r['residuals']
want = ['drivers/gadget/batch.h:18:', 'drivers/gadget/hooks.c:7:', 'include/linux/gadget.h:33:']
assert all(any(x.startswith(w) for x in res) for w in want), res
assert not any(x.startswith('tools/') for x in res), res
assert 'is left out' in r['api_note'], r['api_note']
assert [l.split(': ')[0] for l in r['layout']] == ['lib/gadget.c:10', 'lib/gadget.c:19', 'drivers/misc/bar.c:20'], r['layout']"

# hand edits: the author's own patch files for the two uses no rule can
# express, as "diff" entries before the removal; on the tree without the
# by-hand use, the removal then goes in
cp -R "$tmp/s" "$tmp/s3"
python3 - "$tmp/s3/series.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
hand = [{"subject": "gadget/hooks: point the hook at gadget_put_pages()",
         "message": "No rule sees this declaration.", "diff": "hand/hooks.diff"},
        {"subject": "gadget/batch: put through gadget_put_pages() in the macros",
         "message": "No rule rewrites these macro bodies.", "diff": "hand/batch.diff"}]
m["patches"][-1:-1] = hand
json.dump(m, open(sys.argv[1], "w"), indent=1)
PY
git clone -q "$tmp/repo" "$tmp/hand"
sed -i '/gadget_put_fn/,/^}/d' "$tmp/hand/include/linux/gadget.h"
git -C "$tmp/hand" commit -q -am "no by-hand use"
git -C "$tmp/hand" tag v3-hand
git clone -q "$tmp/hand" "$tmp/hand-rw"
"$kseries" rewrite -q --series "$tmp/s3" "$tmp/hand-rw" > "$tmp/hand-rw.out" 2>&1
echo $? > "$tmp/hand-rw.rc"
check "hand edits: rewrite applies them and removes the API: exit 0, no use left" sh -c "
	test \$(cat '$tmp/hand-rw.rc') = 0 &&
	! grep -rw gadget_put_page '$tmp/hand-rw/drivers' '$tmp/hand-rw/include' '$tmp/hand-rw/lib' |
		grep -v '/\\* one page: ' &&
	grep -q 'gadget_put_pages(&p->g, p->base, 1);' '$tmp/hand-rw/drivers/gadget/batch.h'"
"$kseries" series -q --series "$tmp/s3" --kernel "$tmp/hand" --rev v3-hand --no-build \
	--cc "Gadget List <gadgets@example.org>" --out "$tmp/o3" > "$tmp/so3" 2>&1
echo $? > "$tmp/rc3"
check "hand edits: series commits each in manifest order, before the removal" sh -c "
	test \$(cat '$tmp/rc3') = 0 && cd '$tmp/o3/v3-hand/series' &&
	ls 0003-gadget-hooks-point-the-hook-at-gadget_put_pages.patch \
	   0004-gadget-batch-put-through-gadget_put_pages-in-the-ma*.patch &&
	ls | grep -q '^0006-gadget-kill-put_page.patch$'"
check "hand edits: git am of the series gives rewrite's tree" sh -c "
	git clone -q '$tmp/hand' '$tmp/am' && cd '$tmp/am' &&
	git -c user.name=t -c user.email=t@e am -q '$tmp/o3/v3-hand/series/'000[1-9]*.patch &&
	diff -r -x .git . '$tmp/hand-rw'"
check "checkpatch's line numbers are the posted file's, Cc: header and all" python3 -c "
import json, re; r = json.load(open('$tmp/o3/v3-hand/report.json'))
msgs = [m for p in r['patches'] for m in p['checkpatch']['messages'] if 'over 80' in m]
assert msgs, r['patches']
for m in msgs:
    name, line = re.match(r'([^:]+):(\\d+):', m).groups()
    text = open('$tmp/o3/v3-hand/series/' + name).read().split('\\n')
    assert 'Cc: Gadget List' in open('$tmp/o3/v3-hand/series/' + name).read()
    l = text[int(line) - 1]
    assert l.startswith('+') and len(l[1:].expandtabs(8)) > 80, (m, l)"
check "checkpatch: a long line the series only touched is already there, its own are the series'" python3 -c "
import json; r = json.load(open('$tmp/o3/v3-hand/report.json'))
hooks, first = r['patches'][2]['checkpatch'], r['patches'][0]['checkpatch']
long = [m for m in hooks['messages'] if 'over 80' in m]
assert len(long) == 1 and long[0].endswith('(already there before the series)'), hooks
assert hooks['already_there'] == 1, hooks
mine = [m for m in first['messages'] if 'over 80' in m]
assert len(mine) == 2 and not any('already there' in m for m in mine), first
assert first['already_there'] == 0, first"
check "checkpatch: report.txt says how many were already there" \
	grep -q 'checkpatch: 1 errors, 1 warnings, 1 of them already there before the series' \
	"$tmp/o3/v3-hand/report.txt"
# disabled or broken: an object its Makefile gates behind a symbol the cell
# has off is "not enabled here", the symbol named; one that simply fails to
# compile is "failing", with its first error
git clone -q "$tmp/hand" "$tmp/sym"
printf 'obj-$(CONFIG_MISC_BAR) += bar.o\n' > "$tmp/sym/drivers/misc/Makefile"
printf '#ifndef CONFIG_MISC_BAR\n#error "bar.c is built with CONFIG_MISC_BAR only"\n#endif\n' |
	cat - "$tmp/sym/drivers/misc/bar.c" > "$tmp/sym/bar.c" && mv "$tmp/sym/bar.c" "$tmp/sym/drivers/misc/bar.c"
printf 'obj-y += foo.o\n' > "$tmp/sym/drivers/gadget/Makefile"
printf 'this is not C;\n' >> "$tmp/sym/drivers/gadget/foo.c"
git -C "$tmp/sym" add -A && git -C "$tmp/sym" commit -q -m "misc: bar needs its symbol; foo is broken" &&
	git -C "$tmp/sym" tag v4-sym
"$kseries" series -q --series "$tmp/s3" --kernel "$tmp/sym" --rev v4-sym --arch x86_64 \
	--out "$tmp/o7" > "$tmp/so7" 2>&1
check "build: an object off in the config is not enabled here, and the symbol to set is named" sh -c "
	grep -q 'not buildable before either (1 not enabled here, 1 failing)' '$tmp/o7/v4-sym/report.txt' &&
	grep -q 'drivers/misc/bar.o: not enabled here (CONFIG_MISC_BAR=n): add \"MISC_BAR=y\" to the series' '$tmp/o7/v4-sym/report.txt'"
check "build: ... a broken one is failing, with its first error; report.json keeps them apart" python3 -c "
import json; r = json.load(open('$tmp/o7/v4-sym/report.json'))
c = r['build']['archs'][0]
assert sorted(c['not_buildable']) == ['drivers/gadget/foo.o', 'drivers/misc/bar.o'], c
assert len(c['not_enabled']) == 1 and c['not_enabled'][0].startswith('drivers/misc/bar.o: '), c
e = c['not_buildable_errors']
assert len(e) == 1 and e[0].startswith('drivers/gadget/foo.o: drivers/gadget/foo.c:') and 'error' in e[0], e"
# a subject without a "subsystem: " prefix is named, not only counted
cp -R "$tmp/s3" "$tmp/s6"
sed -i 's/"gadget\/batch: put through/"put through/' "$tmp/s6/series.json"
"$kseries" series -q --series "$tmp/s6" --kernel "$tmp/hand" --rev v3-hand --no-build \
	--out "$tmp/o6" > "$tmp/so6" 2>&1
check "posting: the subject without a subsystem prefix is named" \
	grep -q '1 subject has no "subsystem: " prefix: 04 "\[PATCH 4/6\] put through gadget_put_pages() in the macros"' \
	"$tmp/o6/v3-hand/report.txt"
# get_maintainer.pl's people of one rank come in perl's hash order: kseries
# pins it, so two runs Cc in one order (a tree's script that prints a hash)
git clone -q "$tmp/hand" "$tmp/gm"
cat > "$tmp/gm/scripts/get_maintainer.pl" <<'PL'
#!/usr/bin/perl
my %people = map { ("Person $_ <p$_\@example.org>" => 1) } 1 .. 12;
print "$_ (reviewer:GADGET)\n" for keys %people;
PL
git -C "$tmp/gm" commit -q -am "a get_maintainer in hash order" && git -C "$tmp/gm" tag v5-gm
for k in 1 2; do
	"$kseries" series -q --series "$tmp/s3" --kernel "$tmp/gm" --rev v5-gm --no-build \
		--out "$tmp/gm$k" > /dev/null 2>&1
done
check "posting: two runs Cc the same people in the same order" sh -c "
	sed -n '/^Cc:/,/^[A-Z][a-z-]*:/p' '$tmp/gm1/v5-gm/series/0001-'*.patch > '$tmp/cc1' &&
	sed -n '/^Cc:/,/^[A-Z][a-z-]*:/p' '$tmp/gm2/v5-gm/series/0001-'*.patch > '$tmp/cc2' &&
	test \$(grep -c 'example.org' '$tmp/cc1') = 12 && cmp '$tmp/cc1' '$tmp/cc2'"
# a diff that no longer applies: named, the run fails, nothing half-done
sed -i 's/gadget_put_hook)/gadget_put_hook_x)/' "$tmp/s3/hand/hooks.diff"
git clone -q "$tmp/hand" "$tmp/stale"
"$kseries" rewrite -q --series "$tmp/s3" "$tmp/stale" > "$tmp/stale.out" 2>&1
echo $? > "$tmp/stale.rc"
check "hand edits: one that does not apply is named, exit 1, the tree as it was" sh -c "
	test \$(cat '$tmp/stale.rc') = 1 &&
	grep -q 'patch 3 (\"gadget/hooks: point the hook at gadget_put_pages()\"): its diff hand/hooks.diff does not apply' '$tmp/stale.out' &&
	git -C '$tmp/stale' diff --quiet"
"$kseries" series -q --series "$tmp/s3" --kernel "$tmp/hand" --rev v3-hand --no-build \
	--out "$tmp/o4" > "$tmp/so4" 2>&1
echo $? > "$tmp/rc4"
check "hand edits: series fails the revision, naming the patch in report.json" python3 -c "
import json; r = json.load(open('$tmp/o4/v3-hand/report.json'))
assert open('$tmp/rc4').read().strip() == '1'
assert r['state'] == 'failed' and 'hand/hooks.diff' in r['error'], r.get('error')"
finish
