#!/bin/sh
# e2e: links in the tree (issue 14, item 7). A file or folder that is a
# symbolic link out of the tree is not written, and is named as a residual
# use (exit 1), never a silent "rewrite done"; a tree made with cp -al is
# rewritten without changing the tree it shares its files with.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
git clone -q "$repo" "$tmp/orig"
git -C "$tmp/orig" checkout -q v4.12-demo

# mm/rmap.c a link to a copy outside the tree
cp -r "$tmp/orig" "$tmp/t1"
mkdir "$tmp/elsewhere"
mv "$tmp/t1/mm/rmap.c" "$tmp/elsewhere/rmap.c"
ln -s "$tmp/elsewhere/rmap.c" "$tmp/t1/mm/rmap.c"
cp "$tmp/elsewhere/rmap.c" "$tmp/rmap.c.before"
"$kseries" rewrite --force "$tmp/t1" > "$tmp/out1" 2>&1
check "links: a file linked out of the tree: exit 1" test $? = 1
check "links: ... it is named, with where it points" \
	grep -q "mm/rmap.c: a symbolic link leads to $tmp/elsewhere/rmap.c, outside the tree: not rewritten" "$tmp/out1"
check "links: ... and counted as a residual use" grep -q "residual use after the rewrite: mm/rmap.c" "$tmp/out1"
check "links: ... the file out there is untouched" cmp "$tmp/rmap.c.before" "$tmp/elsewhere/rmap.c"
check "links: ... the rest of the tree is converted" \
	sh -c "! grep -q '\.invalidate_page' '$tmp/t1/drivers/xen/gntdev.c'"
"$kseries" rewrite --report "$tmp/t1" > "$tmp/out1r" 2>&1
check "links: rewrite --report names it too, exit 1" sh -c "test $? = 1 &&
	grep -q '^mm/rmap.c: a symbolic link leads to' '$tmp/out1r'"

# a whole folder (drivers/xen) a link out of the tree
cp -r "$tmp/orig" "$tmp/t2"
mv "$tmp/t2/drivers/xen" "$tmp/elsewhere/xen"
ln -s "$tmp/elsewhere/xen" "$tmp/t2/drivers/xen"
"$kseries" rewrite --force "$tmp/t2" > "$tmp/out2" 2>&1
check "links: a folder linked out of the tree: exit 1" test $? = 1
check "links: ... its file that uses the API is named" \
	grep -q "drivers/xen/gntdev.c: a symbolic link leads to $tmp/elsewhere/xen/gntdev.c" "$tmp/out2"
check "links: ... and not written" grep -q '\.invalidate_page' "$tmp/elsewhere/xen/gntdev.c"

# a hard-linked copy: the original keeps its text
cp -al "$tmp/orig" "$tmp/t3"
rm -rf "$tmp/t3/.git" && cp -r "$tmp/orig/.git" "$tmp/t3/.git"
"$kseries" rewrite "$tmp/t3" > "$tmp/out3" 2>&1
check "links: a cp -al copy is rewritten: exit 0" test $? = 0
check "links: ... its files changed" grep -q mmu_notifier_invalidate_range_start "$tmp/t3/mm/rmap.c"
check "links: ... the tree it shares files with did not" test -z "$(git -C "$tmp/orig" status --porcelain)"
check "links: ... the changed files keep their mode" \
	test "$(stat -c %a "$tmp/t3/mm/rmap.c")" = "$(stat -c %a "$tmp/orig/mm/rmap.c")"
finish
