#!/bin/sh
# e2e: make audit-corpus's script on the demo repo (real trees cannot reach
# CI): each demo driver audited as out of tree against the demo series'
# own patches. Known answers: five drivers safe-to-remove and the same as
# their patch, KVM a review naming its arch hook, and the iommu demo wrong on
# purpose (a positional initialiser --fix delete leaves, said on stderr).
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
KSERIES_KERNEL="$repo" KSERIES_REV=v4.12-demo KSERIES_CORPUS_DKMS=0 \
	python3 "$top/tests/audit_corpus.py" > "$tmp/out" 2> "$tmp/err"
check "audit corpus (demo): exit 1, one driver wrong" sh -c "
	test $? = 1 && grep -q '^audit-corpus: v4.12-demo: 7 drivers (1 wrong), 0 dkms' '$tmp/out'"
for d in drm/amdgpu IB/umem IB/hfi1 sgi-gru xen/gntdev; do
	check "audit corpus (demo): $d: safe-to-remove, the same as its patch" \
		grep -Eq "^$d +[^ ]+ +[0-9]+ [0-9/]+ +safe-to-remove +yes +[0-9.]+ *\$" "$tmp/out"
done
check "audit corpus (demo): KVM: a review that names the arch hook, the same as its patch" sh -c "
	grep -Eq '^KVM +virt/kvm +[0-9]+ [0-9/]+ +review +yes' '$tmp/out' &&
	grep -q 'reaches kvm_arch_mmu_notifier_invalidate_page()' '$tmp/err'"
check "audit corpus (demo): the positional initialiser's driver is wrong, and why" sh -c "
	grep -Eq '^demo +drivers/iommu .* NO .*WRONG\$' '$tmp/out' &&
	grep -q 'series removes, audit does not: svm_release, NULL, NULL, NULL, NULL, pos_invalidate_page,' '$tmp/err'"
finish
