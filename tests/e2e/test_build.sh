#!/bin/sh
# e2e: kseries build --base --tip and its proof (issue 15) on the demo tree:
# a hunk under #ifdef CONFIG_NEVER_SET and a header no object includes are
# unproven with their reasons; a constant changed on top of the series in a
# function it does not touch is unexpected (exit 1, named); a deleted
# function, a line moved under a __LINE__ use and an inlined helper that
# changed raise no false alarm; the user's repo is left as it was.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
git -C "$repo" checkout -q -b prep v4.12-demo

# the base: functions the series does not touch, at the end of mm/rmap.c
cat >> "$repo/mm/rmap.c" <<'EOC'

extern void demo_warn(const char *file, int line);
#define DEMO_WARN(c) do { if (c) demo_warn(__FILE__, __LINE__); } while (0)

static inline int rmap_weight(int n)
{
	return n * 3;
}

int rmap_score(int n)
{
	return rmap_weight(n) + 1;
}

int rmap_old(int n)
{
	return n - 1;
}

/* a comment the tests delete */
int rmap_check(int n)
{
	DEMO_WARN(n > 5);
	return n;
}

#ifdef CONFIG_NEVER_SET
int rmap_never(int n)
{
	return n + 2;
}
#endif

int rmap_const(int n)
{
	return n + 7;
}
EOC
printf '/* demo: a header no object includes */\nstatic inline int orphan(void)\n{\n\treturn 1;\n}\n' \
	> "$repo/include/linux/demo_orphan.h"
git -C "$repo" add -A
git -C "$repo" commit -q -m "demo: functions the series does not touch"
git -C "$repo" tag base

# the series, regenerated on the base and applied with git am
"$kseries" series --no-build --kernel "$repo" --rev base --out "$tmp/gen" > "$tmp/gen.log" 2>&1
check "series --no-build on the base" test -s "$tmp/gen/base/series/0002-mm-rmap-update-to-new-mmu_notifier-semantic.patch"
check "series --no-build: the cover letter says it was not built" grep -q "^Not built by kseries (--no-build): build it before posting." \
	"$tmp/gen/base/series/0000-cover-letter.patch"
git -C "$repo" checkout -q -b applied base
check "git am of the series" git -C "$repo" am -q $(ls "$tmp"/gen/base/series/*.patch | grep -v 0000-cover)
git -C "$repo" tag series-tip

# 1. a constant changed on top of it, in a function it does not touch
git -C "$repo" checkout -q -b sneaky series-tip
sed -i 's/return n + 7;/return n + 8;/' "$repo/mm/rmap.c"
git -C "$repo" commit -q -am "mm/rmap: one more"
before=$(repo_state)
"$kseries" build --kernel "$repo" --base base --tip sneaky --arch x86_64 --allow-unproven \
	--out "$tmp/b1" > "$tmp/b1.log" 2>&1
rc=$?
check "build: an unexpected change fails (exit $rc)" test "$rc" = 1
r1="$tmp/b1/base..sneaky/report.json"
check "build: exactly rmap_const in mm/rmap.o is unexpected" python3 -c "
import json, sys
r = json.load(open('$r1'))
c = {x['arch']: x for x in r['build']['archs']}['x86_64']
u = c['proof']['unexpected_functions']
assert len(u) == 1 and u[0].startswith('mm/rmap.o: rmap_const: ') and 'mm/rmap.c:' in u[0], u
assert c['state'] == 'failed' and 'rmap_const' in c['reason'], c
why = set(u['why'] for h in r['build']['proof']['hunks'] for u in h['unproven'])
assert why == {'arch/%s is not built in this run (add --arch %s)' % (a, a)
               for a in ('arm', 'arm64', 'mips', 'powerpc')}, why
p = r['build']['proof']
assert p['complete'] and p['hunks_elsewhere'] > 0 and sorted(p['not_in_run']) == ['arm', 'arm64', 'mips', 'powerpc'], p"
check "build: report.txt names it" grep -q "UNEXPECTED mm/rmap.o: rmap_const" "$tmp/b1/base..sneaky/report.txt"
check "build: one error line on stderr says why the range failed" sh -c "
	test \$(grep -c '^kseries: error: ' '$tmp/b1.log') = 1 &&
	grep -q '^kseries: error: \[base..sneaky\] x86_64 failed: 1 functions changed that the diff does not touch: mm/rmap.o: rmap_const' '$tmp/b1.log'"
check "build: matrix.html's failed row says why" grep -q 'class="why">x86_64 failed: 1 functions changed that the diff does not touch' "$tmp/b1/matrix.html"
check "build: report.txt counts the files holding the tokens at base (never 0 or unknown)" sh -c "
	n=\$(git -C '$repo' grep -l -F -e invalidate_page base -- '*.c' '*.h' | wc -l) &&
	test \$n -gt 0 && grep -q \"^files holding the tokens: \$n\$\" '$tmp/b1/base..sneaky/report.txt'"
check "build: the user's repo is as it was" test "$(repo_state)" = "$before"
check "build: no worktree left" test ! -e "$tmp/b1/base..sneaky/worktree"

# 1b. the series alone on x86_64 only: other arches' lines are not built in this run, not a failure
"$kseries" build --kernel "$repo" --base base --tip series-tip --arch x86_64 --no-bisect \
	--out "$tmp/b1b" > "$tmp/b1b.log" 2>&1
check "build: an x86_64-only run of the series passes (exit $?)" test $? = 0
check "build: it names the arches to add, on stderr and in report.txt" sh -c "
	grep 'note: \[base..series-tip\] proof: [0-9]* hunks only arches this run left out compile: not built in this run' '$tmp/b1b.log' > '$tmp/b1b.note' &&
	for a in arm arm64 powerpc mips; do grep -q -- \"--arch \$a[ )]\" '$tmp/b1b.note' || exit 1; done &&
	grep -q 'NOT BUILT HERE arch/arm' '$tmp/b1b/base..series-tip/report.txt' &&
	grep -q '^  skip arch/' '$tmp/b1b/base..series-tip/report.txt'"

"$kseries" series --kernel "$repo" --rev v4.12-demo --arch x86_64 --no-bisect --signoff \
	--out "$tmp/s1b" > "$tmp/s1b.log" 2>&1
check "series: an x86_64-only run converts (exit $?), the other arches' lines not built in this run" sh -c "
	grep -q '^v4.12-demo  *converted ' '$tmp/s1b/matrix.txt' && ! grep -q 'kseries: error' '$tmp/s1b.log' &&
	grep -q 'note: \[v4.12-demo\] proof: [0-9]* hunks only arches this run left out compile' '$tmp/s1b.log'"
check "series: every build and proof line says its revision" sh -c "
	grep -q '^kseries: \\[v4.12-demo\\] build: x86_64' '$tmp/s1b.log' &&
	! grep -Eq '^kseries: (note: |warning: )?(build|proof):' '$tmp/s1b.log'"
check "series: its cover letter says what was built, on x86_64 alone, and what was not" python3 -c "
import re
t = open('$tmp/s1b/v4.12-demo/series/0000-cover-letter.patch').read()
p = ' '.join(t.split())
assert 'Built by kseries with each arch' in p and 'before and after the series, on x86_64, x86_64-nomn:' in p, p
assert re.search(r'[0-9]+ more compile only on (arm|arm64|mips|powerpc)(, (arm|arm64|mips|powerpc)){3}, not built here', p), p
assert 'keeps the tree building' not in p and 'build did not finish' not in p, p"

# 2. the series alone, every arch: proven, nothing unexpected, exit 0
"$kseries" build --kernel "$repo" --base base --tip series-tip --out "$tmp/b2" > "$tmp/b2.log" 2>&1
check "build: the series alone passes (exit $?)" test $? = 0
check "build: every hunk proven, the stubs by the x86_64-nomn variant" python3 -c "
import json
r = json.load(open('$tmp/b2/base..series-tip/report.json'))
p = r['build']['proof']
assert p['complete'] and p['hunks_proven'] == p['hunks_total'] > 10, (p['hunks_proven'], p['hunks_total'])
stub = [h for h in p['hunks'] if h['file'] == 'include/linux/mmu_notifier.h' and 'x86_64-nomn' in h['before_archs']]
assert stub, [h['before_archs'] for h in p['hunks'] if h['file'] == 'include/linux/mmu_notifier.h']
cells = {c['arch']: c for c in r['build']['archs']}
assert all(c['proof']['unexpected'] == 0 for c in cells.values()), cells
assert cells['x86_64']['proof']['identical'] > 0 and cells['arm64']['proof']['changed'] > 0, cells
m = json.load(open('$tmp/b2/matrix.json'))
assert m['revisions'][0]['proof'] == '%d/%d' % (p['hunks_proven'], p['hunks_total']), m['revisions'][0]"
check "build: matrix.txt has the proof column" grep -Eq "base..series-tip +converted .* [0-9]+/[0-9]+ +x86_64:ok arm64:ok arm:ok powerpc:ok mips:ok x86_64-nomn:ok" "$tmp/b2/matrix.txt"

# 3. changes that must raise no false alarm (every hunk meant: --all-hunks)
git -C "$repo" checkout -q -b benign series-tip
python3 - "$repo/mm/rmap.c" <<'EOP'
import sys
p = sys.argv[1]
s = open(p).read()
s = s.replace("return n * 3;", "return n * 5;")              # an inlined helper changes
s = s.replace("int rmap_old(int n)\n{\n\treturn n - 1;\n}\n\n", "")  # a function deleted
s = s.replace("/* a comment the tests delete */\n", "")       # the line of DEMO_WARN moves
open(p, "w").write(s)
EOP
git -C "$repo" commit -q -am "mm/rmap: benign"
"$kseries" build --kernel "$repo" --base series-tip --tip benign --arch x86_64 --all-hunks \
	--out "$tmp/b3" > "$tmp/b3.log" 2>&1
check "build: deletion, moved line, inlined helper: no false alarm (exit $?)" test $? = 0
check "build: they are changed as the diff says, rmap_check identical" python3 -c "
import json
r = json.load(open('$tmp/b3/series-tip..benign/report.json'))
c = {x['arch']: x for x in r['build']['archs']}['x86_64']['proof']
ch = c['changed_functions']
assert 'mm/rmap.o: rmap_old: gone' in ch and 'mm/rmap.o: rmap_score' in ch, ch
assert not any('rmap_check' in x for x in ch) and c['unexpected'] == 0, c"
check "build: the moved line changes rmap_check's code (a __LINE__ immediate)" sh -c "
	objdump -d '$tmp/b3/series-tip..benign/build/x86_64-before/mm/rmap.o' | sed -n '/<rmap_check>:/,/^\$/p' > '$tmp/rc.before'
	objdump -d '$tmp/b3/series-tip..benign/build/x86_64/mm/rmap.o' | sed -n '/<rmap_check>:/,/^\$/p' > '$tmp/rc.after'
	! cmp -s '$tmp/rc.before' '$tmp/rc.after'"

# 4. lines no arch compiles: an #ifdef no config sets, a header no object includes
git -C "$repo" checkout -q -b unproven series-tip
sed -i 's/return n + 2;/return n + 3;/' "$repo/mm/rmap.c"
sed -i 's/return 1;/return 2;/' "$repo/include/linux/demo_orphan.h"
git -C "$repo" commit -q -am "demo: lines no config compiles"
"$kseries" build --kernel "$repo" --base series-tip --tip unproven --arch x86_64 --all-hunks \
	--out "$tmp/b4" > "$tmp/b4.log" 2>&1
check "build: unproven lines fail the proof (exit $?)" test $? = 1
check "build: each unproven line with its reason" python3 -c "
import json
r = json.load(open('$tmp/b4/series-tip..unproven/report.json'))
p = r['build']['proof']
assert not p['complete'] and p['hunks_proven'] == 0 and p['hunks_total'] == 2, p
why = {u['file']: u['why'] for h in p['hunks'] for u in h['unproven']}
assert 'CONFIG_NEVER_SET' in why['mm/rmap.c'] and '#ifdef CONFIG_NEVER_SET' in why['mm/rmap.c'], why
assert why['include/linux/demo_orphan.h'] == 'no built object includes this header', why"
check "build: report.txt lists them" grep -q "UNPROVEN mm/rmap.c:[0-9]* (added): under '#ifdef CONFIG_NEVER_SET'" \
	"$tmp/b4/series-tip..unproven/report.txt"
"$kseries" build --kernel "$repo" --base series-tip --tip unproven --arch x86_64 --all-hunks \
	--allow-unproven --out "$tmp/b5" > "$tmp/b5.log" 2>&1
check "build: --allow-unproven reports them and passes (exit $?)" test $? = 0

# bad input: one line, exit 2, nothing written
"$kseries" build --kernel "$repo" --base sneaky --tip base --out "$tmp/b6" > "$tmp/b6.log" 2>&1
check "build: --base not an ancestor of --tip: exit 2" test $? = 2
check "build: ... and says so" grep -q "is not an ancestor of --tip" "$tmp/b6.log"
check "build: ... nothing written" test ! -e "$tmp/b6"
"$kseries" build --kernel "$repo" --base base --out "$tmp/b7" > "$tmp/b7.log" 2>&1
check "build: no --tip: exit 2" test $? = 2
finish
