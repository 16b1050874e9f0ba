#!/bin/sh
# e2e: the docs a new user reads agree with the binary (issue 35, item 10):
# every option a command's --help lists is in the man page, and in its
# synopsis for series and build; the man page's --force says what it does;
# --jobs reads the same in the help and the man page; README says how to get
# kseries on PATH; a --fix mode that does not exist is refused with the valid ones.
set -u
. "$(dirname "$0")/../lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
kseries="$top/driver/kseries"
man="$top/docs/kseries.1"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# the man page's source, its escapes undone, and its synopsis alone
sed 's/\\-/-/g; s/\\f[BIR]//g' "$man" > "$tmp/man"
sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' "$tmp/man" | tr '\n' ' ' > "$tmp/synopsis"
for c in series build audit boot matrix rewrite; do
	"$kseries" "$c" -h > "$tmp/$c.help" 2>&1
	missing=""
	for o in $(grep -o -- '--[a-z][a-z0-9-]*' "$tmp/$c.help" | sort -u); do
		[ "$o" = --help ] || grep -q -- "$o" "$tmp/man" || missing="$missing $o"
	done
	check "docs: every option of kseries $c -h is in the man page (missing:$missing)" test -z "$missing"
done
for c in series build; do
	missing=""
	for o in $(grep -o -- '^ *\(-[a-z], \)\?--[a-z][a-z0-9-]*' "$tmp/$c.help" | grep -o -- '--[a-z0-9-]*' | sort -u); do
		case $o in --help|--kernel|--rev|--out|--base|--tip) ;; *)
			grep -q -- "$o" "$tmp/synopsis" || missing="$missing $o" ;; esac
	done
	check "docs: the synopsis of $c lists every option (missing:$missing)" test -z "$missing"
done
check "docs: the synopsis has audit and boot" sh -c "grep -q 'kseries audit' '$tmp/synopsis' && grep -q 'kseries boot' '$tmp/synopsis'"
check "docs: the man page's --force of series says it replaces an earlier run's output" \
	grep -q "Replace what an earlier kseries run wrote" "$tmp/man"
check "docs: --jobs: the help's words are the man page's" sh -c "
	grep -q 'at most N processes at once' '$tmp/series.help' &&
	grep -q 'At most N processes at once (default: the CPUs): up to N' '$tmp/man'"
check "docs: README says how to put kseries on PATH" grep -q "make install" "$top/README.md"
mkdir -p "$tmp/mod"
printf '#include <linux/mmu_notifier.h>\n' > "$tmp/mod/m.c"
"$kseries" audit --fix guess "$tmp/mod" > "$tmp/fix.out" 2>&1
rc=$?
check "docs: --fix guess: exit 2 ($rc) naming the valid modes" sh -c "
	test $rc = 2 && grep -q 'kseries: error: --fix guess: .* has no such fix: give one of guard, probe, delete, convert' '$tmp/fix.out'"
finish
