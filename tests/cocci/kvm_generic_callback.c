static void kvm_mmu_notifier_invalidate_page(struct mmu_notifier *mn,
					     struct mm_struct *mm,
					     unsigned long address)
{
	struct kvm *kvm = mmu_notifier_to_kvm(mn);

	spin_lock(&kvm->mmu_lock);
	kvm->mmu_notifier_seq++;
	if (kvm_unmap_hva(kvm, address))
		kvm_flush_remote_tlbs(kvm);
	spin_unlock(&kvm->mmu_lock);

	kvm_arch_mmu_notifier_invalidate_page(kvm, address);
}

int kvm_count(struct kvm *kvm)
{
	struct kvm_vcpu *vcpu;
	int i, n = 0;

	kvm_for_each_vcpu(i, vcpu, kvm)
		n++;
	return n;
}

static const struct mmu_notifier_ops kvm_mmu_notifier_ops = {
	.invalidate_page	= kvm_mmu_notifier_invalidate_page,
	.invalidate_range_start	= kvm_mmu_notifier_invalidate_range_start,
};
