/* Demo kernel: x86's KVM host definitions after 4.13. */
#ifndef _ASM_X86_KVM_HOST_H
#define _ASM_X86_KVM_HOST_H

#define KVM_ARCH_WANT_MMU_NOTIFIER

#endif /* _ASM_X86_KVM_HOST_H */
