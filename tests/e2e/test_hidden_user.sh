#!/bin/sh
# e2e (issues 16, 33): what the rules cannot see, kseries must. A caller of
# the removed API in a macro's body, its name pasted together: where the
# API's token still stands as a word (mmu_notifier_##invalidate_page), the
# token scan names it a residual and the removal is held back; where even
# the token is cut (mmu_notifier_invalidate_##page, the file a candidate
# only through a comment), the build must: the series removes the API, the
# file no longer builds, and the run exits 1 naming that file's object.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
py=python3

git -C "$repo" checkout -q -b hidden v4.12-demo
mkdir -p "$repo/drivers/misc"
cat > "$repo/drivers/misc/demo_hidden.c" <<'EOC'
/* Demo: a caller the rules cannot see, hidden in a macro's body, its name pasted. */
#include <linux/mmu_notifier.h>

#define demo_flush_one(mm, addr) mmu_notifier_##invalidate_page(mm, addr)

void demo_hidden_flush(struct mm_struct *mm, unsigned long addr)
{
	demo_flush_one(mm, addr);
}
EOC
git -C "$repo" add -A
git -C "$repo" commit -q -m "demo: a caller hidden behind a macro"

"$kseries" series --kernel "$repo" --rev hidden --no-build --out "$tmp/t" > "$tmp/t.log" 2>&1
rc=$?
check "hidden user: the token in a macro body is a residual; the removal waits" $py -c "
import json, sys
r = json.load(open('$tmp/t/hidden/report.json'))
assert $rc == 1, $rc
assert r['residuals'] == ['drivers/misc/demo_hidden.c:4:48: not converted: in a macro body no rule rewrote (invalidate_page)'], r['residuals']
assert 'is left out' in r['api_note'], r['api_note']"

# the token cut too: only the build can tell
cat > "$repo/drivers/misc/demo_hidden.c" <<'EOC'
/* Demo: a caller of mmu_notifier_invalidate_page() no scan can see, its name pasted. */
#include <linux/mmu_notifier.h>

#define demo_flush_one(mm, addr) mmu_notifier_invalidate_##page(mm, addr)

void demo_hidden_flush(struct mm_struct *mm, unsigned long addr)
{
	demo_flush_one(mm, addr);
}
EOC
git -C "$repo" commit -q -am "demo: the token cut too"

"$kseries" series --kernel "$repo" --rev hidden --arch x86_64 --no-bisect --out "$tmp/o" \
	> "$tmp/o.log" 2>&1
rc=$?
check "hidden user: the run exits 1" test $rc -eq 1
check "hidden user: the x86_64 cell failed, naming the object that no longer builds" $py -c "
import json, sys
r = json.load(open('$tmp/o/hidden/report.json'))
c = [c for c in r['build']['archs'] if c['arch'] == 'x86_64'][0]
sys.exit(not (r['state'] == 'failed' and c['state'] == 'failed' and
              c['regressions'] == ['drivers/misc/demo_hidden.o']))"
check "hidden user: report.txt names it" \
	grep -q 'ERROR fails after the series: drivers/misc/demo_hidden.o' "$tmp/o/hidden/report.txt"
check "hidden user: the report gives the compiler's line for it, not only the log" $py -c "
import json, sys
r = json.load(open('$tmp/o/hidden/report.json'))
c = [c for c in r['build']['archs'] if c['arch'] == 'x86_64'][0]
e = c['regression_errors']
sys.exit(not (len(e) == 1 and e[0].startswith('drivers/misc/demo_hidden.o: drivers/misc/demo_hidden.c:')
              and ': error: ' in e[0] and 'mmu_notifier_invalidate_page' in e[0]))"
check "hidden user: the compiler said why (the removed API)" \
	grep -q "demo_hidden.c.*mmu_notifier_invalidate_page" "$tmp/o/hidden/build/x86_64.log"
finish
