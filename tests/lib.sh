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
# The balance check rule on its own, independent of kseries: the
# "unbalanced" findings on each FILE, one per line; fails if spatch does.
balance_findings() {
	# $top (e2e_setup's) still holds after a test's cd; $0 may be relative
	rule="${top:-$(cd "$(dirname "$0")/../.." && pwd)}/cocci/checks/range_balance.cocci"
	for f in "$@"; do
		out=$(spatch --sp-file "$rule" -D report --very-quiet --no-includes "$f" 2>&1) ||
			{ echo "$out" >&2; return 1; }
		printf '%s\n' "$out" | grep ': unbalanced: '
	done
	return 0
}

# Every file (under each PATH given, file or folder) that opens a range is
# balanced on every path.
balance_clean() {
	found=$(grep -rl --include='*.c' --include='*.h' mmu_notifier_invalidate_range_start "$@") || true
	[ -n "$found" ] || { echo "no range bracket under $*"; return 1; }
	# shellcheck disable=SC2086
	out=$(balance_findings $found) || return 1
	[ -z "$out" ] || { echo "$out"; return 1; }
}

# The e2e preamble: $here, $top, $kseries, and a private $tmp removed at exit.
e2e_setup() {
	here=$(cd "$(dirname "$0")" && pwd)
	top=$(cd "$here/../.." && pwd)
	kseries="$top/driver/kseries"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	# a cache of the test's own: never the user's, cold at the start of each test file
	export KSERIES_CACHE_DIR="$tmp/cache"
}

# The same, and the demo kernel repo at $repo.
e2e_demo_setup() {
	e2e_setup
	repo="$tmp/repo"
	"$here/make-demo-repo.sh" "$repo" >/dev/null
}

# Everything about the user's repo ($repo) a run could change.
repo_state() {
	git -C "$repo" rev-parse HEAD
	git -C "$repo" status --porcelain
	git -C "$repo" for-each-ref
	git -C "$repo" worktree list --porcelain
	git -C "$repo" stash list
	git -C "$repo" config --list --local
	git -C "$repo" ls-files -s | git hash-object --stdin
}

# Wait for an event, however busy the machine: PATH exists, or process PID
# (when given) has ended without making it. Polls; no time limit to guess.
wait_for_path() {
	while [ ! -e "$1" ]; do
		[ -z "${2:-}" ] || kill -0 "$2" 2>/dev/null || return 0
		sleep 0.05
	done
}

# The same for a line holding TEXT in FILE (a log), while PID runs.
wait_for_line() {
	until grep -q "$2" "$1" 2>/dev/null; do
		kill -0 "$3" 2>/dev/null || return 0
		sleep 0.05
	done
}

# Wait until no process is left in session SID (a run started with setsid).
wait_session_gone() {
	while ps -s "$1" -o pid= | grep -q .; do sleep 0.05; done
}
