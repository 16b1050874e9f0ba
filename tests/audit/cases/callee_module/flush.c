/* The flushes: no notifier here, only the device. */
#include "cm.h"

static void cm_count(struct cm_dev *dev)
{
	dev->flushes++;
}

void cm_flush_range(struct cm_dev *dev, unsigned long start, unsigned long end)
{
	for (; start < end; start += 4096)
		dev->tlb[start >> 12] = 0;
	cm_count(dev);
}

void cm_flush_page(struct cm_dev *dev, unsigned long addr)
{
	cm_flush_range(dev, addr, addr + 4096);
}
