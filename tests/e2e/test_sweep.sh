#!/bin/sh
# e2e: --rev sweeps (issue 31, item 3): a tag pattern and a range of tags are
# the repo's tags in version order, each once; the matrix lists them so;
# a pattern or range that names nothing, or a range backwards: exit 2.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup

"$kseries" series --kernel "$repo" --rev 'v4.*-demo' --no-build --out "$tmp/o" > "$tmp/o.log" 2>&1
echo $? > "$tmp/rc"
check "sweep: --rev 'v4.*-demo' converts (exit $(cat "$tmp/rc"))" test "$(cat "$tmp/rc")" = 0
check "sweep: ... the three tags, said, in version order (4.9 before 4.12), in the matrix too" sh -c "
	grep -q -- \"--rev v4.\\*-demo: 3 tags, v4.9-demo to v4.13-demo\" '$tmp/o.log' &&
	test \"\$(sed -n 's/^\\(v4[^ ]*\\) .*/\\1/p' '$tmp/o/matrix.txt' | tr '\n' ' ')\" = 'v4.9-demo v4.12-demo v4.13-demo '"
"$kseries" series -q --kernel "$repo" --rev v4.9-demo..v4.12-demo --rev 'v4.1*-demo' --no-build \
	--out "$tmp/r" > "$tmp/r.log" 2>&1
echo $? > "$tmp/rc"
check "sweep: a range of tags, both ends in, then a pattern: each tag once, where it first came" sh -c "
	test \$(cat '$tmp/rc') = 0 &&
	test \"\$(sed -n 's/^\\(v4[^ ]*\\) .*/\\1/p' '$tmp/r/matrix.txt' | tr '\n' ' ')\" = 'v4.9-demo v4.12-demo v4.13-demo '"
fails() {	# WANT ARGS...: exit 2, WANT said, nothing written
	want=$1
	shift
	"$kseries" series -q --kernel "$repo" --no-build --out "$tmp/bad" "$@" > "$tmp/bad.log" 2>&1
	rc=$?
	cat "$tmp/bad.log"
	[ $rc = 2 ] && grep -q -- "$want" "$tmp/bad.log" && [ ! -e "$tmp/bad" ]
}
check "sweep: a pattern no tag matches: exit 2, named" fails "--rev 'v9\.\*' matches no tag of" --rev 'v9.*'
check "sweep: a range backwards: exit 2, the right order given" \
	fails "v4.12-demo comes after v4.9-demo in version order: give --rev v4.9-demo..v4.12-demo" \
	--rev v4.12-demo..v4.9-demo
check "sweep: a range end that is no tag: exit 2, named" \
	fails "a range is of tags, and v4.99 is no tag of" --rev v4.9-demo..v4.99
finish
