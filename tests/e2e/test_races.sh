#!/bin/sh
# e2e: worktrees of one repo made and removed at once (issue 14, item 1):
# six revisions side by side, and two kseries runs on one repo, 20 times
# each, never fail, and leave the repo's worktree list as it was, with the
# user's own stale registration still there (kseries never prunes).
# A spatch stand-in that changes nothing keeps each run short, so the
# revisions' worktree steps meet as often as they can.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
runs=${KSERIES_RACE_RUNS:-20}

mkdir "$tmp/bin"
cat > "$tmp/bin/spatch" <<'EOS'
#!/bin/sh
case " $* " in *" --version "*) echo "spatch version 1.1.1 compiled with OCaml version 4.13.1";; esac
# the parse check of a folder: spatch names each file it parses
case "$1" in --parse-ch) find "$2" -name '*.[ch]' | sed 's/^/PARSING: /' >&2;; esac
exit 0
EOS
chmod +x "$tmp/bin/spatch"
for i in 1 2 3 4 5 6; do git -C "$repo" branch "b$i" v4.12-demo; done
# the user's own worktree, its folder since deleted: git calls it prunable
git -C "$repo" worktree add -q --detach "$tmp/users-worktree" v4.9-demo
rm -rf "$tmp/users-worktree"
git -C "$repo" worktree list --porcelain > "$tmp/list.before"
revs="--rev b1 --rev b2 --rev b3 --rev b4 --rev b5 --rev b6"

fails=0
for i in $(seq "$runs"); do
	# shellcheck disable=SC2086
	PATH="$tmp/bin:$PATH" "$kseries" series -q --no-build --jobs 6 --kernel "$repo" $revs \
		--out "$tmp/six$i" > "$tmp/six.log" 2>&1 || { fails=$((fails + 1)); cat "$tmp/six.log"; }
done
check "races: six revisions at once, $runs runs: 0 failures" test "$fails" = 0
check "races: ... the repo's worktree list is what it was" \
	sh -c "git -C '$repo' worktree list --porcelain | diff '$tmp/list.before' -"

fails=0
for i in $(seq "$runs"); do
	PATH="$tmp/bin:$PATH" "$kseries" series -q --no-build --jobs 2 --kernel "$repo" \
		--rev b1 --rev b2 --out "$tmp/a$i" > "$tmp/a.log" 2>&1 &
	a=$!
	PATH="$tmp/bin:$PATH" "$kseries" series -q --no-build --jobs 2 --kernel "$repo" \
		--rev b3 --rev b4 --out "$tmp/b$i" > "$tmp/b.log" 2>&1
	rb=$?
	wait "$a" || { fails=$((fails + 1)); cat "$tmp/a.log"; }
	[ "$rb" = 0 ] || { fails=$((fails + 1)); cat "$tmp/b.log"; }
done
check "races: two runs on one repo at once, $runs times: 0 failures" test "$fails" = 0
check "races: ... the repo's worktree list is what it was" \
	sh -c "git -C '$repo' worktree list --porcelain | diff '$tmp/list.before' -"
check "races: ... the user's own stale worktree is still registered" \
	grep -q "^worktree $tmp/users-worktree\$" "$tmp/list.before"

# --force after a killed run: only its own worktrees go
mkdir "$tmp/stop"
cat > "$tmp/stop/spatch" <<'EOS'
#!/bin/sh
case " $* " in *" --version "*) echo "spatch version 1.1.1 compiled with OCaml version 4.13.1"; exit 0;; esac
# the rule files' parse check, in kseries itself before any work: it passes
case " $* " in *" --parse-cocci "*) exit 0;; esac
# the revision process and kseries itself, outright: no cleanup runs
kill -KILL "$(ps -o ppid= -p $PPID)" $PPID
exit 0
EOS
chmod +x "$tmp/stop/spatch"
# (its scratch folder stays behind: it gets no chance to remove it)
mkdir "$tmp/killtmp"
PATH="$tmp/stop:$PATH" TMPDIR="$tmp/killtmp" "$kseries" series -q --no-build --kernel "$repo" \
	--rev b1 --out "$tmp/killed" > /dev/null 2>&1
check "races: a run killed outright (SIGKILL) leaves its worktree registered" \
	sh -c "git -C '$repo' worktree list | grep -q '$tmp/killed/'"
PATH="$tmp/bin:$PATH" "$kseries" series -q --no-build --force --kernel "$repo" --rev b1 \
	--out "$tmp/killed" > /dev/null 2>&1
check "races: --force removes that worktree, and only that one" \
	sh -c "git -C '$repo' worktree list --porcelain | diff '$tmp/list.before' -"
# the lock of a run that is gone, still held by what it started (a killed
# run's children remove their worktrees): the next run waits for them
lock="$tmp/killed/.kseries.lock"
sh -c 'exit 0' & dead=$!
wait "$dead"
echo "$dead" > "$lock"
mkfifo "$tmp/release"
# the holder keeps the lock until a line comes down the fifo: no timed wait
flock "$lock" sh -c "touch '$tmp/holding'; read x < '$tmp/release'" &
holder=$!
wait_for_path "$tmp/holding" "$holder"
PATH="$tmp/bin:$PATH" "$kseries" series --no-build --force --kernel "$repo" --rev b1 \
	--out "$tmp/killed" > "$tmp/wait.log" 2>&1 &
run=$!
wait_for_line "$tmp/wait.log" "waiting for the programs it started" "$run"
echo go > "$tmp/release"
wait "$holder"
wait "$run"
check "races: a lock held after its run is gone: the next run waits, then runs (exit 0)" test $? = 0
check "races: ... and says what it waits for" grep -q "(pid $dead) is gone: waiting" "$tmp/wait.log"
rm -f "$tmp/holding"
# held by a live process: that is another run, refused at once
flock "$lock" sh -c "echo \$\$ > '$lock'; touch '$tmp/holding'; read x < '$tmp/release'" &
holder=$!
wait_for_path "$tmp/holding" "$holder"
PATH="$tmp/bin:$PATH" "$kseries" series --no-build --force --kernel "$repo" --rev b1 \
	--out "$tmp/killed" > "$tmp/live.log" 2>&1
rc=$?
echo go > "$tmp/release"
wait "$holder"
check "races: a lock held by a live run: refused (exit 2), named" \
	sh -c "test $rc = 2 && grep -q 'another kseries run (pid [0-9]*) is writing' '$tmp/live.log'"
finish
