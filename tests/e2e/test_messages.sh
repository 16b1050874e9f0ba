#!/bin/sh
# e2e: commit messages true of the tree they are written for (issue 35,
# item 3): on the demo's pre-4.11 shape (rmap walkers that call the
# notifier after pte_unmap_unlock()) the rmap and driver patches say
# invalidate_range() is called where invalidate_page() was, after the lock
# is dropped; on the 4.12 shape (page_vma_mapped_walk) they say under the
# lock. The series' probe rmap_walks_locked tells the shapes apart.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
"$kseries" series -q --no-build --signoff --kernel "$repo" --rev v4.9-demo --rev v4.12-demo \
	--out "$tmp/o" > "$tmp/o.log" 2>&1
check "messages: both revisions convert (exit $?)" test $? = 0
msg() {	# REV SUBJECT-GLOB: the patch's message, one line
	sed -n '/^$/,/^---$/p' "$tmp"/o/"$1"/series/*-"$2"-*.patch | tr '\n' ' ' | tr -s ' '
}
msg v4.9-demo mm-rmap > "$tmp/rmap49"
msg v4.12-demo mm-rmap > "$tmp/rmap412"
msg v4.9-demo sgi-gru > "$tmp/gru49"
msg v4.12-demo sgi-gru > "$tmp/gru412"
check "messages: 4.9's rmap patch says the call comes after the lock is dropped, never under it" sh -c "
	grep -q 'where invalidate_page() was called: after the walker drops the page table lock' '$tmp/rmap49' &&
	! grep -q 'under the lock' '$tmp/rmap49'"
check "messages: ... which is what its code does (invalidate_range after pte_unmap_unlock)" sh -c "
	git -C '$repo' show v4.9-demo:mm/rmap.c > /dev/null &&
	sed -n '/^+++ b\/mm\/rmap.c/,\$p' '$tmp'/o/v4.9-demo/series/*-mm-rmap-*.patch |
	awk '/pte_unmap_unlock/ { u = 1 } /^\+.*mmu_notifier_invalidate_range\(/ && u { ok = 1 } END { exit !ok }'"
check "messages: 4.12's rmap patch says under the lock" grep -q 'call invalidate_range() on the entry just changed, under the lock' "$tmp/rmap412"
check "messages: a driver patch says the same of the callers, by tree" sh -c "
	grep -q 'calls invalidate_range() where it called invalidate_page()' '$tmp/gru49' &&
	! grep -q 'under the lock' '$tmp/gru49' && grep -q 'calls invalidate_range() under the lock' '$tmp/gru412'"
finish
