#!/bin/sh
# Real-tree check of issue 16, by hand: every stable tree builds on every arch.
#   KSERIES_REPO=/path/to/kernel-repo KSERIES_REV=v3.10.99 tests/kernel/stable-matrix.sh
# series on REV with the five-arch build (or KSERIES_SERIES_OUT: the --out of
# one already made). Asserts: exit 0; no cell fails before any object (at
# configure, prepare or a host tool) or is skipped; every cell built objects,
# and none regressed; the proof complete. Prints each cell's objects built,
# not buildable, time, defconfig choice, compiler and the fixups applied.
set -u
. "$(dirname "$0")/../lib.sh"
: "${KSERIES_REPO:?set KSERIES_REPO to a kernel git repo}" "${KSERIES_REV:?set KSERIES_REV}"
kseries="$(cd "$(dirname "$0")/../.." && pwd)/driver/kseries"
dest=${KSERIES_OUT:-$(mktemp -d)}
series_out=${KSERIES_SERIES_OUT:-$dest/series}
if [ -z "${KSERIES_SERIES_OUT:-}" ]; then
	"$kseries" series -q --kernel "$KSERIES_REPO" --rev "$KSERIES_REV" --out "$series_out" \
		> "$dest/series.log" 2>&1
	check "series $KSERIES_REV: exit 0" test $? = 0
fi
rj="$series_out/$(printf %s "$KSERIES_REV" | sed 's|/|%2F|g')/report.json"
cells="
import json, sys
b = json.load(open('$rj'))['build']
print('build note:', b['note'])
bad = []
for c in b['archs']:
    print('%-12s %-7s %3d built %3d not buildable %4.0f s  %s%s' % (c['arch'], c['state'], len(c['built']),
          len(c['not_buildable']), c['seconds'], c['defconfig_note'] or c['defconfig'],
          ', ' + c['cross_compile'] if c['cross_compile'] else ''))
    if c['config_not_in_tree']:
        print('             not in this tree:', ' '.join(c['config_not_in_tree']))
    if c['state'] != 'ok' or not c['built'] or c['regressions']:
        bad.append((c['arch'], c['state'], c['reason']))
print(bad)
sys.exit(bool(bad))"
python3 -c "$cells"	# the figures, printed whatever the checks say
check "series $KSERIES_REV: every cell built objects, none failed before any object" python3 -c "$cells"
check "series $KSERIES_REV: the proof is complete" python3 -c "
import json, sys
p = json.load(open('$rj'))['build']['proof']
print('hunks proven %d/%d' % (p['hunks_proven'], p['hunks_total']))
sys.exit(not p['complete'])"
finish
