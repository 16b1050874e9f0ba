/* Demo kernel: arm64's KVM host definitions. */
#ifndef __ARM64_KVM_HOST_H__
#define __ARM64_KVM_HOST_H__

#define KVM_ARCH_WANT_MMU_NOTIFIER

struct kvm;

static inline void kvm_arch_mmu_notifier_invalidate_page(struct kvm *kvm,
							 unsigned long address)
{
}

static inline void kvm_arch_flush_shadow_all(struct kvm *kvm)
{
}

#endif /* __ARM64_KVM_HOST_H__ */
