static void kvm_mmu_notifier_invalidate_page(struct mmu_notifier *mn,
					     struct mm_struct *mm,
					     unsigned long address)
{
	struct kvm *kvm = mmu_notifier_to_kvm(mn);
	int idx;

	idx = srcu_read_lock(&kvm->srcu);
	spin_lock(&kvm->mmu_lock);
	kvm->mmu_notifier_seq++;
	if (kvm_unmap_hva(kvm, address))
		kvm_flush_remote_tlbs(kvm);
	spin_unlock(&kvm->mmu_lock);

	kvm_arch_mmu_notifier_invalidate_page(kvm, address);

	srcu_read_unlock(&kvm->srcu, idx);
}

static void kvm_mmu_notifier_invalidate_range_start(struct mmu_notifier *mn,
						    struct mm_struct *mm,
						    unsigned long start,
						    unsigned long end)
{
	struct kvm *kvm = mmu_notifier_to_kvm(mn);
	int idx;

	idx = srcu_read_lock(&kvm->srcu);
	spin_lock(&kvm->mmu_lock);
	kvm->mmu_notifier_count++;
	if (kvm_unmap_hva_range(kvm, start, end))
		kvm_flush_remote_tlbs(kvm);
	spin_unlock(&kvm->mmu_lock);
	srcu_read_unlock(&kvm->srcu, idx);
}

static void drv_other_range_start(struct mmu_notifier *mn, struct mm_struct *mm,
				  unsigned long start, unsigned long end)
{
	struct drv *d = to_drv(mn);

	spin_lock(&d->mmu_lock);
	d->count++;
	spin_unlock(&d->mmu_lock);
}

static const struct mmu_notifier_ops kvm_mmu_notifier_ops = {
	.invalidate_page	= kvm_mmu_notifier_invalidate_page,
	.invalidate_range_start	= kvm_mmu_notifier_invalidate_range_start,
};

/* another ops in the same file, not KVM's: its range_start stays as it is */
static const struct mmu_notifier_ops drv_ops = {
	.invalidate_range_start	= drv_other_range_start,
};
/* With --kvm-apic-range the hook moves to KVM's range_start callback. */
