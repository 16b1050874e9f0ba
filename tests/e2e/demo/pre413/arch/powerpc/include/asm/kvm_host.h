/* Demo kernel: powerpc's KVM host definitions. */
#ifndef __POWERPC_KVM_HOST_H__
#define __POWERPC_KVM_HOST_H__

#define KVM_ARCH_WANT_MMU_NOTIFIER

struct kvm;

static inline void kvm_arch_mmu_notifier_invalidate_page(struct kvm *kvm,
							 unsigned long address)
{
}

static inline void kvm_arch_flush_shadow_all(struct kvm *kvm)
{
}

#endif /* __POWERPC_KVM_HOST_H__ */
