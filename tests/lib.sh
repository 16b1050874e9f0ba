# Shared helpers of the shell tests: each check prints "ok NAME" or "FAIL NAME".
# shellcheck shell=sh
failures=0
check() {
	name=$1; shift
	if out=$("$@" 2>&1); then
		echo "ok $name"
	else
		echo "FAIL $name"
		printf '%s\n' "$out" | tail -n 20 | sed 's/^/  | /'
		failures=$((failures + 1))
	fi
}
check_fails() {
	name=$1; shift
	if out=$("$@" 2>&1); then
		echo "FAIL $name (succeeded, expected a failure)"
		printf '%s\n' "$out" | tail -n 5 | sed 's/^/  | /'
		failures=$((failures + 1))
	else
		echo "ok $name"
	fi
}
finish() {
	[ "$failures" -eq 0 ]
}
