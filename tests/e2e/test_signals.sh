#!/bin/sh
# e2e: signals at several points, to the kseries process alone and to its
# process group: the run dies of the signal, no child outlives it, nothing is
# left in its TMPDIR, the user's repo is byte-identical, and a rerun with
# --force recovers in one go. KSERIES_FAULT_DELAYS widens the sweep
# (make check-faults).
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
delays=${KSERIES_FAULT_DELAYS:-0.3 1.5}

repo_state > "$tmp/state.before"
repo_same() { repo_state | diff "$tmp/state.before" -; }

n=0
for sig in TERM INT; do
	for target in process group; do
		for delay in $delays; do
			n=$((n + 1))
			what="$sig to the $target at ${delay}s"
			mkdir "$tmp/tmp$n"
			TMPDIR="$tmp/tmp$n" setsid "$kseries" series -q --no-build --jobs 2 \
				--kernel "$repo" --rev v4.9-demo --rev v4.12-demo \
				--out "$tmp/out$n" > "$tmp/log$n" 2>&1 &
			pid=$!
			# the point of the run to stop: the delay is the test, and every check
			# below holds whatever the run had reached by then
			sleep "$delay"
			if [ "$target" = group ]; then
				kill -s "$sig" -- "-$pid"
			else
				kill -"$sig" "$pid" 2>/dev/null
			fi
			wait "$pid"
			echo $? > "$tmp/rc$n"
			check "signals ($what): the run stops (signal, or it had finished)" sh -c "
				rc=\$(cat '$tmp/rc$n'); test \$rc = 0 -o \$rc -gt 128"
			# a zombie is dead already (a shell spatch ran, waiting for init)
			check "signals ($what): no child outlives it" sh -c "
				! ps -s $pid -o stat=,pid=,args= | grep -v '^Z'"
			check "signals ($what): nothing left in its TMPDIR" sh -c "
				test -z \"\$(ls -A '$tmp/tmp$n')\""
			check "signals ($what): the user's repo is unchanged" repo_same
			# stopped in the checks before any work (the rule files' parse
			# check), a run has written nothing: no output, nothing partial;
			# stopped after its last report (at exit, removing its worktrees),
			# its output is whole: unmarked only then
			check "signals ($what): partial output is marked" sh -c "
				test \$(cat '$tmp/rc$n') = 0 || test -f '$tmp/out$n/INCOMPLETE' ||
				test ! -e '$tmp/out$n' || {
					test -f '$tmp/out$n/matrix.json' &&
					test -f '$tmp/out$n/v4.9-demo/report.json' &&
					test -f '$tmp/out$n/v4.12-demo/report.json' &&
					! ls '$tmp/out$n'/*/INCOMPLETE 2>/dev/null; }"
			check "signals ($what): one --force rerun recovers" sh -c "
				'$kseries' series -q --no-build --force --kernel '$repo' --rev v4.9-demo \
					--rev v4.12-demo --out '$tmp/out$n' > /dev/null 2>&1 &&
				test ! -e '$tmp/out$n/INCOMPLETE' &&
				test \$(git -C '$repo' worktree list | wc -l) = 1"
		done
	done
done

# A Ctrl-C reaches a tool before kseries sees it (a loaded machine): the
# tool's death by SIGINT is the user's signal, not a failed step. Made
# certain with a spatch that kills itself with SIGINT in its first rule run.
mkdir "$tmp/selfint"
real_spatch=$(command -v spatch)
cat > "$tmp/selfint/spatch" <<EOS
#!/bin/sh
case " \$* " in *" --sp-file "*) kill -INT \$\$;; esac
exec "$real_spatch" "\$@"
EOS
chmod +x "$tmp/selfint/spatch"
PATH="$tmp/selfint:$PATH" "$kseries" series -q --no-build --kernel "$repo" --rev v4.9-demo \
	--rev v4.12-demo --out "$tmp/outself" > "$tmp/logself" 2>&1
rc=$?
check "signals (a tool dies of SIGINT first): kseries dies of SIGINT (exit $rc)" sh -c "test $rc = 130 || { cat \"$tmp/logself\"; exit 1; }"
check "signals (a tool dies of SIGINT first): partial output is marked" \
	test -f "$tmp/outself/INCOMPLETE"
check "signals (a tool dies of SIGINT first): no worktree is left" \
	test "$(git -C "$repo" worktree list | wc -l)" = 1
check "signals (a tool dies of SIGINT first): the user's repo is unchanged" repo_same
finish
