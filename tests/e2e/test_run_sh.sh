#!/bin/sh
# e2e: ./run.sh with no arguments runs the main job on the shipped demo repo.
set -u
. "$(dirname "$0")/../lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

check "run.sh: the demo runs, exit 0" env KSERIES_DEMO_DIR="$tmp/demo" "$top/run.sh"
check "run.sh: a series for v4.12-demo" sh -c "ls '$tmp/demo/out/v4.12-demo/series' | grep -q '0000-cover-letter.patch'"
check "run.sh: the matrix covers the three revisions" sh -c "
	grep -q '^v4.9-demo  *converted' '$tmp/demo/out/matrix.txt' &&
	grep -q '^v4.13-demo  *already-converted' '$tmp/demo/out/matrix.txt'"
check "run.sh COMMAND: passes through to kseries" sh -c "'$top/run.sh' help | grep -q 'usage: kseries'"
finish
