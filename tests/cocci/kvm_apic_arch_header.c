#ifndef __ARM_KVM_HOST_H__
#define __ARM_KVM_HOST_H__

int kvm_age_hva(struct kvm *kvm, unsigned long start, unsigned long end);

/* We do not have shadow page tables, hence the empty hooks */
static inline void kvm_arch_mmu_notifier_invalidate_page(struct kvm *kvm,
							 unsigned long address)
{
}

struct kvm_vcpu *kvm_arm_get_running_vcpu(void);

#endif
