#!/bin/sh
# e2e: KVM's APIC access-page check, a choice said aloud (issue 35, item 2):
# the cover letter and the KVM patch name the choice taken and the other;
# --kvm-apic-range's patch says what it does and its code passes checkpatch
# (tabs, not the spaces spatch aligns parameters with); --stable takes the
# fixed form by default and says so, --no-kvm-apic-range the other; and a
# checkpatch ERROR on a line the series wrote fails the revision aloud.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup

run() {	# NAME ARGS...: series --no-build of v4.12-demo into $tmp/NAME
	name=$1
	shift
	"$kseries" series --no-build --signoff --kernel "$repo" --rev v4.12-demo --out "$tmp/$name" "$@" \
		> "$tmp/$name.log" 2>&1
	echo $? > "$tmp/$name.rc"
}
kvm_patch() { ls "$tmp/$1"/v4.12-demo/series/*-KVM-*.patch; }

run plain
check "kvm: the default run converts (exit $(cat "$tmp/plain.rc"))" test "$(cat "$tmp/plain.rc")" = 0
check "kvm: its cover letter says the APIC check is dropped, as 4.13 did, and names the other form" sh -c "
	tr '\n' ' ' < '$tmp/plain/v4.12-demo/series/0000-cover-letter.patch' | tr -s ' ' > '$tmp/plain.cover'
	grep -q 'this series drops x86.s check that reloads the APIC access page' '$tmp/plain.cover' &&
	grep -q 'kseries --kvm-apic-range writes the series with it' '$tmp/plain.cover'"
check "kvm: the KVM patch says the reload goes, and that 4.15 restored it" sh -c "
	tr '\n' ' ' < '$(kvm_patch plain)' | tr -s ' ' | grep -q 'that reload goes with it, as in upstream 4.13 (Linux 4.15 restored it'"

run range --kvm-apic-range
kp=$(kvm_patch range)
check "kvm: --kvm-apic-range converts (exit $(cat "$tmp/range.rc"))" test "$(cat "$tmp/range.rc")" = 0
check "kvm: its patch says the check becomes a range hook, not that it is dropped" sh -c "
	tr '\n' ' ' < '$kp' | tr -s ' ' > '$tmp/range.msg'
	grep -q 'becomes kvm_arch_mmu_notifier_invalidate_range(), called at the end of invalidate_range_start()' '$tmp/range.msg' &&
	! grep -q 'that reload goes with it' '$tmp/range.msg'"
check "kvm: its cover letter says the check is kept, the 4.15 form" sh -c "
	tr '\n' ' ' < '$tmp/range/v4.12-demo/series/0000-cover-letter.patch' | tr -s ' ' |
	grep -q 'this series keeps x86.s check that reloads the APIC access page'"
check "kvm: its added lines are indented with tabs (no run of 8 spaces)" sh -c "
	grep -q '^+.*kvm_arch_mmu_notifier_invalidate_range' '$kp' && ! grep -q '^+[[:space:]]*        ' '$kp'"
check "kvm: checkpatch finds no ERROR in the KVM patch" python3 -c "
import json
r = json.load(open('$tmp/range/v4.12-demo/report.json'))
p = [p for p in r['patches'] if p['subject'].startswith('KVM:')][0]
assert p['checkpatch']['errors'] == 0, p['checkpatch']"

run stable --stable v4.13-demo
check "kvm: --stable takes the range hook, and says so" sh -c "
	grep -q 'note: --stable turns --kvm-apic-range on, the form the stable trees took (--no-kvm-apic-range for the other)' '$tmp/stable.log' &&
	grep -q '^+.*kvm_arch_mmu_notifier_invalidate_range(kvm, start, end);' $(kvm_patch stable)"
run stable_off --stable v4.13-demo --no-kvm-apic-range
check "kvm: --stable --no-kvm-apic-range drops it, without the note" sh -c "
	! grep -q 'turns --kvm-apic-range on' '$tmp/stable_off.log' &&
	! grep -q 'kvm_arch_mmu_notifier_invalidate_range' $(kvm_patch stable_off)"

check "kvm: --help says every series option has a --no- form" sh -c "
	'$kseries' series --help | grep -q 'each has a --no- form: off, also where series --stable would turn it on'"

# a tree whose checkpatch errs on a line the series writes
git -C "$repo" checkout -q -b strict v4.12-demo
sed -i 's|^\t\tif (\$in_diff \&\& \$l =~ /^\\+(?!\\+\\+)/) {|&\n\t\t\tprint "$file:$line: ERROR: demo: no new range_end calls\\n" if $l =~ /invalidate_range_end\\(/;|' \
	"$repo/scripts/checkpatch.pl"
git -C "$repo" commit -q -am "demo: a strict checkpatch"
"$kseries" series --no-build --signoff --kernel "$repo" --rev strict --out "$tmp/strict" > "$tmp/strict.log" 2>&1
rc=$?
check "kvm: checkpatch's new ERROR fails the revision (exit $rc)" test "$rc" = 1
check "kvm: stderr names the patch and the ERROR, and the error line counts it" sh -c "
	grep -q 'warning: \[strict\] checkpatch: 0002 mm/rmap: update to new mmu_notifier semantic: [0-9]* ERRORs* the series wrote, first: .*demo: no new range_end calls' '$tmp/strict.log' &&
	grep -q 'kseries: error: \[strict\] .*[1-9][0-9]* checkpatch errors the series wrote' '$tmp/strict.log' &&
	grep -q '^strict .*failed' '$tmp/strict/matrix.txt'"
finish
