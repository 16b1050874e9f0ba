/* The page flush also reloads the device's APIC page: work no range flush does. */
#include "cm.h"

struct cm_apic { unsigned long apic_page; int reload; };
extern struct cm_apic cm_apic;

void cm_flush_range(struct cm_dev *dev, unsigned long start, unsigned long end)
{
	for (; start < end; start += 4096)
		dev->tlb[start >> 12] = 0;
}

void cm_flush_page(struct cm_dev *dev, unsigned long addr)
{
	cm_flush_range(dev, addr, addr + 4096);
	if (addr == cm_apic.apic_page)
		cm_apic.reload = 1;
}
