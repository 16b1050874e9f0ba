/*
 * Macros spatch 1.1.1 cannot parse on its own in kernel code that holds the
 * mmu_notifier API, passed with --macro-file. Each line says why.
 */

/* virt/kvm/kvm_main.c (4.4..4.12): iterator whose body has no braces */
#define kvm_for_each_vcpu(idx, vcpup, kvm) for (;;)
