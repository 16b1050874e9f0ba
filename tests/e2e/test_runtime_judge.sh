#!/bin/sh
# The series' runtime judgement (cocci/runtime/guest/judge.c), on the host.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_setup
if ! gcc -Wall -Wextra -Werror -O2 -o "$tmp/test_judge" "$top/tests/runtime/test_judge.c" \
	"$top/cocci/runtime/guest/judge.c" > "$tmp/cc.log" 2>&1; then
	cat "$tmp/cc.log"
	echo "FAIL judge.c and its test compile with -Werror"
	exit 1
fi
"$tmp/test_judge"
