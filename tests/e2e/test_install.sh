#!/bin/sh
# e2e: make install puts a kseries that finds its rules away from the source tree.
set -u
. "$(dirname "$0")/../lib.sh"
top=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# a private build with its own PREFIX, so the working tree's objects stay as they are
mkdir -p "$tmp/src" && cp -R "$top/driver" "$top/cocci" "$top/kernel-fixups" "$top/docs" "$top/Makefile" "$tmp/src/"
check "install: builds and installs under a prefix" \
	make -s -C "$tmp/src" clean all install PREFIX="$tmp/prefix"
check "install: binary, rules and man page in place" sh -c "
	test -x '$tmp/prefix/bin/kseries' && test -f '$tmp/prefix/share/kseries/cocci/series.json' &&
	test -f '$tmp/prefix/share/man/man1/kseries.1' &&
	test -f '$tmp/prefix/share/kseries/kernel-fixups/build/dtc-yylloc.fixup'"
rm -rf "$tmp/src"
mkdir -p "$tmp/case" && cp "$top/tests/cocci/callback_designated.c" "$tmp/case/"
check "install: the installed kseries finds its rules without the source tree" sh -c "
	cd '$tmp' && '$tmp/prefix/bin/kseries' rewrite -q '$tmp/case' | grep -q 'callback_designated.c'"
finish
