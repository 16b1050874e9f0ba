#!/bin/sh
# Real-tree check of the proof (issue 15), by hand:
#   KSERIES_REPO=/path/to/kernel-repo KSERIES_REV=v4.12 tests/kernel/proof.sh
# 1. series on REV with the whole matrix: every hunk proven on some cell, or
#    each line that is not named with its reason; 0 unexpected functions on
#    every cell. Prints hunks proven/total, functions identical/changed/
#    unexpected per cell, and the proof's cost beside the build.
# 2. build over a scratch clone's branch: REV + the series (git am) + one
#    constant changed in anon_vma_fork() of mm/rmap.c (a function the series
#    does not touch): exit 1, and exactly that function is unexpected.
# 3. (issue 32) more branches of REV + the series + one commit, each exit 1
#    naming the culprit: the static inline anon_vma_alloc() changed (its
#    callers named through it); an unused variable (a new W=1 warning, the
#    same code); a __user pointer dereferenced in dead code (a new sparse
#    warning on x86_64); and the series alone exits 0.
# The repo is only read; everything goes to a scratch folder (KSERIES_OUT; the name out belongs to lib.sh's check).
set -u
. "$(dirname "$0")/../lib.sh"
: "${KSERIES_REPO:?set KSERIES_REPO to a kernel git repo}" "${KSERIES_REV:?set KSERIES_REV}"
kseries="$(cd "$(dirname "$0")/../.." && pwd)/driver/kseries"
dest=${KSERIES_OUT:-$(mktemp -d)}
arch_opts=${KSERIES_ARCHS:-}

# KSERIES_SERIES_OUT: the --out of a series run of REV already made (it takes minutes)
series_out=${KSERIES_SERIES_OUT:-$dest/series}
if [ -z "${KSERIES_SERIES_OUT:-}" ]; then
	"$kseries" series -q --kernel "$KSERIES_REPO" --rev "$KSERIES_REV" $arch_opts --out "$series_out" \
		--allow-unproven > "$dest/series.log" 2>&1
	check "series $KSERIES_REV: exit 0 (--allow-unproven)" test $? = 0
fi
rj="$series_out/$KSERIES_REV/report.json"
check "series $KSERIES_REV: every hunk proven, or each line not proven has its reason" python3 -c "
import json
r = json.load(open('$rj'))
p = r['build']['proof']
print('hunks proven %d/%d; gcc -E %d in %.1f s; identity %.1f s' % (p['hunks_proven'], p['hunks_total'],
      p['preprocessed'], p['line_seconds'], p['identity_seconds']))
for h in p['hunks']:
    for u in h['unproven']:
        print('  unproven %s:%d %s: %s' % (u['file'], u['line'], u['side'], u['why']))
        assert u['why'], u
assert not p['errors'], p['errors']"
check "series $KSERIES_REV: 0 unexpected functions on every cell" python3 -c "
import json
r = json.load(open('$rj'))
bad = 0
for c in r['build']['archs']:
    q = c['proof']
    if q is None:
        print('%-12s %s: no proof (%s)' % (c['arch'], c['state'], c['reason'])); bad += 1; continue
    print('%-12s %-7s %3.0f s  hunks %d/%d  functions %d identical, %d changed, %d unexpected' % (c['arch'],
          c['state'], c['seconds'], q['hunks_compiled'], q['hunks_total'], q['identical'], q['changed'], q['unexpected']))
    for u in q['unexpected_functions']:
        print('    UNEXPECTED', u)
    bad += q['unexpected']
assert bad == 0, bad"

# a branch with the series and one sneaky constant, in a clone of our own
clone="$dest/clone"
git clone -q --shared --no-checkout "$KSERIES_REPO" "$clone"
git -C "$clone" -c advice.detachedHead=false checkout -q -b sneaky "$KSERIES_REV"
git -C "$clone" -c user.name=t -c user.email=t@localhost am -q \
	$(ls "$series_out/$KSERIES_REV/series/"*.patch | grep -v 0000-cover)
check "git am of the series on $KSERIES_REV" test $? = 0
python3 - "$clone/mm/rmap.c" <<'EOP'
import sys
p = sys.argv[1]
s = open(p).read()
i = s.index("int anon_vma_fork(")
j = s.index("return 0;", i)
open(p, "w").write(s[:j] + "return 1;" + s[j + 9:])
EOP
git -C "$clone" -c user.name=t -c user.email=t@localhost commit -q -am "mm/rmap: a constant"
"$kseries" build -q --kernel "$clone" --base "$KSERIES_REV" --tip sneaky $arch_opts --allow-unproven \
	--no-bisect --out "$dest/build" > "$dest/build.log" 2>&1
check "build $KSERIES_REV..sneaky: exit 1" test $? = 1
check "build: exactly anon_vma_fork in mm/rmap.o is unexpected, on every cell that built it" python3 -c "
import json
r = json.load(open('$dest/build/$KSERIES_REV..sneaky/report.json'))
seen = 0
for c in r['build']['archs']:
    u = (c['proof'] or {}).get('unexpected_functions', [])
    print('%-12s %s' % (c['arch'], u))
    assert all(x.startswith('mm/rmap.o: anon_vma_fork: ') for x in u), u
    seen += len(u)
assert seen >= 1, seen"

# 3. one more commit on the series each: edit the file with python, build, judge
git -C "$clone" branch -q series-only "$(git -C "$clone" rev-parse sneaky~1)"
extra() {	# NAME FILE PYTHON-EXPR-OF-s
	git -C "$clone" -c advice.detachedHead=false checkout -q -b "$1" series-only
	python3 - "$clone/$2" "$3" <<'EOP'
import sys
p, expr = sys.argv[1], sys.argv[2]
s = open(p).read()
t = eval(expr)
assert t != s, "the edit changed nothing"
open(p, "w").write(t)
EOP
	git -C "$clone" -c user.name=t -c user.email=t@localhost commit -q -am "demo: $1"
	"$kseries" build -q --kernel "$clone" --base "$KSERIES_REV" --tip "$1" $arch_opts --allow-unproven \
		--no-bisect --out "$dest/$1" > "$dest/$1.log" 2>&1
	echo $? > "$dest/$1.rc"
}
cells() {	# NAME: report.json's cells as python c (arch -> cell)
	printf 'import json\nr = json.load(open("%s/%s/%s..%s/report.json"))\nc = {x["arch"]: x for x in r["build"]["archs"]}\n' \
		"$dest" "$1" "$KSERIES_REV" "$1"
}
extra helper mm/rmap.c 's.replace("anon_vma->degree = 1;", "anon_vma->degree = 2;", 1)'
check "build: a static inline helper changed outside the series: exit 1" test "$(cat "$dest/helper.rc")" = 1
check "build: its callers are unexpected through anon_vma_alloc" python3 -c "
$(cells helper)
u = [x for a in c.values() for x in ((a['proof'] or {}).get('unexpected_functions') or [])]
for x in u: print('   ', x)
assert u and all('through anon_vma_alloc (mm/rmap.c:' in x for x in u), u"
extra unused mm/rmap.c 's.replace("int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma)\n{\n", "int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma)\n{\n\tint spare;\n", 1)'
check "build: an unused variable: exit 1" test "$(cat "$dest/unused.rc")" = 1
check "build: it is a new warning, and no function changed" python3 -c "
$(cells unused)
for a, x in c.items():
    q = x['proof'] or {}
    w = q.get('warnings') or {}
    print('    %-12s warnings after %s, already there %s, new %s' % (a, w.get('after'), w.get('already_there'), w.get('new')))
    assert q.get('unexpected', 0) == 0, q
new = [((x['proof'] or {}).get('warnings') or {}).get('new', []) for x in c.values() if x['state'] != 'skipped']
assert new and all(len(n) == 1 and 'unused variable' in n[0] and 'spare' in n[0] for n in new), new"
extra user mm/rmap.c 's.replace("int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma)\n{\n", "int anon_vma_fork(struct vm_area_struct *vma, struct vm_area_struct *pvma)\n{\n\tif (0) {\n\t\tint __user *u = NULL;\n\n\t\t(void)*u;\n\t}\n", 1)'
check "build: a __user pointer dereferenced: exit 1" test "$(cat "$dest/user.rc")" = 1
check "build: sparse's new warning on x86_64" python3 -c "
$(cells user)
new = c['x86_64']['proof']['warnings']['new']
print('    x86_64 new:', new)
assert any('noderef' in x and x.startswith('mm/rmap.c:') for x in new), new"
"$kseries" build -q --kernel "$clone" --base "$KSERIES_REV" --tip series-only $arch_opts --allow-unproven \
	--no-bisect --out "$dest/series-only" > "$dest/series-only.log" 2>&1
check "build: the series alone: exit 0" test $? = 0
python3 -c "
$(cells series-only)
for a, x in c.items():
    q = x['proof'] or {}
    w = q.get('warnings') or {}
    print('    %-12s %s unexpected %s, compiler %s, warnings after %s (already %s)' % (a, x['state'],
          q.get('unexpected'), q.get('compiler_choice'), w.get('after'), w.get('already_there')))"
echo "output in $dest"
finish
