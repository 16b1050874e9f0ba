#!/bin/sh
# e2e: kseries rewrite on the demo kernel repo: every revision converted, the
# result builds, false friends untouched, converted trees left alone, errors clear.
set -u
. "$(dirname "$0")/../lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
kseries="$here/../../driver/kseries"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$here/make-demo-repo.sh" "$tmp/repo" >/dev/null

for rev in v4.9-demo v4.12-demo; do
	wt="$tmp/wt-$rev"
	git -C "$tmp/repo" worktree add -q --detach "$wt" "$rev"
	check "rewrite $rev: exit 0" "$kseries" rewrite -q "$wt"
	check "rewrite $rev: every range bracket balanced (independent check)" balance_clean "$wt"
	check "rewrite $rev: no API use left" sh -c "! git -C '$wt' grep -n -w -e mmu_notifier_invalidate_page \
		-e __mmu_notifier_invalidate_page -e kvm_arch_mmu_notifier_invalidate_page -- '*.c' '*.h'"
	check "rewrite $rev: no .invalidate_page left outside the false friends" \
		sh -c "test \"\$(git -C '$wt' grep -l 'invalidate_page *=' -- '*.c')\" = drivers/xen/tmem.c"
	check "rewrite $rev: false friends unchanged" \
		git -C "$wt" diff --quiet -- drivers/xen/tmem.c include/linux/cleancache.h fs/ext2/inode.c
	check "rewrite $rev: rmap bracket opened and closed" sh -c "
		test \$(grep -c mmu_notifier_invalidate_range_start '$wt/mm/rmap.c') -eq 2 &&
		grep -q 'compound_order(page)' '$wt/mm/rmap.c' &&
		grep -q 'mmu_notifier_invalidate_range(mm, address, address + PAGE_SIZE)' '$wt/mm/rmap.c'"
	check "rewrite $rev: kept helpers and counters stay" sh -c "
		grep -q invalidate_page_trampoline '$wt/drivers/infiniband/core/umem_odp.c' &&
		grep -q 'return gru_stats.mmu_invalidate_page' '$wt/drivers/misc/sgi-gru/grutlbpurge.c'"
	check "rewrite $rev: callback wired to .invalidate_range stays" \
		grep -q 'svm_range_invalidate_page' "$wt/drivers/iommu/demo_svm.c"
	check "rewrite $rev: no empty #ifdef left" sh -c "! grep -A1 '^#ifdef CONFIG_MMU_NOTIFIER' '$wt/drivers/iommu/demo_svm.c' | grep -q '^#endif'"
	check "rewrite $rev: the result builds (x86_64)" make -s -C "$wt" O="$tmp/o-$rev" \
		mm/rmap.o mm/mmu_notifier.o virt/kvm/kvm_main.o arch/x86/kvm/x86.o drivers/xen/gntdev.o \
		drivers/iommu/demo_svm.o drivers/infiniband/hw/hfi1/mmu_rb.o drivers/misc/sgi-gru/grutlbpurge.o
	check "rewrite $rev: second run finds nothing to do" sh -c "'$kseries' rewrite -q --force '$wt' | grep -q 'already converted'"
done
check "rewrite v4.12-demo: dax bracket" sh -c "grep -q 'mmu_notifier_invalidate_range_start(vma->vm_mm, start, end)' '$tmp/wt-v4.12-demo/fs/dax.c'"
check "rewrite v4.12-demo: dax builds for arm64" make -s -C "$tmp/wt-v4.12-demo" ARCH=arm64 \
	CROSS_COMPILE=aarch64-linux-gnu- O="$tmp/o-arm64" fs/dax.o mm/rmap.o

git -C "$tmp/repo" worktree add -q --detach "$tmp/wt-apic" v4.12-demo
check "rewrite --kvm-apic-range: exit 0" "$kseries" rewrite -q --kvm-apic-range "$tmp/wt-apic"
check "rewrite --kvm-apic-range: every range bracket balanced" balance_clean "$tmp/wt-apic"
check "rewrite --kvm-apic-range: range hook called from range_start" \
	grep -q 'kvm_arch_mmu_notifier_invalidate_range(kvm, start, end)' "$tmp/wt-apic/virt/kvm/kvm_main.c"
check "rewrite --kvm-apic-range: x86 checks the APIC page against the range" \
	grep -q 'start <= apic_address && apic_address < end' "$tmp/wt-apic/arch/x86/kvm/x86.c"
check "rewrite --kvm-apic-range: builds on x86_64" make -s -C "$tmp/wt-apic" O="$tmp/o-apic" \
	virt/kvm/kvm_main.o arch/x86/kvm/x86.o
check "rewrite --kvm-apic-range: builds on arm64" make -s -C "$tmp/wt-apic" ARCH=arm64 \
	CROSS_COMPILE=aarch64-linux-gnu- O="$tmp/o-apic-arm64" virt/kvm/kvm_main.o

git -C "$tmp/repo" worktree add -q --detach "$tmp/wt-v4.13" v4.13-demo
check "rewrite v4.13-demo: already converted, nothing changes" sh -c "
	'$kseries' rewrite -q '$tmp/wt-v4.13' | grep -q 'already converted' &&
	git -C '$tmp/wt-v4.13' diff --quiet"

git -C "$tmp/repo" worktree add -q --detach "$tmp/wt-dirty" v4.12-demo
echo "/* local edit */" >> "$tmp/wt-dirty/mm/rmap.c"
check_fails "rewrite: a dirty git tree is refused" "$kseries" rewrite -q "$tmp/wt-dirty"
check "rewrite: the refusal names the fix" sh -c "'$kseries' rewrite '$tmp/wt-dirty' 2>&1 | grep -q -- '--force'"
check "rewrite: the refused tree is unchanged" sh -c "test \$(git -C '$tmp/wt-dirty' diff --numstat | wc -l) -eq 1"
check "rewrite --report: lists, changes nothing" sh -c "
	'$kseries' rewrite --report -q '$tmp/wt-dirty' > '$tmp/report.txt';
	grep -q '^mm/rmap.c:.*caller' '$tmp/report.txt' && grep -q 'callback mn_invl_page' '$tmp/report.txt' &&
	test \$(git -C '$tmp/wt-dirty' diff --numstat | wc -l) -eq 1"
check_fails "rewrite: a missing directory is an error" "$kseries" rewrite "$tmp/none"
check "rewrite: exit 2 for a missing directory" sh -c "'$kseries' rewrite '$tmp/none' 2>/dev/null; test \$? -eq 2"
check "rewrite: spatch missing is a clear error" sh -c "PATH=/nonexistent '$kseries' rewrite '$tmp/wt-v4.13' 2>&1 | grep -q 'spatch not found'"
mkdir -p "$tmp/with space" && cp "$here/../cocci/callback_designated.c" "$tmp/with space/"
check "rewrite: a path with a space is rewritten, not silently skipped" sh -c "
	'$kseries' rewrite -q '$tmp/with space' >/dev/null && ! grep -q invalidate_page '$tmp/with space/callback_designated.c'"
mkdir -p "$tmp/plain" && cp "$here/../cocci/caller_walk_pte.c" "$tmp/plain/"
check "rewrite: a plain directory (not git) works" sh -c "'$kseries' rewrite -q '$tmp/plain' | grep -q 'caller_walk_pte.c'"
finish
