#!/bin/sh
# e2e: what a tool starts is stopped with it (issue 14, item 5). A spatch
# stand-in starts a sleep of its own and hangs: after a timeout, SIGINT or
# SIGTERM to kseries alone, the sleep is gone by the time kseries has
# exited, and so is the scratch folder. The stand-in writes a marker file
# once its sleep runs: the signal is sent on that event, not after a delay.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
git clone -q "$repo" "$tmp/tree"
git -C "$tmp/tree" checkout -q v4.12-demo

# $1: which call hangs (--version or the rules); the sleep's length names it
stand_in() {
	mkdir -p "$tmp/$2"
	cat > "$tmp/$2/spatch" <<EOS
#!/bin/sh
if [ "\$1" = --version ] && [ "$1" != --version ]; then
	echo "spatch version 1.1.1 compiled with OCaml version 4.13.1"; exit 0
fi
sleep $3 &
touch "$tmp/$2/started"
wait
EOS
	chmod +x "$tmp/$2/spatch"
}

stand_in --version timeout 3001
mkdir "$tmp/t1"
PATH="$tmp/timeout:$PATH" TMPDIR="$tmp/t1" KSERIES_QUERY_TIMEOUT=2 "$kseries" rewrite "$tmp/tree" \
	> "$tmp/log1" 2>&1
check "descendants: a tool past its timeout: exit 2" test $? = 2
check "descendants: ... the sleep it started is gone too" sh -c "! pgrep -x sleep -a | grep -q ' 3001\$'"
check "descendants: ... nothing left in TMPDIR" test -z "$(ls -A "$tmp/t1")"

n=1
for sn in INT:2 TERM:15; do
	sig=${sn%:*} num=${sn#*:}
	n=$((n + 1))
	len=$((3000 + n))
	stand_in rules "hang$n" "$len"
	mkdir "$tmp/t$n"
	PATH="$tmp/hang$n:$PATH" TMPDIR="$tmp/t$n" "$kseries" rewrite "$tmp/tree" > "$tmp/log$n" 2>&1 &
	pid=$!
	wait_for_path "$tmp/hang$n/started" "$pid"
	kill -"$sig" "$pid"
	wait "$pid"
	rc=$?
	check "descendants: SIG$sig to kseries alone: it dies of it (exit $rc)" \
		test "$rc" = $((128 + num))
	check "descendants: ... the sleep its spatch started is gone" \
		sh -c "! pgrep -x sleep -a | grep -q ' $len\$'"
	check "descendants: ... nothing left in TMPDIR" test -z "$(ls -A "$tmp/t$n")"
	check "descendants: ... the tree is untouched" test -z "$(git -C "$tmp/tree" status --porcelain)"
done
pkill -x -f 'sleep 300[0-9]' 2>/dev/null
finish
