#ifndef _ASM_X86_KVM_HOST_H
#define _ASM_X86_KVM_HOST_H

/* With --kvm-apic-range the declaration becomes the range hook's. */
int kvm_age_hva(struct kvm *kvm, unsigned long start, unsigned long end);
int kvm_test_age_hva(struct kvm *kvm, unsigned long hva);
void kvm_arch_mmu_notifier_invalidate_page(struct kvm *kvm,
					   unsigned long address);

#endif
