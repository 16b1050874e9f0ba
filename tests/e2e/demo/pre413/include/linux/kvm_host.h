/* Demo kernel: the generic KVM structure the notifier callbacks need. */
#ifndef _LINUX_KVM_HOST_H
#define _LINUX_KVM_HOST_H
#include <linux/mmu_notifier.h>

struct kvm {
	struct mmu_notifier mmu_notifier;
	spinlock_t mmu_lock;
	unsigned long mmu_notifier_seq;
	long mmu_notifier_count;
	int tlbs_dirty;
};

#include <asm/kvm_host.h>

struct kvm_vcpu { int mode; };
struct kvm_vcpu *demo_vcpu(struct kvm *kvm, int idx);

/* an iterator with an unbraced body: spatch needs cocci/kernel-macros.h */
#define kvm_for_each_vcpu(idx, vcpup, kvmp) \
	for (idx = 0; (vcpup = demo_vcpu(kvmp, idx)) != NULL; idx++)

int kvm_unmap_hva(struct kvm *kvm, unsigned long hva);
int kvm_unmap_hva_range(struct kvm *kvm, unsigned long start, unsigned long end);
void kvm_flush_remote_tlbs(struct kvm *kvm);
unsigned long gfn_to_hva(struct kvm *kvm, unsigned long gfn);
void kvm_make_all_cpus_request(struct kvm *kvm, unsigned int req);

#endif
