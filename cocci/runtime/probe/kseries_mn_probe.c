// SPDX-License-Identifier: GPL-2.0
/*
 * kseries' notifier probe: opening debugfs kseries_mn/events registers an
 * mmu_notifier on the opener's mm; every callback is recorded (kind, range,
 * preempt_count(), irqs) and read back as struct mn_event records; close
 * unregisters it. The callbacks that drivers made sleep (range_start, and
 * invalidate_page where the kernel still has it) record first and then call
 * might_sleep(), so DEBUG_ATOMIC_SLEEP reports a call from atomic context
 * without our own record being changed by it.
 */
#include <linux/module.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/mmu_notifier.h>
#include "features.h"
#include "mn_events.h"

#define MAX_EVENTS 65536

struct probe {
	struct mmu_notifier mn;
	struct mm_struct *mm;
	spinlock_t lock;
	struct mn_event *ev;
	unsigned int head, tail;	/* ring: [tail, head) */
	unsigned long lost;
};

static struct dentry *dir;

static void record(struct mmu_notifier *mn, unsigned int kind, unsigned long start,
		   unsigned long end, int blockable)
{
	struct probe *p = container_of(mn, struct probe, mn);
	unsigned int pc = preempt_count();
	unsigned int irqs = irqs_disabled();
	unsigned long flags;

	spin_lock_irqsave(&p->lock, flags);
	if (p->head - p->tail < MAX_EVENTS) {
		struct mn_event *e = &p->ev[p->head++ % MAX_EVENTS];

		e->kind = kind;
		e->preempt = pc;
		e->irqs_off = irqs;
		e->blockable = blockable;
		e->start = start;
		e->end = end;
	} else {
		p->lost++;
	}
	spin_unlock_irqrestore(&p->lock, flags);
}

#ifdef HAVE_RANGE_STRUCT
static int probe_range_start(struct mmu_notifier *mn, const struct mmu_notifier_range *r)
{
#ifdef HAVE_RANGE_BLOCKABLE_FN
	int blockable = mmu_notifier_range_blockable(r);
#else
	int blockable = r->blockable;	/* 5.0 and 5.1: the field, before its helper */
#endif

	record(mn, MN_RANGE_START, r->start, r->end, blockable);
	if (blockable)
		might_sleep();
	return 0;
}

static void probe_range_end(struct mmu_notifier *mn, const struct mmu_notifier_range *r)
{
	record(mn, MN_RANGE_END, r->start, r->end, 0);
}
#elif defined(HAVE_RANGE_BLOCKABLE)
static int probe_range_start(struct mmu_notifier *mn, struct mm_struct *mm,
			     unsigned long start, unsigned long end, bool blockable)
{
	record(mn, MN_RANGE_START, start, end, blockable);
	if (blockable)
		might_sleep();
	return 0;
}

static void probe_range_end(struct mmu_notifier *mn, struct mm_struct *mm,
			    unsigned long start, unsigned long end)
{
	record(mn, MN_RANGE_END, start, end, 0);
}
#else
static void probe_range_start(struct mmu_notifier *mn, struct mm_struct *mm,
			      unsigned long start, unsigned long end)
{
	record(mn, MN_RANGE_START, start, end, 1);
	might_sleep();
}

static void probe_range_end(struct mmu_notifier *mn, struct mm_struct *mm,
			    unsigned long start, unsigned long end)
{
	record(mn, MN_RANGE_END, start, end, 0);
}
#endif

#if defined(HAVE_INVALIDATE_RANGE) || defined(HAVE_ARCH_INVALIDATE_SECONDARY)
static void probe_invalidate_range(struct mmu_notifier *mn, struct mm_struct *mm,
				   unsigned long start, unsigned long end)
{
	record(mn, MN_INVALIDATE_RANGE, start, end, 0);
}
#endif

#ifdef HAVE_INVALIDATE_PAGE
static void probe_invalidate_page(struct mmu_notifier *mn, struct mm_struct *mm,
				  unsigned long address)
{
	record(mn, MN_INVALIDATE_PAGE, address, address + PAGE_SIZE, 1);
	might_sleep();
}
#endif

static void probe_release(struct mmu_notifier *mn, struct mm_struct *mm)
{
	record(mn, MN_RELEASE, 0, 0, 0);
}

static const struct mmu_notifier_ops probe_ops = {
	.release = probe_release,
	.invalidate_range_start = probe_range_start,
	.invalidate_range_end = probe_range_end,
#ifdef HAVE_INVALIDATE_RANGE
	.invalidate_range = probe_invalidate_range,
#endif
#ifdef HAVE_ARCH_INVALIDATE_SECONDARY
	.arch_invalidate_secondary_tlbs = probe_invalidate_range,
#endif
#ifdef HAVE_INVALIDATE_PAGE
	.invalidate_page = probe_invalidate_page,
#endif
};

static int events_open(struct inode *inode, struct file *file)
{
	struct probe *p = kzalloc(sizeof(*p), GFP_KERNEL);
	int ret;

	if (!p)
		return -ENOMEM;
	p->ev = vmalloc(MAX_EVENTS * sizeof(*p->ev));
	if (!p->ev) {
		kfree(p);
		return -ENOMEM;
	}
	spin_lock_init(&p->lock);
	p->mn.ops = &probe_ops;
	p->mm = current->mm;
	ret = mmu_notifier_register(&p->mn, p->mm);
	if (ret) {
		vfree(p->ev);
		kfree(p);
		return ret;
	}
	file->private_data = p;
	return 0;
}

/* Whole records only; a lost count comes first as an MN_LOST record. */
static ssize_t events_read(struct file *file, char __user *buf, size_t len, loff_t *pos)
{
	struct probe *p = file->private_data;
	struct mn_event e;
	size_t done = 0;
	unsigned long flags;

	while (done + sizeof(e) <= len) {
		spin_lock_irqsave(&p->lock, flags);
		if (p->lost) {
			memset(&e, 0, sizeof(e));
			e.kind = MN_LOST;
			e.start = p->lost;
			p->lost = 0;
		} else if (p->tail != p->head) {
			e = p->ev[p->tail++ % MAX_EVENTS];
		} else {
			spin_unlock_irqrestore(&p->lock, flags);
			break;
		}
		spin_unlock_irqrestore(&p->lock, flags);
		if (copy_to_user(buf + done, &e, sizeof(e)))
			return done ? done : -EFAULT;
		done += sizeof(e);
	}
	return done;
}

static int events_release(struct inode *inode, struct file *file)
{
	struct probe *p = file->private_data;

	mmu_notifier_unregister(&p->mn, p->mm);
	vfree(p->ev);
	kfree(p);
	return 0;
}

static const struct file_operations events_fops = {
	.owner = THIS_MODULE,
	.open = events_open,
	.read = events_read,
	.release = events_release,
	.llseek = noop_llseek,
};

static int __init probe_init(void)
{
	dir = debugfs_create_dir("kseries_mn", NULL);
	if (IS_ERR_OR_NULL(dir))
		return dir ? PTR_ERR(dir) : -ENODEV;
	if (IS_ERR_OR_NULL(debugfs_create_file("events", 0600, dir, NULL, &events_fops))) {
		debugfs_remove_recursive(dir);
		return -ENODEV;
	}
#if defined(HAVE_INVALIDATE_RANGE) || defined(HAVE_ARCH_INVALIDATE_SECONDARY)
	/* tells the guest program that an invalidate_range must come inside each pair */
	debugfs_create_file("has_invalidate_range", 0400, dir, NULL, &events_fops);
#endif
	pr_info("kseries_mn_probe: loaded\n");
	return 0;
}

static void __exit probe_exit(void)
{
	debugfs_remove_recursive(dir);
}

module_init(probe_init);
module_exit(probe_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("kseries: records mmu_notifier callbacks for the runtime proof");
