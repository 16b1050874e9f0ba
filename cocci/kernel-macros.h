/*
 * Macros spatch 1.1.1 cannot parse on its own in kernel code that holds the
 * mmu_notifier API, passed with --macro-file. Each line says why.
 */

/* virt/kvm/kvm_main.c (4.4..4.12): iterator whose body has no braces */
#define kvm_for_each_vcpu(idx, vcpup, kvm) for (;;)

/*
 * arch/x86/kvm/x86.c (4.4..4.12): the body of put_smstate() casts to
 * "(type *)", so spatch takes "type" for a typedef name from there on and
 * fails on kvm_arch_init_vm(..., unsigned long type). Declaring "type" a
 * macro (of itself) stops that inference; no kernel typedef is named "type".
 */
#define type type
