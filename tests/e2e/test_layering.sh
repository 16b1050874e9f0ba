#!/bin/sh
# The driver's layering (docs/design.md, Layers) holds, and its checker fails
# on each way to break it: an include from a higher floor, from a peer, an
# unqualified include, a circle inside a folder, a file at driver/'s top.
set -u
. "$(dirname "$0")/../lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

check "layering: driver/ keeps the layers of docs/design.md" python3 "$top/tests/layering.py"

# A copy of driver/ broken one way at a time; the checker must name the break.
broken() {
	rm -rf "$tmp/driver"
	cp -r "$top/driver" "$tmp/driver"
	find "$tmp/driver" -name '*.o' -delete
}
layer_check() {
	python3 "$top/tests/layering.py" --driver "$tmp/driver" --design "$top/docs/design.md" > "$tmp/out" 2>&1
}
expect_break() {
	name=$1 pattern=$2
	if layer_check; then
		check_fails "$name" true
	else
		check "$name" grep -q -- "$pattern" "$tmp/out"
	fi
}

broken
sed -i '0,/#include "lib\/strbuf.h"/s//#include "lib\/strbuf.h"\n#include "cmd\/options.h"/' "$tmp/driver/lib/strbuf.c"
expect_break "layering: lib/ including cmd/ fails, naming the file and the floor" \
	'driver/lib/strbuf.c:[0-9]*: #include "cmd/options.h": lib/ includes from cmd/, a higher floor'

broken
sed -i '0,/#include "runtime\/qemu.h"/s//#include "runtime\/qemu.h"\n#include "series\/series.h"/' "$tmp/driver/runtime/qemu.c"
expect_break "layering: runtime/ including series/, its peer, fails" \
	'runtime/ includes from series/, a peer on its floor'

broken
sed -i '0,/#include "lib\/strvec.h"/s//#include "lib\/strvec.h"\n#include "strbuf.h"/' "$tmp/driver/lib/strvec.c"
expect_break "layering: an include without its folder fails" 'name its folder'

broken
sed -i 's|#define KSERIES_CLOCK_H|#define KSERIES_CLOCK_H\n#include "lib/usage.h"|' "$tmp/driver/lib/clock.h"
sed -i 's|#define KSERIES_USAGE_H|#define KSERIES_USAGE_H\n#include "lib/clock.h"|' "$tmp/driver/lib/usage.h"
expect_break "layering: two modules of a folder including each other fail" \
	'modules include each other in a circle: .*lib/clock.*lib/usage'

broken
printf '/* a stray module */\n' > "$tmp/driver/stray.c"
expect_break "layering: a .c at driver/'s top fails" 'driver/stray.c: only main.c and commands.h'

broken
mkdir "$tmp/driver/extra"
printf '#include "lib/usage.h"\n' > "$tmp/driver/extra/x.c"
expect_break "layering: a folder no floor names fails" 'driver/extra/ is in no floor'

# The tests mirror the folders: a lib/ module without its unit test fails.
broken
mkdir -p "$tmp/tests"
rm -rf "$tmp/tests/driver"
cp -r "$top/tests/driver" "$tmp/tests/driver"
rm "$tmp/tests/driver/lib/test_utf8.c"
expect_break "layering: a lib/ module without its unit test fails, naming it" \
	'driver/lib/utf8.c has no unit test'
cp "$top/tests/driver/lib/test_utf8.c" "$tmp/tests/driver/test_utf8.c"
expect_break "layering: a unit test outside its module's folder fails" \
	'tests/driver/test_utf8.c: a unit test belongs in its module'

finish
