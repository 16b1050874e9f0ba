/* invalidate_page does more than the range callbacks: it also reloads a page
 * of its own (as in-tree KVM did with the x86 APIC access page on 4.12). */
#include <linux/mmu_notifier.h>

struct hv { struct mmu_notifier mn; unsigned long apic_page; int reload; };

static void hv_zap(struct hv *hv, unsigned long start, unsigned long end)
{
}

static void hv_reload_apic(struct hv *hv)
{
	hv->reload = 1;
}

static void hv_page(struct mmu_notifier *mn, struct mm_struct *mm, unsigned long addr)
{
	struct hv *hv = (struct hv *)mn;

	hv_zap(hv, addr, addr + PAGE_SIZE);
	if (addr == hv->apic_page)
		hv_reload_apic(hv);
}

static void hv_start(struct mmu_notifier *mn, struct mm_struct *mm,
		     unsigned long start, unsigned long end)
{
	hv_zap((struct hv *)mn, start, end);
}

static void hv_end(struct mmu_notifier *mn, struct mm_struct *mm,
		   unsigned long start, unsigned long end)
{
}

static const struct mmu_notifier_ops hv_ops = {
	.invalidate_page = hv_page,
	.invalidate_range_start = hv_start,
	.invalidate_range_end = hv_end,
};
