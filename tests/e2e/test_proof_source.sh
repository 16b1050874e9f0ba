#!/bin/sh
# e2e: the object identity judges a function the diff's text does not touch
# by its source in the unit (issue 32, item 1), on the demo tree, x86_64:
# code changed through a static inline helper or a header macro that a
# change not of the series changed fails and names the helper or macro;
# the same macro changed by the series is "changed as the diff says"; a
# function whose code changed only because gcc inlines a header's static
# function once its other caller is gone is the compiler's choice, exit 0.
# New warnings (item 2): an unused variable (W=1) and a __user pointer
# dereferenced (sparse) fail naming file:line; warnings already there, on
# lines the diff moved, are counted and never listed.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
git -C "$repo" checkout -q -b prep v4.12-demo

cat > "$repo/include/linux/demo_calc.h" <<'EOC'
#ifndef _LINUX_DEMO_CALC_H
#define _LINUX_DEMO_CALC_H

#ifdef __CHECKER__
#define __user __attribute__((noderef, address_space(1)))
#else
#define __user
#endif

#define DEMO_SCALE 3
#define DEMO_SCALED(n) ((n) * DEMO_SCALE)

/* too big to inline into two callers; gcc inlines it into one */
static int demo_mix(int n)
{
	int acc = 0;

	for (int i = 0; i < n; i++) {
		switch (i & 7) {
		case 0: acc ^= i * 2654435761u; break;
		case 1: acc += (acc << 3) | (i >> 2); break;
		case 2: acc -= n * 7 + i; break;
		case 3: acc += n / 3 + i; break;
		case 4: acc ^= acc >> 5; break;
		case 5: acc *= 31; break;
		case 6: acc += i * i; break;
		default: acc -= acc / 9; break;
		}
	}
	for (int i = n; i > 0; i /= 2)
		acc += i % 5 ? acc / i : i * 3;
	return acc;
}

#endif
EOC
cat >> "$repo/mm/rmap.c" <<'EOC'

#include <linux/demo_calc.h>

int rmap_scaled(int n)
{
	return DEMO_SCALED(n) + 1;
}

static inline int rmap_weight(int n)
{
	return n * 3;
}

int rmap_score(int n)
{
	return rmap_weight(n) + 1;
}

int rmap_total(int n)
{
	return rmap_weight(n + 2) - 1;
}

int rmap_mix_a(int n)
{
	return demo_mix(n) + 2;
}

int rmap_mix_b(int n)
{
	return demo_mix(n + 1) - 2;
}

int rmap_peek(int __user *p)
{
	return p != 0;
}
EOC
git -C "$repo" add -A
git -C "$repo" commit -q -m "demo: functions whose source lives in a helper, a header macro, a header function"
git -C "$repo" tag base

# one branch from base per change: build base..BRANCH on x86_64 (extra flags after it)
branch() {
	name=$1 file=$2 from=$3 to=$4
	shift 4
	git -C "$repo" checkout -q -b "$name" base
	sed -i "s/$from/$to/" "$repo/$file"
	git -C "$repo" commit -q -am "demo: $name"
	"$kseries" build --kernel "$repo" --base base --tip "$name" --arch x86_64 --allow-unproven \
		"$@" --out "$tmp/$name" > "$tmp/$name.log" 2>&1
	echo $? > "$tmp/$name.rc"
}
# the x86_64 cell's proof in report.json, as python: p
proof() {
	printf 'import json\nr = json.load(open("%s/%s/base..%s/report.json"))\np = {c["arch"]: c for c in r["build"]["archs"]}["x86_64"]["proof"]\n' \
		"$tmp" "$1" "$1"
}
line_of() {
	grep -n "$2" "$repo/$1" | head -1 | cut -d: -f1
}

# 1. a static inline helper of the .c changed by a change that is not the series'
branch helper mm/rmap.c 'return n \* 3;' 'return n * 4;'
check "proof: a helper changed outside the series fails (exit $(cat "$tmp/helper.rc"))" test "$(cat "$tmp/helper.rc")" = 1
wl=$(git -C "$repo" show helper:mm/rmap.c | grep -n 'return n \* 4;' | cut -d: -f1)
hc=$(git -C "$repo" rev-parse --short=12 helper)
check "proof: each untouched caller is named with the helper, its changed line and the commit" python3 -c "
$(proof helper)
u = sorted(p['unexpected_functions'])
want = ['mm/rmap.o: %s: code changed through rmap_weight (mm/rmap.c:$wl in commit $hc (\\\"demo: helper\\\")), which a change that is not part of the series changes' % f
        for f in ('rmap_score', 'rmap_total')]
assert u == want, (u, want)"
check "proof: stderr names each unexpected function with its commit" sh -c "
	grep -q 'warning: \\[base..helper\\] unexpected on x86_64: mm/rmap.o: rmap_score: .*in commit $hc' '$tmp/helper.log' &&
	grep -q 'warning: \\[base..helper\\] unexpected on x86_64: mm/rmap.o: rmap_total: .*in commit $hc' '$tmp/helper.log'"
"$kseries" build --kernel "$repo" --base base --tip helper --arch x86_64 --allow-unproven --expect helper \
	--out "$tmp/expect" > "$tmp/expect.log" 2>&1
check "proof: --expect takes the vendor's commit as meant (exit $?)" test $? = 0
check "proof: ... its callers are then changed through the helper" python3 -c "
$(proof expect | sed 's/base..expect/base..helper/')
assert p['unexpected'] == 0 and 'mm/rmap.o: rmap_score' in p['changed_functions'], p"
"$kseries" build --kernel "$repo" --base base --tip helper --arch x86_64 --expect v4.9-demo \
	--out "$tmp/expect2" > "$tmp/expect2.log" 2>&1
rc=$?
check "proof: --expect of a commit outside the range: exit 2 ($rc), saying so" sh -c "
	test $rc = 2 && grep -q 'expect v4.9-demo: not a commit between --base and --tip' '$tmp/expect2.log'"

# 2. a header macro changed outside the series: the only user is untouched
branch macro include/linux/demo_calc.h 'DEMO_SCALE 3' 'DEMO_SCALE 4'
check "proof: a header macro changed outside the series fails (exit $(cat "$tmp/macro.rc"))" test "$(cat "$tmp/macro.rc")" = 1
ml=$(line_of include/linux/demo_calc.h 'define DEMO_SCALE 4')
mc=$(git -C "$repo" rev-parse --short=12 macro)
check "proof: its user is named with the macro, the header's line and the commit" python3 -c "
$(proof macro)
u = p['unexpected_functions']
assert u == ['mm/rmap.o: rmap_scaled: code changed through DEMO_SCALE (include/linux/demo_calc.h:$ml in commit $mc (\\\"demo: macro\\\")), which a change that is not part of the series changes'], u"
check "proof: report.txt says it" grep -q "UNEXPECTED mm/rmap.o: rmap_scaled: code changed through DEMO_SCALE" \
	"$tmp/macro/base..macro/report.txt"

# 3. the same macro changed by the series (every hunk meant): changed as the diff says
git -C "$repo" branch -q series-macro macro
"$kseries" build --kernel "$repo" --base base --tip series-macro --arch x86_64 --allow-unproven --all-hunks \
	--out "$tmp/sm" > "$tmp/sm.log" 2>&1
check "proof: a header macro the series changes is no alarm (exit $?)" test $? = 0
check "proof: its user is changed through it" python3 -c "
import json
r = json.load(open('$tmp/sm/base..series-macro/report.json'))
p = {c['arch']: c for c in r['build']['archs']}['x86_64']['proof']
assert p['unexpected'] == 0, p
assert 'mm/rmap.o: rmap_scaled (through DEMO_SCALE, include/linux/demo_calc.h:$ml)' in p['changed_functions'], p['changed_functions']"

# 4. the series drops one caller of a header's static function: gcc inlines it into the other
branch once mm/rmap.c 'return demo_mix(n) + 2;' 'return n + 2;' --all-hunks
check "proof: the compiler's whole-unit choice is no failure (exit $(cat "$tmp/once.rc"))" test "$(cat "$tmp/once.rc")" = 0
check "proof: rmap_mix_b and the inlined demo_mix are the compiler's choice, rmap_mix_a changed" python3 -c "
$(proof once)
c = p['compiler_choice_functions']
assert p['unexpected'] == 0 and p['compiler_choice'] == 2, p
assert any(x.startswith('mm/rmap.o: rmap_mix_b: code changed, its source did not') for x in c), c
assert any(x.startswith('mm/rmap.o: demo_mix: code gone, its source did not') for x in c), c
assert all('(the series touches rmap_mix_a)' in x for x in c), c
assert 'mm/rmap.o: rmap_mix_a' in p['changed_functions'], p['changed_functions']"
check "proof: report.txt lists them apart" sh -c "
	grep -q '1 changed as the diff says, 2 by the compiler.s whole-unit choice, 0 unexpected' '$tmp/once/base..once/report.txt' &&
	grep -q 'compiler   mm/rmap.o: rmap_mix_b' '$tmp/once/base..once/report.txt'"

# 5. an unused variable: the same code, a new warning
branch unused mm/rmap.c 'return rmap_weight(n + 2) - 1;' 'int spare;\n\n\treturn rmap_weight(n + 2) - 1;'
check "warnings: an unused variable fails (exit $(cat "$tmp/unused.rc"))" test "$(cat "$tmp/unused.rc")" = 1
ul=$(git -C "$repo" show unused:mm/rmap.c | grep -n 'int spare;' | cut -d: -f1)
check "warnings: it is the one new warning, at its line; the code is the same" python3 -c "
$(proof unused)
w = p['warnings']
assert w['new'] == [\"mm/rmap.c:$ul: unused variable 'spare' [-Wunused-variable]\"], w
assert w['already_there'] > 0 and w['after'] == w['already_there'] + 1, w
assert p['unexpected'] == 0, p
c = {c['arch']: c for c in r['build']['archs']}['x86_64']
assert c['state'] == 'failed' and 'new warning' in c['reason'] and 'spare' in c['reason'], c"
check "warnings: report.txt names it and counts the others" sh -c "
	grep -q \"NEW WARNING mm/rmap.c:$ul: unused variable 'spare'\" '$tmp/unused/base..unused/report.txt' &&
	grep -Eq 'warnings \(W=1, sparse\): [0-9]+ after the series, [0-9]+ already there, 1 new' '$tmp/unused/base..unused/report.txt'"

# 6. a __user pointer dereferenced: sparse's warning (x86_64 runs it)
branch user mm/rmap.c 'return p != 0;' 'return *p;'
check "warnings: a new sparse warning fails (exit $(cat "$tmp/user.rc"))" test "$(cat "$tmp/user.rc")" = 1
pl=$(git -C "$repo" show user:mm/rmap.c | grep -n 'return \*p;' | cut -d: -f1)
check "warnings: sparse's is named at its line" python3 -c "
$(proof user)
new = p['warnings']['new']
assert any(x.startswith('mm/rmap.c:$pl: dereference of noderef expression') for x in new), new"

# 7. lines moved above warnings already there: nothing new; --no-warnings looks for none
git -C "$repo" checkout -q -b shift base
sed -i '1i /* demo: a first line that moves every other */' "$repo/mm/rmap.c"
git -C "$repo" commit -q -am "demo: shift"
"$kseries" build --kernel "$repo" --base base --tip shift --arch x86_64 --allow-unproven --all-hunks \
	--out "$tmp/shift" > "$tmp/shift.log" 2>&1
check "warnings: moved warnings are no new ones (exit $?)" test $? = 0
check "warnings: all counted as there before" python3 -c "
$(proof shift)
w = p['warnings']
assert w['new'] == [] and w['already_there'] == w['after'] > 3, w"
"$kseries" build --kernel "$repo" --base base --tip unused --arch x86_64 --allow-unproven --no-warnings \
	--out "$tmp/nowarn" > "$tmp/nowarn.log" 2>&1
check "warnings: --no-warnings builds without them (exit $?)" test $? = 0
check "warnings: --no-warnings: report.json says not looked for" python3 -c "
$(proof nowarn | sed 's/base..nowarn/base..unused/')
assert p['warnings'] is None, p"
finish
