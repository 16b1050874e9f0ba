/* Demo kernel: x86's KVM host definitions. */
#ifndef _ASM_X86_KVM_HOST_H
#define _ASM_X86_KVM_HOST_H

#define KVM_ARCH_WANT_MMU_NOTIFIER
#define KVM_REQ_APIC_PAGE_RELOAD	17
#define APIC_DEFAULT_PHYS_BASE		0xfee00000UL

struct kvm;

void kvm_arch_mmu_notifier_invalidate_page(struct kvm *kvm,
					   unsigned long address);
void kvm_vcpu_reload_apic_access_page(struct kvm *kvm);

#endif /* _ASM_X86_KVM_HOST_H */
