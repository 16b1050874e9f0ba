/* Demo kernel: KVM's mmu notifier after 4.13: range callbacks only. */
#include <linux/mmu_notifier.h>

struct kvm {
	struct mmu_notifier mmu_notifier;
	long mmu_notifier_count;
};

static void kvm_mmu_notifier_invalidate_range_start(struct mmu_notifier *mn,
						    struct mm_struct *mm,
						    unsigned long start,
						    unsigned long end)
{
	struct kvm *kvm = container_of(mn, struct kvm, mmu_notifier);

	(void)mm;
	kvm->mmu_notifier_count += (end - start) ? 1 : 0;
}

static const struct mmu_notifier_ops kvm_mmu_notifier_ops = {
	.invalidate_range_start	= kvm_mmu_notifier_invalidate_range_start,
};

void kvm_init_mmu_notifier(struct kvm *kvm)
{
	kvm->mmu_notifier.ops = &kvm_mmu_notifier_ops;
}
