#!/bin/sh
# e2e: the engine is general. A second series of our own (tests/series2: a
# caller rewrite, a callback removal, an API removal, an option, report kinds
# and build settings of its own) runs through rewrite, series and the build
# with --series, and the driver's C names no series.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_setup
s2="$top/tests/series2/series"
repo="$tmp/repo"
"$top/tests/series2/make-repo.sh" "$repo" >/dev/null

check "series2: the driver's C names no series (mmu_notifier, invalidate_page, kvm)" sh -c "
	! grep -n -i -E 'mmu_notifier|invalidate_page|kvm' '$top'/driver/*.c '$top'/driver/*.h"

# rewrite --report: the series' own kinds
"$kseries" rewrite --series "$s2" --report "$repo" > "$tmp/report" 2>&1
check "series2: rewrite --report finds 3 callers, 1 callback, 2 API spots" sh -c "
	test \$(grep -c ': put caller: ' '$tmp/report') = 3 &&
	test \$(grep -c ': put callback foo_put_page: ' '$tmp/report') = 1 &&
	test \$(grep -c ': gadget api: ' '$tmp/report') = 2"
check "series2: ... and never the false friend (struct bar_ops)" sh -c "! grep -q bar_put_page '$tmp/report'"

# rewrite: the three rules, by type, not by name
git clone -q "$repo" "$tmp/w"
"$kseries" rewrite -q --series "$s2" "$tmp/w" > "$tmp/rw" 2>&1
echo $? > "$tmp/rc"
check "series2: rewrite exits 0" test "$(cat "$tmp/rc")" = 0
check "series2: no gadget_put_page() left, every caller uses gadget_put_pages(.., 1)" sh -c "
	! grep -rq 'gadget_put_page(' '$tmp/w' --include='*.[ch]' &&
	test \$(grep -rc 'gadget_put_pages([a-z]*, [a-z]*, 1);' '$tmp/w/lib/gadget.c') = 2"
check "series2: the callback and its initialiser are gone, put_pages stays" sh -c "
	! grep -qw foo_put_page '$tmp/w/drivers/gadget/foo.c' &&
	grep -q '.put_pages = foo_put_pages,' '$tmp/w/drivers/gadget/foo.c'"
check "series2: the false friend's .put_page is untouched" sh -c "
	grep -q '.put_page = bar_put_page,' '$tmp/w/drivers/misc/bar.c' &&
	grep -q 'void (\*put_page)' '$tmp/w/drivers/misc/bar.c'"
check "series2: the member and the helper are gone from the API header" sh -c "
	! grep -q 'put_page)' '$tmp/w/include/linux/gadget.h' &&
	! grep -q 'gadget_put_page(' '$tmp/w/include/linux/gadget.h'"
check "series2: without --trace-puts, no trace call" sh -c "! grep -q 'gadget_trace(g);' '$tmp/w/lib/gadget.c'"

# the series' own option, with its help
"$kseries" rewrite --series "$s2" --help > "$tmp/help" 2>&1
check "series2: --help lists the series' option with its help" \
	grep -q -- '--trace-puts  *call gadget_trace() before every converted put' "$tmp/help"
check "series2: ... and not the other series' option" sh -c "! grep -q -- '--kvm-apic-range' '$tmp/help'"
check_fails "series2: the other series' option is unknown here" \
	"$kseries" rewrite --series "$s2" --kvm-apic-range "$repo"
git clone -q "$repo" "$tmp/t"
"$kseries" rewrite -q --series "$s2" --trace-puts "$tmp/t" > /dev/null 2>&1
check "series2: --trace-puts gives -D trace_puts: a trace call before each put" sh -c "
	test \$(grep -c 'gadget_trace(g);' '$tmp/t/lib/gadget.c') = 2"

# series with the build: patches in manifest order, the catch-all before the API removal
"$kseries" series -q --series "$s2" --kernel "$repo" --rev v1-gadget --arch x86_64 \
	--out "$tmp/o" > "$tmp/so" 2>&1
echo $? > "$tmp/rc"
check "series2: series exits 0" test "$(cat "$tmp/rc")" = 0
check "series2: 4 patches: the manifest's, the catch-all before the one that removes the API" sh -c "
	cd '$tmp/o/v1-gadget/series' && ls 0001-lib-gadget-use-gadget_put_pages.patch \
		0002-gadget-foo-drop-the-put_page-callback.patch 0003-gadget-use-gadget_put_pages.patch \
		0004-gadget-kill-put_page.patch && test \$(ls | grep -c '^000[1-9]') = 4"
check "series2: the shared preamble opens each message, not the one that opts out" sh -c "
	grep -q 'The put_page callback of gadget_ops is going away' '$tmp/o/v1-gadget/series/0001'* &&
	! grep -q 'is going away' '$tmp/o/v1-gadget/series/0004'*"
check "series2: the report counts the series' kinds, under its keys" python3 -c "
import json; r = json.load(open('$tmp/o/v1-gadget/report.json'))
assert r['found'] == {'put_callers': 3, 'put_callbacks': 1, 'gadget_api': 2}, r['found']
assert r['state'] == 'converted' and r['residuals'] == [], r"
check "series2: report.txt names them with their labels" \
	grep -q '^found before: 3 put callers, 1 put callbacks, 2 gadget api$' "$tmp/o/v1-gadget/report.txt"
check "series2: the build applies the series' Kconfig settings (all, and x86_64's own)" sh -c "
	grep -q '^CONFIG_GADGET=y' '$tmp/o/v1-gadget/build/x86_64/.config' &&
	grep -q '^CONFIG_GADGET_FOO=y' '$tmp/o/v1-gadget/build/x86_64/.config'"
check "series2: ... and builds every changed object before, after, and patch by patch" python3 -c "
import json; r = json.load(open('$tmp/o/v1-gadget/report.json'))
c = r['build']['archs'][0]
assert c['state'] == 'ok' and c['patches_built'] == 3, c
assert sorted(c['built']) == ['drivers/gadget/foo.o', 'drivers/misc/bar.o', 'lib/gadget.o'], c"
check "series2: the series applies with git am and gives rewrite's tree" sh -c "
	git clone -q '$repo' '$tmp/am' && cd '$tmp/am' && git checkout -q v1-gadget &&
	git am -q \$(ls '$tmp/o/v1-gadget/series/'000[1-9]-*.patch) &&
	diff -r -x .git . '$tmp/w'"

# a --series that is not one
"$kseries" rewrite --series "$tmp/nothing" "$repo" > "$tmp/bad" 2>&1
echo $? > "$tmp/rc"
check "series2: --series of a folder without series.json: exit 2, named" sh -c "
	test \$(cat '$tmp/rc') = 2 && grep -q 'not a series folder (it needs a series.json' '$tmp/bad'"
finish
