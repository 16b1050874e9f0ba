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
echo "output in $dest"
finish
