#!/bin/sh
# Make the kseries demo kernel repo: a small git repo in the shape of a kernel
# tree, with three tagged revisions built from the overlays in demo/:
#   v4.9-demo   common + pre413 + old     (page lookup, call after unlock)
#   v4.12-demo  common + pre413 + v4.12   (walk loop, dax caller, const ops)
#   v4.13-demo  common + v4.13            (already converted)
# Fixed authors and dates: the same repo, commit for commit, every run.
#   make-demo-repo.sh DEST
set -eu
[ $# -eq 1 ] || { echo "usage: make-demo-repo.sh DEST" >&2; exit 2; }
dest=$1
demo=$(cd "$(dirname "$0")/demo" && pwd)
[ -e "$dest" ] && { echo "make-demo-repo: $dest already exists: remove it or pick another" >&2; exit 2; }

export GIT_AUTHOR_NAME="Demo Maintainer" GIT_AUTHOR_EMAIL="demo@example.org"
export GIT_COMMITTER_NAME="Demo Maintainer" GIT_COMMITTER_EMAIL="demo@example.org"
git init -q "$dest"
git -C "$dest" config user.name "Demo Maintainer"
git -C "$dest" config user.email "demo@example.org"
day=1
for spec in "v4.9-demo:pre413 old" "v4.12-demo:pre413 v4.12" "v4.13-demo:v4.13"; do
	tag=${spec%%:*}
	find "$dest" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
	for layer in common ${spec#*:}; do
		cp -R "$demo/$layer/." "$dest/"
	done
	export GIT_AUTHOR_DATE="2017-0$day-01T12:00:00Z" GIT_COMMITTER_DATE="2017-0$day-01T12:00:00Z"
	git -C "$dest" add -A
	git -C "$dest" commit -q -m "demo: kernel tree as of $tag"
	git -C "$dest" tag "$tag"
	day=$((day + 1))
done
