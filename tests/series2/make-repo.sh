#!/bin/sh
# Make the second series' demo kernel repo: the kernel-shaped Makefile and
# scripts of the main demo, and the gadget tree, tagged v1-gadget.
#   make-repo.sh DEST
set -eu
[ $# -eq 1 ] || { echo "usage: make-repo.sh DEST" >&2; exit 2; }
dest=$1
here=$(cd "$(dirname "$0")" && pwd)
[ -e "$dest" ] && { echo "make-repo: $dest already exists" >&2; exit 2; }
export GIT_AUTHOR_NAME="Demo Maintainer" GIT_AUTHOR_EMAIL="demo@example.org"
export GIT_COMMITTER_NAME="Demo Maintainer" GIT_COMMITTER_EMAIL="demo@example.org"
export GIT_AUTHOR_DATE="2017-01-01T12:00:00Z" GIT_COMMITTER_DATE="2017-01-01T12:00:00Z"
git init -q "$dest"
git -C "$dest" config user.name "Demo Maintainer"
git -C "$dest" config user.email "demo@example.org"
cp "$here/../e2e/demo/common/Makefile" "$dest/"
cp -R "$here/../e2e/demo/common/scripts" "$here/../e2e/demo/common/arch" "$dest/"
cp "$here/../e2e/demo/common/Kconfig" "$dest/"
cp -R "$here/tree/." "$dest/"
git -C "$dest" add -A
git -C "$dest" commit -q -m "gadget: tree as of v1"
git -C "$dest" tag v1-gadget
