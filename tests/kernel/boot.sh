#!/bin/sh
# Real-tree check of the runtime proof (issue 19), by hand:
#   KSERIES_REPO=/path/to/kernel-repo KSERIES_REV=v4.12 tests/kernel/boot.sh
# kseries boot builds REV before and after the series (x86_64, bzImage
# modules) and boots both under qemu. Asserted: the verdict passes; after the
# series every scenario passes all its runs (clean-thp a named skip); before
# it, the 4 KiB migration and writeback and the PTE-mapped THP scenarios fail
# and are listed as fixed (the PMD-mapped THP is printed, not asserted: its
# split is bracketed, the migration of its head page after it is not); the
# probe has invalidate_page before and not after; on 4.11+ DEBUG_ATOMIC_SLEEP
# reports the sleeping callback before (KSERIES_EXPECT_SLEEP=1), on 4.10 and
# older it does not (0: invalidate_page comes after the unlock there).
# KSERIES_BOOT_OUT: the --out of a boot run already made (only asserted on).
set -u
. "$(dirname "$0")/../lib.sh"
: "${KSERIES_REPO:?set KSERIES_REPO to a kernel git repo}" "${KSERIES_REV:?set KSERIES_REV}"
kseries="$(cd "$(dirname "$0")/../.." && pwd)/driver/kseries"
case $KSERIES_REV in
v4.9*|v4.[0-9]|v4.10*|v3.*) sleep_before=${KSERIES_EXPECT_SLEEP:-0} ;;
*) sleep_before=${KSERIES_EXPECT_SLEEP:-1} ;;
esac
out=${KSERIES_BOOT_OUT:-}
if [ -z "$out" ]; then
	out=$(mktemp -d)/boot
	start=$(date +%s)
	"$kseries" boot --kernel "$KSERIES_REPO" --rev "$KSERIES_REV" --out "$out" \
		> "$out.log" 2>&1
	rc=$?
	echo "kseries boot $KSERIES_REV: exit $rc in $(($(date +%s) - start)) s ($out)"
	check "boot $KSERIES_REV: the verdict passes (exit 0)" test "$rc" = 0
fi
python3 - "$out/runtime.json" "$sleep_before" > "$out.verdict" 2>&1 <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
want_sleep = sys.argv[2] == '1'
before, after = r['kernels']
sc = lambda k: {s['name']: s for s in k['scenarios']}
b, a = sc(before), sc(after)
bad = []
for name, s in a.items():
    if name == 'clean-thp':
        if s['skip'] != s['runs']: bad.append('after: clean-thp is not a skip')
    elif s['pass'] != s['runs']: bad.append('after: %s %d/%d' % (name, s['pass'], s['runs']))
for name in ('unmap-4k-migrate', 'unmap-thp-pte-migrate', 'unmap-thp-pte-split',
             'clean-4k-msync', 'clean-4k-fsync'):
    if name not in r['fixed']: bad.append('%s not fixed by the series' % name)
if 'HAVE_INVALIDATE_PAGE' not in before['probe_features'] or 'HAVE_INVALIDATE_PAGE' in after['probe_features']:
    bad.append('probe features: before %s, after %s' % (before['probe_features'], after['probe_features']))
sleep = [w for w in before['watch'] if w['name'] == 'sleeping in atomic context'][0]
if not sleep['checked'] or (sleep['lines'] > 0) != want_sleep:
    bad.append('before: sleeping in atomic context: %s' % sleep)
for k in (before, after):
    print('%s %s: built %.0f s, booted %.0f s; probe: %s' % (k['label'], k['release'], k['build_seconds'],
          k['boot_seconds'], k['probe_features']))
    for s in k['scenarios']:
        print('  %-22s pass %d fail %d skip %d  %s  %s' % (s['name'], s['pass'], s['fail'], s['skip'],
              s['callbacks'], '' if s['why'] == '-' else s['why']))
    for w in k['watch']:
        print('  watch %s: checked %s, %d lines, first: %s' % (w['name'], w['checked'], w['lines'], w['first']))
print('fixed:', ', '.join(r['fixed']))
print('\n'.join(bad))
sys.exit(1 if bad else 0)
PY
rc=$?
cat "$out.verdict"
check "boot $KSERIES_REV: the runtime verdict, before against after" test "$rc" = 0
finish
