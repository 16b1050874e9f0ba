#!/bin/sh
# e2e: the output folder of `series` is never a wrong series presented as
# complete: one folder per revision, --force leaves only this run's output,
# one run at a time, and the small input errors.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
git -C "$repo" branch a/b v4.9-demo
git -C "$repo" branch a-b v4.12-demo

"$kseries" series -q --no-build --kernel "$repo" --rev a/b --rev a-b --out "$tmp/o1" >/dev/null 2>&1
echo $? > "$tmp/rc"
check "outdir: a/b and a-b run, exit 0" test "$(cat "$tmp/rc")" = 0
check "outdir: a/b and a-b get folders of their own" test -d "$tmp/o1/a%2Fb" -a -d "$tmp/o1/a-b"
check "outdir: each folder holds its own series, once" sh -c "
	test \$(ls '$tmp/o1/a%2Fb/series' | grep -c '^0001-') = 1 &&
	test \$(ls '$tmp/o1/a-b/series' | grep -c '^0001-') = 1 &&
	grep -q 'dax' '$tmp/o1/a-b/series/0001-'* && ! grep -q 'dax' '$tmp/o1/a%2Fb/series/0001-'*"
check "outdir: the matrix names both revisions" sh -c "
	grep -q '^a/b ' '$tmp/o1/matrix.txt' && grep -q '^a-b ' '$tmp/o1/matrix.txt'"

"$kseries" series -q --no-build --jobs 2 --kernel "$repo" --rev a-b --rev a-b --out "$tmp/o2" \
	> "$tmp/err" 2>&1
echo $? > "$tmp/rc"
check "outdir: the same --rev twice is exit 2" test "$(cat "$tmp/rc")" = 2
check "outdir: ... saying so" grep -q 'given twice' "$tmp/err"
check "outdir: ... before anything is written" test ! -e "$tmp/o2"

# --force: a branch moved from v4.12 to v4.13 leaves no old patch behind
git -C "$repo" branch moving v4.12-demo
"$kseries" series -q --no-build --kernel "$repo" --rev moving --out "$tmp/o3" >/dev/null 2>&1
git -C "$repo" branch -f moving v4.13-demo
"$kseries" series -q --no-build --force --kernel "$repo" --rev moving --out "$tmp/o3" >/dev/null 2>&1
check "outdir: --force on a converted branch: empty series, no old patch kept" sh -c "
	test -z \"\$(ls '$tmp/o3/moving/series')\" &&
	grep -q '^state: already-converted' '$tmp/o3/moving/report.txt'"
mkdir "$tmp/o4"; echo mine > "$tmp/o4/notes.txt"
check_fails "outdir: --force never empties a folder kseries did not write" \
	"$kseries" series -q --no-build --force --kernel "$repo" --rev a-b --out "$tmp/o4"
check "outdir: ... and the user's file is still there" test -f "$tmp/o4/notes.txt"

# a run killed outright (SIGKILL of its group); one --force rerun recovers
# and says what it cleaned
setsid "$kseries" series -q --no-build --kernel "$repo" --rev a-b --out "$tmp/o5" \
	>/dev/null 2>&1 &
pid=$!
wait_for_path "$tmp/o5/a-b/worktree" "$pid"
kill -s KILL -- "-$pid" 2>/dev/null; wait "$pid" 2>/dev/null
# its revision processes (groups of their own, told by PR_SET_PDEATHSIG)
# clean up and hold the folder's lock until they are gone: wait for that
wait_session_gone "$pid"
"$kseries" series --no-build --force --kernel "$repo" --rev a-b --out "$tmp/o5" \
	> "$tmp/rerun" 2>&1
echo $? > "$tmp/rc"
check "outdir: after SIGKILL, the first --force rerun succeeds" test "$(cat "$tmp/rc")" = 0
check "outdir: ... and says what it cleaned" grep -q 'removed .* an earlier run left' "$tmp/rerun"
check "outdir: ... no stale worktree left in the repo" sh -c "
	test \$(git -C '$repo' worktree list | wc -l) = 1"

# one run at a time per output folder
mkdir "$tmp/o6"
exec 9>"$tmp/o6/.kseries.lock"
sh -c 'exit 0' & dead=$!
wait "$dead"
flock -n 9; echo "$dead" >&9
"$kseries" series -q --no-build --force --kernel "$repo" --rev a-b --out "$tmp/o6" > "$tmp/err" 2>&1
echo $? > "$tmp/rc"
exec 9>&-
check "outdir: a second run on a locked folder is exit 2" test "$(cat "$tmp/rc")" = 2
# a pid that is gone, the lock still held (by us): waited for, then named
check "outdir: ... naming the run's pid and what holds its lock" \
	grep -q "programs a killed kseries run (pid $dead) started still hold" "$tmp/err"

check "outdir: --jobs 2x is an error" sh -c "
	'$kseries' series --jobs 2x --kernel '$repo' --rev a-b --out '$tmp/o7' 2>&1 | grep -q -- '--jobs 2x: give a whole number of processes'"
check "outdir: --out inside the repo's work tree is refused" sh -c "
	! '$kseries' series -q --no-build --kernel '$repo' --rev a-b --out '$repo/out' 2> '$tmp/err' &&
	grep -q 'inside the work tree' '$tmp/err' && test ! -e '$repo/out'"
blob=$(git -C "$repo" rev-parse v4.12-demo:Makefile)
check "outdir: a blob given as --rev is called a blob, not unknown" sh -c "
	! '$kseries' series -q --no-build --kernel '$repo' --rev $blob --out '$tmp/o8' 2> '$tmp/err' &&
	grep -q 'is a blob, not a commit' '$tmp/err'"
# a PATH with spatch and no git
mkdir "$tmp/bin" && ln -s "$(command -v spatch)" "$tmp/bin/spatch"
check "outdir: git missing from PATH is named, not 'not a git repo'" sh -c "
	! PATH='$tmp/bin' '$kseries' series -q --no-build \
		--kernel '$repo' --rev a-b --out '$tmp/o9' 2> '$tmp/err' &&
	grep -q 'git not found in PATH' '$tmp/err' && ! grep -q 'not a git repo' '$tmp/err'"
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	git clone -q "$repo" "$tmp/theirs" && chown -R nobody "$tmp/theirs"
	check "outdir: a repo git does not trust is named with the safe.directory fix" sh -c "
		! '$kseries' series -q --no-build --kernel '$tmp/theirs' --rev v4.12-demo \
			--out '$tmp/o10' 2> '$tmp/err' && grep -q 'safe.directory' '$tmp/err'"
fi
finish
