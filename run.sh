#!/bin/sh
# kseries entry point.
#   ./run.sh                 demo: make the shipped kernel-shaped demo repo and
#                            regenerate the series on its three revisions
#                            (output in ./kseries-demo/out)
#   ./run.sh COMMAND ARGS    run `kseries COMMAND ARGS` (see ./run.sh help)
set -eu
top=$(cd "$(dirname "$0")" && pwd)

# Dependencies: installed when root, else the exact command is printed.
make -s -C "$top" deps >/dev/null || exit 2
make -s -C "$top" all || { echo "kseries: error: the driver did not build: see the compiler output above" >&2; exit 2; }

if [ $# -gt 0 ]; then
	exec "$top/driver/kseries" "$@"
fi

demo=${KSERIES_DEMO_DIR:-$PWD/kseries-demo}
if [ -e "$demo" ]; then
	echo "kseries: removing the previous demo output $demo" >&2
	rm -rf "$demo"
fi
mkdir -p "$demo"
echo "kseries: demo: making the demo kernel repo in $demo/kernel (tags v4.9-demo, v4.12-demo, v4.13-demo)" >&2
"$top/tests/e2e/make-demo-repo.sh" "$demo/kernel"
echo "kseries: demo: kseries series --kernel $demo/kernel --rev v4.9-demo --rev v4.12-demo --rev v4.13-demo --out $demo/out" >&2
# exec: signals sent to run.sh reach the driver itself
exec "$top/driver/kseries" series --kernel "$demo/kernel" \
	--rev v4.9-demo --rev v4.12-demo --rev v4.13-demo --out "$demo/out"
