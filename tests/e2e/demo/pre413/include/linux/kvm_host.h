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

int kvm_unmap_hva(struct kvm *kvm, unsigned long hva);
int kvm_unmap_hva_range(struct kvm *kvm, unsigned long start, unsigned long end);
void kvm_flush_remote_tlbs(struct kvm *kvm);
unsigned long gfn_to_hva(struct kvm *kvm, unsigned long gfn);
void kvm_make_all_cpus_request(struct kvm *kvm, unsigned int req);

#endif
