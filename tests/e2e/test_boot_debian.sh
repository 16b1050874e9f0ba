#!/bin/sh
# e2e: kseries boot for real on the kernel Debian ships (linux-image-amd64,
# linux-headers-amd64: make deps), under qemu (KVM when a test boot with it
# works, else TCG). That kernel is already converted: every scenario must
# pass, with the callbacks of the range API, and the sleep check reported as
# not checked (Debian has no DEBUG_ATOMIC_SLEEP). Then the named failures:
# no THP (skips, never passes), a probe that does not build, a kernel that
# does not reach its /init.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_setup

release=
for b in /lib/modules/*/build; do
	r=$(basename "$(dirname "$b")")
	[ -r "/boot/vmlinuz-$r" ] && [ -r "$b/Makefile" ] && release=$r
done
if [ -z "$release" ]; then
	echo "FAIL no Debian kernel with its headers (/boot/vmlinuz-R and /lib/modules/R/build): make deps"
	exit 1
fi
image=/boot/vmlinuz-$release
headers=/lib/modules/$release/build

"$kseries" boot --image "$image" --headers "$headers" --out "$tmp/o" --runs 2 \
	> "$tmp/o.log" 2>&1
check "debian $release: the verdict passes (exit 0)" test $? = 0
txt=$tmp/o/runtime.txt
for s in unmap-4k-migrate unmap-thp-migrate unmap-thp-pte-migrate unmap-thp-pte-split \
	clean-4k-msync clean-4k-fsync; do
	check "debian: $s passes both runs" grep -q "^$s  *pass 2/2" "$txt"
done
check "debian: a compound page cannot be cleaned: a named skip" \
	grep -q "no compound page can be cleaned here" "$txt"
check "debian: the probe found invalidate_range and no invalidate_page (a converted kernel)" \
	sh -c "grep 'probe features:' '$txt' | grep -q HAVE_INVALIDATE_RANGE && ! grep 'probe features:' '$txt' | grep -q HAVE_INVALIDATE_PAGE"
check "debian: the sleep check is reported as not checked" \
	grep -q "sleeping in atomic context: not checked (CONFIG_DEBUG_ATOMIC_SLEEP is off" "$txt"
check "debian: the probe saw each migration's bracket and invalidate_range" python3 -c "
import json, sys
k = json.load(open('$tmp/o/runtime.json'))['kernels'][0]
s = {x['name']: x for x in k['scenarios']}
c = dict(kv.split(':') for kv in s['unmap-4k-migrate']['callbacks'].split(','))
ok = k['state'] == 'ok' and int(c['start']) >= 1 and int(c['range']) >= 1 and c['page'] == '0'
sys.exit(0 if ok else 1)"
check "debian: the console log is kept" grep -q "kseries-rt: end" "$tmp/o/kernel/console.log"
check "debian: no partial-output marker" test ! -e "$tmp/o/INCOMPLETE"

# a series copy whose guest turns THP off: the THP scenarios skip, by name
cp -r "$top/cocci" "$tmp/s1"
sed -i 's/echo always > /echo never > /' "$tmp/s1/runtime/guest/init"
"$kseries" boot --series "$tmp/s1" --image "$image" --headers "$headers" --out "$tmp/o1" \
	--runs 1 --accel tcg > "$tmp/o1.log" 2>&1
check "no THP: the 4 KiB scenarios still pass (exit 0)" test $? = 0
check "no THP: the THP scenarios are skips, never passes" \
	grep -q "^unmap-thp-migrate  *skip 1/1" "$tmp/o1/runtime.txt"
check "no THP: the skip says why" grep -q "no transparent huge page" "$tmp/o1/runtime.txt"

# a probe that does not build: a named failure, no boot, exit 1
cp -r "$top/cocci" "$tmp/s2"
echo "this is not C;" >> "$tmp/s2/runtime/probe/kseries_mn_probe.c"
"$kseries" boot --series "$tmp/s2" --image "$image" --headers "$headers" --out "$tmp/o2" \
	--accel tcg > "$tmp/o2.log" 2>&1
check "broken probe: exit 1" test $? = 1
check "broken probe: named" grep -q "not built: the probe did not build against" "$tmp/o2/runtime.txt"
check "broken probe: verdict FAIL" grep -q "^verdict: FAIL" "$tmp/o2/runtime.txt"

# an init that dies at once: the kernel panics before /init says anything
cp -r "$top/cocci" "$tmp/s3"
printf '#!/bin/busybox sh\nexit 1\n' > "$tmp/s3/runtime/guest/init"
"$kseries" boot --series "$tmp/s3" --image "$image" --headers "$headers" --out "$tmp/o3" \
	--accel tcg --timeout 120 > "$tmp/o3.log" 2>&1
check "no /init: exit 1" test $? = 1
check "no /init: the kernel did not boot, and its panic is named" \
	sh -c "grep -q 'did not boot' '$tmp/o3/runtime.txt' && grep -q 'Kernel panic' '$tmp/o3/runtime.txt'"
finish
