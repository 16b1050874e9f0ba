#!/bin/sh
# e2e: output into a pipe that closes (issue 14, item 2): "| head -1",
# "| true", and a reader that quits mid-run as less does on q. kseries dies
# of SIGPIPE (or had finished), and before that removes its worktrees and
# scratch folders and marks partial output; nothing of it stays alive.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
repo_state > "$tmp/state.before"
repo_same() { repo_state | diff "$tmp/state.before" -; }

# $1: name; $2: the reader; the rest: kseries arguments. Exit status in rc.$1.
piped() {
	run=$1 reader=$2; shift 2
	mkdir "$tmp/tmp.$run"
	{ TMPDIR="$tmp/tmp.$run" "$kseries" "$@"; echo $? > "$tmp/rc.$run"; } 2>&1 | sh -c "$reader"
}
# the reader as less: it quits on the first line that says a revision started
quit_mid_run='while read -r l; do case $l in *"patch 1"*) exit 0;; esac; done'

for case in "head:head -1" "true:true" "less:$quit_mid_run"; do
	what=${case%%:*} reader=${case#*:}
	piped "$what" "$reader" series --no-build --kernel "$repo" --rev v4.9-demo \
		--rev v4.12-demo --out "$tmp/out.$what"
	rc=$(cat "$tmp/rc.$what")
	check "pipes (series | $what): kseries dies of SIGPIPE, or had finished (exit $rc)" \
		sh -c "test $rc = 141 -o $rc = 0"
	check "pipes (series | $what): no worktree is left in the repo" \
		sh -c "test \$(git -C '$repo' worktree list | wc -l) = 1"
	check "pipes (series | $what): the user's repo is unchanged" repo_same
	check "pipes (series | $what): nothing left in its TMPDIR" \
		sh -c "test -z \"\$(ls -A '$tmp/tmp.$what')\""
	check "pipes (series | $what): partial output is marked" \
		sh -c "test $rc = 0 || test -f '$tmp/out.$what/INCOMPLETE'"
	check "pipes (series | $what): no kseries process is left" \
		sh -c "! pgrep -af -- '[k]series series .*--out $tmp/out.$what'"
done

git clone -q "$repo" "$tmp/tree"
git -C "$tmp/tree" checkout -q v4.12-demo
for case in "head:head -1" "true:true"; do
	what=rewrite-${case%%:*} reader=${case#*:}
	piped "$what" "$reader" rewrite --report "$tmp/tree"
	rc=$(cat "$tmp/rc.$what")
	check "pipes (rewrite --report | ${case%%:*}): dies of SIGPIPE, or had finished (exit $rc)" \
		sh -c "test $rc = 141 -o $rc = 0"
	check "pipes (rewrite --report | ${case%%:*}): no kseries-XXXXXX left in TMPDIR" \
		sh -c "test -z \"\$(ls -A '$tmp/tmp.$what')\""
done
check "pipes: rewrite --report changed nothing in the tree" \
	test -z "$(git -C "$tmp/tree" status --porcelain)"
finish
