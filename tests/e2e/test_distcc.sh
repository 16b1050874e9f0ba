#!/bin/sh
# e2e: --cc-wrapper distcc sends the build's compiles to a real distccd (on
# loopback, its own port, stopped at the end): the daemon's own log shows
# them; ccache stays in front (a warm cache sends nothing); a wrapper that is
# not installed is refused before any work.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
if ! command -v distccd >/dev/null || ! command -v distcc >/dev/null; then
	check "distcc: distcc and distccd are installed (make deps)" false
	summary
	exit 1
fi

# as root distccd runs as user distccd: its log needs a folder that user
# can reach and write ($tmp is the test's own, mode 700)
d=$(mktemp -d /tmp/kseries-distccd.XXXXXX)
chmod 777 "$d"
daemon=
trap '[ -z "$daemon" ] || kill "$daemon" 2>/dev/null; rm -rf "$tmp" "$d"' EXIT
# a free port: the daemon says it started, or fails (port taken, log unwritable)
for port in $(seq $((30000 + $$ % 20000)) $((30010 + $$ % 20000))); do
	rm -f "$d/log"
	distccd --no-detach --daemon --listen 127.0.0.1 --port "$port" --allow 127.0.0.1 \
		--enable-tcp-insecure --jobs 2 --log-file "$d/log" --log-level info \
		> "$d/out" 2>&1 &
	daemon=$!
	while kill -0 "$daemon" 2>/dev/null && ! grep -q "daemon started\|ERROR" "$d/log" 2>/dev/null; do
		sleep 0.05
	done
	grep -q "daemon started" "$d/log" 2>/dev/null && break
	kill "$daemon" 2>/dev/null
	daemon=
done
check "distcc: distccd listens on 127.0.0.1" test -n "$daemon"

# localhost would compile locally: the address and port
export DISTCC_HOSTS="127.0.0.1:$port"
export CCACHE_DIR="$tmp/ccache"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --arch x86_64 --arch arm64 --no-bisect --allow-unproven \
	--cc-wrapper distcc --out "$tmp/o1" > "$tmp/o1.log" 2>&1
check "distcc: series --cc-wrapper distcc, cold ccache: exit 0" test $? = 0
sent=$(grep -c "COMPILE_OK" "$d/log")
check "distcc: ... the daemon's log shows the compiles ($sent)" test "$sent" -ge 4
check "distcc: ... among them the cross compiler's" grep -q "COMPILE_OK.*aarch64-linux-gnu-gcc" "$d/log"
check "distcc: ... and the series' own files" grep -q "COMPILE_OK.*rmap.c" "$d/log"
# the dependency files came back too: the line proof reads them
check "distcc: ... the objects and their proof are there (rmap.c, dax.c compiled, hunks proven)" \
	python3 -c 'import json,sys; b=json.load(open(sys.argv[1]))["build"]
sys.exit(not ({"mm/rmap.c", "fs/dax.c"} <= set(b["coverage"]["compiled"])
	      and b["proof"]["hunks_proven"] > 0))' "$tmp/o1/v4.12-demo/report.json"

"$kseries" series -q --kernel "$repo" --rev v4.12-demo --arch x86_64 --arch arm64 --no-bisect --allow-unproven \
	--cc-wrapper distcc --out "$tmp/o2" > "$tmp/o2.log" 2>&1
check "distcc: the same again, warm ccache: exit 0" test $? = 0
check "distcc: ... ccache answered first: nothing more was sent" \
	test "$(grep -c "COMPILE_OK" "$d/log")" = "$sent"

KSERIES_CC_WRAPPER=no-such-wrapper "$kseries" series -q --kernel "$repo" --rev v4.12-demo \
	--arch x86_64 --out "$tmp/o3" > "$tmp/o3.log" 2>&1
check "distcc: a wrapper that is not installed: refused (exit 2)" test $? = 2
check "distcc: ... named, with the fix" grep -q "no-such-wrapper.*not installed: apt-get install" "$tmp/o3.log"
check "distcc: ... before any work" test ! -e "$tmp/o3"
finish
