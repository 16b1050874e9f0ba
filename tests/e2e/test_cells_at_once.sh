#!/bin/sh
# e2e: the cells of a build step make their defconfig and their objects side
# by side (one make per cell at once, not one after another). A make
# stand-in in front of the real one makes each cell's first make of a step
# wait until the other cell's has started too: one after another, the first
# would wait alone.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup

real_make=$(command -v make)
mkdir "$tmp/bin" "$tmp/sync"
cat > "$tmp/bin/make" <<EOS
#!/bin/sh
cell=
step=
for a in "\$@"; do
	case "\$a" in O=*) cell=\${a##*/};; *.o) step=objects;; *defconfig) step=defconfig;; esac
done
if [ -n "\$step" ] && [ -n "\$cell" ] && mkdir "$tmp/sync/\$step-\$cell" 2>/dev/null; then
	# wait for the same step of another cell; give up (and say so) after 120 s
	n=0
	while [ "\$(ls "$tmp/sync" | grep -c "^\$step-")" -lt 2 ]; do
		n=\$((n + 1))
		[ "\$n" -lt 2400 ] || { touch "$tmp/sync/alone-\$step-\$cell"; break; }
		sleep 0.05
	done
fi
exec "$real_make" "\$@"
EOS
chmod +x "$tmp/bin/make"
PATH="$tmp/bin:$PATH" "$kseries" series -q --jobs 2 --kernel "$repo" --rev v4.12-demo --arch x86_64 \
	--no-bisect --allow-unproven --out "$tmp/o" > "$tmp/o.log" 2>&1
check "cells at once: series with x86_64 and its variant: exit 0" test $? = 0
for step in defconfig objects; do
	check "cells at once: ... both cells' $step makes ran" \
		sh -c "test -d '$tmp/sync/$step-x86_64' && test -d '$tmp/sync/$step-x86_64-nomn'"
	check "cells at once: ... $step at the same time (neither waited alone)" \
		sh -c "! ls '$tmp/sync' | grep -q '^alone-$step'"
done
finish
