#!/bin/sh
# e2e: the demo kernel repo is reproducible and its objects build for real with
# the host and cross compilers, through its Kbuild-like single-object targets.
set -u
. "$(dirname "$0")/../lib.sh"
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

"$here/make-demo-repo.sh" "$tmp/a" && "$here/make-demo-repo.sh" "$tmp/b"
check "demo repo: three tags" test "$(git -C "$tmp/a" tag | wc -l)" -eq 3
check "demo repo: same commits every run" \
	test "$(git -C "$tmp/a" rev-parse v4.13-demo)" = "$(git -C "$tmp/b" rev-parse v4.13-demo)"
check_fails "demo repo: refuses an existing destination" "$here/make-demo-repo.sh" "$tmp/a"

git -C "$tmp/a" checkout -q v4.12-demo
objs="mm/rmap.o fs/dax.o mm/memory.o mm/mmu_notifier.o virt/kvm/kvm_main.o
 drivers/xen/gntdev.o drivers/xen/tmem.o drivers/iommu/demo_svm.o
 drivers/misc/sgi-gru/grutlbpurge.o drivers/infiniband/hw/hfi1/mmu_rb.o
 drivers/infiniband/core/umem_odp.o drivers/gpu/drm/amd/amdgpu/amdgpu_mn.o fs/ext2/inode.o"
# shellcheck disable=SC2086
check "demo v4.12 builds: x86_64 gcc" make -s -C "$tmp/a" ARCH=x86_64 O="$tmp/o-x86" $objs arch/x86/kvm/x86.o
# shellcheck disable=SC2086
check "demo v4.12 builds: arm64 cross gcc" \
	make -s -C "$tmp/a" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- O="$tmp/o-arm64" $objs
check "demo v4.12: arm64 object is aarch64" sh -c "file -b '$tmp/o-arm64/mm/rmap.o' 2>/dev/null | grep -q aarch64 ||
	od -An -tx1 -j18 -N2 '$tmp/o-arm64/mm/rmap.o' | grep -q 'b7 00'"
git -C "$tmp/a" checkout -q v4.9-demo
check "demo v4.9 builds: x86_64 gcc" make -s -C "$tmp/a" ARCH=x86_64 O="$tmp/o-old" mm/rmap.o virt/kvm/kvm_main.o
check_fails "demo: a broken object fails the build" sh -c "echo 'int x = ;' > '$tmp/a/mm/broken.c' && make -s -C '$tmp/a' O='$tmp/o-old' mm/broken.o 2>/dev/null"
finish
