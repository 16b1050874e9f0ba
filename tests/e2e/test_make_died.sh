#!/bin/sh
# e2e: the build matrix judges make by what it did (issue 14, item 4). With
# a stand-in make in PATH for the object steps, a cell is failed, with the
# reason, when make dies of a signal, exits 2 without writing an object,
# or "succeeds" without writing it; and an object the before step built
# never stands in for one the after step failed to rebuild.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
real_make=$(command -v make)

# $1: folder; $2: what the stand-in does on a make of objects (sh code)
stand_in() {
	mkdir -p "$tmp/$1"
	cat > "$tmp/$1/make" <<EOS
#!/bin/sh
for a in "\$@"; do
	case \$a in *.o) $2;; esac
done
exec "$real_make" "\$@"
EOS
	chmod +x "$tmp/$1/make"
}
stand_in killed 'kill -KILL $$'
stand_in exit2 'exit 2'
stand_in silent 'exit 0'
# builds the objects the first time (before the series), fails silently after
stand_in after 'if [ -e "'"$tmp"'/after/seen" ]; then exit 2; fi; touch "'"$tmp"'/after/seen"; break'

for case in "killed:make died of signal 9" \
	    "exit2:make exited 2 without naming a failed target" \
	    "silent:make exited 0 but did not write" \
	    "after:after the series: make exited 2"; do
	what=${case%%:*} why=${case#*:}
	PATH="$tmp/$what:$PATH" "$kseries" series --no-bisect --arch x86_64 --kernel "$repo" \
		--rev v4.12-demo --out "$tmp/out.$what" > "$tmp/log.$what" 2>&1
	rc=$?
	check "make ($what): the run fails (exit $rc)" test "$rc" = 1
	check "make ($what): the x86_64 cell is failed, not ok" \
		sh -c "grep -q 'x86_64:failed' '$tmp/out.$what/matrix.txt' &&
		       ! grep -q 'x86_64:ok' '$tmp/out.$what/matrix.txt'"
	check "make ($what): the report gives the reason: $why" \
		grep -q "$why" "$tmp/out.$what/v4.12-demo/report.txt"
	check "make ($what): no changed file counts as compiled" sh -c "
		python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(1 if r[\"build\"][\"coverage\"][\"compiled\"] else 0)' \
			'$tmp/out.$what/v4.12-demo/report.json'"
done

# the same run with the real make: ok, and what was compiled is listed (the
# other arches' headers are not built in this run: x86_64 alone cannot compile them)
"$kseries" series --no-bisect --arch x86_64 --allow-unproven --kernel "$repo" --rev v4.12-demo \
	--out "$tmp/out.real" > "$tmp/log.real" 2>&1
check "make (the real one): exit 0" test $? = 0
check "make (the real one): the proof says what x86_64 alone cannot compile: not built in this run" sh -c "
	grep -q 'proof: 39 of 43 hunks compiled on some arch (' '$tmp/out.real/v4.12-demo/report.txt' &&
	grep -q '  4 hunks only arches this run left out compile: not built in this run, not a failure' '$tmp/out.real/v4.12-demo/report.txt'"
check "make (the real one): the x86_64 cell is ok" grep -q 'x86_64:ok' "$tmp/out.real/matrix.txt"
check "make (the real one): the changed .c files count as compiled" sh -c "
	python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); sys.exit(0 if \"mm/rmap.c\" in r[\"build\"][\"coverage\"][\"compiled\"] else 1)' \
		'$tmp/out.real/v4.12-demo/report.json'"
finish
