#!/bin/sh
# e2e: kseries boot's plumbing on the demo repo, whose tree cannot make a
# bzImage: series --boot writes a failed runtime verdict that names the build,
# the matrix carries it, nothing is left behind; usage and manifest errors.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup

"$kseries" series --boot --no-build --kernel "$repo" --rev v4.12-demo --out "$tmp/o" \
	> "$tmp/o.log" 2>&1
check "series --boot: a kernel that does not build fails the run (exit 1)" test $? = 1
b=$tmp/o/v4.12-demo/boot
check "series --boot: both kernels named as not built, with their logs" \
	sh -c "grep -q '^before: .*not built: make bzImage modules failed: see $b/before/build.log' '$b/runtime.txt' &&
	       grep -q '^after: .*not built' '$b/runtime.txt'"
check "series --boot: the verdict is FAIL" grep -q '^verdict: FAIL' "$b/runtime.txt"
check "series --boot: the matrix has the runtime column" grep -q 'runtime: fail, fixes 0' "$tmp/o/matrix.txt"
check "series --boot: matrix.json's row has the runtime verdict" python3 -c "
import json, sys
r = json.load(open('$tmp/o/matrix.json'))['revisions'][0]
sys.exit(0 if r['runtime']['verdict'] == 'fail' else 1)"
check "series --boot: matrix.html links the runtime report" grep -q 'boot/runtime.txt' "$tmp/o/matrix.html"
check "series --boot: the boot worktree is gone" test ! -e "$b/worktree"
check "series --boot: git knows no worktree of it" sh -c "! git -C '$repo' worktree list | grep -q boot"

# an already converted revision: no patches, nothing to boot after them
"$kseries" boot --kernel "$repo" --rev v4.13-demo --out "$tmp/o2" > "$tmp/o2.log" 2>&1
check "boot: a revision with no patches: exit 2" test $? = 2
check "boot: ... says there is nothing to boot" grep -q "nothing to boot after it" "$tmp/o2.log"

usage() {
	what=$1 want=$2
	shift 2
	"$kseries" boot "$@" > "$tmp/u.log" 2>&1
	rc=$?
	check "usage: $what: exit 2" test "$rc" = 2
	check "usage: $what: says so" grep -q -- "$want" "$tmp/u.log"
}
usage "no --out" "add --out DIR" --kernel "$repo" --rev v4.12-demo
usage "--kernel and --image" "give --kernel REPO --rev REV" --kernel "$repo" --image /x --out "$tmp/u1"
usage "--image without --headers" "--image needs --headers" --image /x --out "$tmp/u2"
usage "bad --accel" "give auto or one of kvm|tcg" --kernel "$repo" --rev v4.12-demo --accel fast --out "$tmp/u3"
usage "a series without runtime data" 'has no "runtime" data' --series "$top/tests/series2/series" \
	--kernel "$repo" --rev v4.12-demo --out "$tmp/u4"
cp -r "$top/cocci" "$tmp/s"
sed -i 's/"NUMA=y"/"NUMA=yes"/' "$tmp/s/series.json"
usage "a bad runtime setting" '"runtime"."config"\[0\] must be' --series "$tmp/s" --kernel "$repo" \
	--rev v4.12-demo --out "$tmp/u5"
finish
