#!/bin/sh
# e2e: --kconfig [ARCH=]FILE (issue 35, item 9): a vendor's own .config is
# where that arch's cells start, in place of its defconfig (as TuxMake's
# --kconfig); the series' settings go on top; the report, the cover letter
# and the other arches say which config each cell had. Bad files: exit 2.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup

printf 'CONFIG_X86_64=y\nCONFIG_MMU_NOTIFIER=y\nCONFIG_VENDOR_MARK=y\n' > "$tmp/vendor.config"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --arch x86_64 --arch arm64 --no-bisect \
	--kconfig "$tmp/vendor.config" --out "$tmp/o" > "$tmp/o.log" 2>&1
echo $? > "$tmp/rc"
r="$tmp/o/v4.12-demo"
check "kconfig: the run converts and builds (exit $(cat "$tmp/rc"))" test "$(cat "$tmp/rc")" = 0
check "kconfig: x86_64's build folder starts from the vendor's .config, the series' settings on top" sh -c "
	grep -qx 'CONFIG_VENDOR_MARK=y' '$r/build/x86_64/.config' &&
	grep -qx 'CONFIG_KVM=y' '$r/build/x86_64/.config'"
check "kconfig: ... its variant too (x86_64-nomn); arm64 keeps its defconfig" sh -c "
	grep -qx 'CONFIG_VENDOR_MARK=y' '$r/build/x86_64-nomn/.config' &&
	! grep -q 'VENDOR_MARK' '$r/build/arm64/.config'"
check "kconfig: report.json names the file for x86_64, the defconfig for arm64" python3 -c "
import json, sys
cells = {c['arch']: c for c in json.load(open('$r/report.json'))['build']['archs']}
x, a = cells['x86_64'], cells['arm64']
sys.exit(not (x['defconfig'] is None and x['defconfig_note'] == '$tmp/vendor.config (--kconfig, in place of a defconfig)'
              and a['defconfig'] == 'defconfig' and x['state'] == 'ok'))"
check "kconfig: the cover letter says x86_64 was built from it" sh -c "
	tr '\n' ' ' < '$r/series/0000-cover-letter.patch' | grep -q 'x86_64 (from vendor.config, --kconfig)'"

fails() {	# WANT ARGS...: exit 2 and WANT on stderr, nothing written
	want=$1
	shift
	"$kseries" series -q --kernel "$repo" --rev v4.12-demo --out "$tmp/bad" "$@" > "$tmp/bad.log" 2>&1
	rc=$?
	cat "$tmp/bad.log"
	[ $rc = 2 ] && grep -q -- "$want" "$tmp/bad.log" && [ ! -e "$tmp/bad" ]
}
printf 'CONFIG_GENERIC=y\n' > "$tmp/noarch.config"
printf 'hello\n' > "$tmp/not.config"
check "kconfig: a file of no arch: exit 2, asks for ARCH=FILE" \
	fails "cannot tell which arch $tmp/noarch.config is for.*give --kconfig ARCH=" --kconfig "$tmp/noarch.config"
check "kconfig: ... ARCH=FILE takes it" sh -c "
	'$kseries' series -q --kernel '$repo' --rev v4.12-demo --arch arm --no-bisect --kconfig 'arm=$tmp/noarch.config' \
		--out '$tmp/o2' > '$tmp/o2.log' 2>&1
	grep -qx 'CONFIG_GENERIC=y' '$tmp/o2/v4.12-demo/build/arm/.config'"
check "kconfig: an x86_64 file given as arm64: exit 2, named" \
	fails "is a .config for x86_64, not arm64" --kconfig "arm64=$tmp/vendor.config"
check "kconfig: a file that is no .config: exit 2, named" fails "holds no CONFIG_ line" --kconfig "$tmp/not.config"
check "kconfig: a missing file: exit 2, named" fails "cannot read $tmp/none.config" --kconfig "$tmp/none.config"
check "kconfig: an arch --arch leaves out: exit 2, says to add it" \
	fails "a .config for x86_64, which --arch leaves out: add --arch x86_64" --arch arm64 --kconfig "$tmp/vendor.config"
check "kconfig: kseries build takes it too" sh -c "
	'$kseries' build --kernel '$repo' --base v4.12-demo --tip v4.12-demo --arch arm64 \
		--kconfig '$tmp/vendor.config' --out '$tmp/b' > '$tmp/b.log' 2>&1
	test \$? = 2 && grep -q 'which --arch leaves out' '$tmp/b.log'"
finish
