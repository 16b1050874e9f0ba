#!/bin/sh
# Real tree (by hand): SIGTERM to the kseries process alone, and SIGINT to
# its group, at several points of `series --no-build` on a real revision:
# the run dies of the signal, no spatch (or any process it started) is
# left, its private TMPDIR is empty, and the repo's worktree list is as it
# was. KSERIES_KERNEL: a kernel git repo (../shared/tools/make-kernel-repo),
# KSERIES_REV: its revision (default v4.12); KSERIES_SIGNAL_DELAYS: seconds.
set -u
. "$(dirname "$0")/../lib.sh"
: "${KSERIES_KERNEL:?set KSERIES_KERNEL to a kernel git repo (see ../shared/KERNELS.md)}"
rev=${KSERIES_REV:-v4.12}
delays=${KSERIES_SIGNAL_DELAYS:-2 4 6 8.5 11}
kseries="$(cd "$(dirname "$0")/../.." && pwd)/driver/kseries"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
git -C "$KSERIES_KERNEL" worktree list --porcelain > "$tmp/list.before"
n=0
for delay in $delays; do
	for how in "TERM:process" "INT:group"; do
		n=$((n + 1)) sig=${how%:*} target=${how#*:}
		mkdir "$tmp/t$n"
		TMPDIR="$tmp/t$n" setsid "$kseries" series -q --no-build --kernel "$KSERIES_KERNEL" \
			--rev "$rev" --out "$tmp/o$n" > "$tmp/log$n" 2>&1 &
		pid=$!
		sleep "$delay"	# the point of the run to stop it at: the delay is the test
		if [ "$target" = group ]; then kill -s "$sig" -- "-$pid"; else kill -"$sig" "$pid"; fi
		wait "$pid"
		rc=$?
		what="SIG$sig to the $target at ${delay}s (exit $rc)"
		check "kernel signals: $what: died of it, or had finished" sh -c "test $rc = 0 -o $rc -gt 128"
		check "kernel signals: $what: no spatch or other child left" sh -c "
			! ps -eo stat=,args= | grep -v '^Z' | grep -q '[s]patch.*$tmp/t$n\|[k]series series.*$tmp/o$n'"
		check "kernel signals: $what: its TMPDIR is empty" test -z "$(ls -A "$tmp/t$n")"
		check "kernel signals: $what: the worktree list is as it was" \
			sh -c "git -C '$KSERIES_KERNEL' worktree list --porcelain | diff '$tmp/list.before' -"
	done
done
finish
