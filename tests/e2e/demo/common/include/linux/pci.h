/* Demo kernel: a PCI device and the DMA calls the example series of
 * examples/pci-zalloc converts (our own small stand-ins, not Linux's). */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H

#include <linux/types.h>

typedef unsigned long long dma_addr_t;
typedef unsigned int gfp_t;
typedef unsigned long size_t;
#define GFP_ATOMIC	0x20u
#define GFP_KERNEL	0xccu

struct device {
	const char *name;
};

struct pci_dev {
	struct device dev;
	unsigned int devfn;
};

void *demo_dma_alloc(struct device *dev, size_t size, dma_addr_t *handle, gfp_t gfp);

static inline void *dma_zalloc_coherent(struct device *dev, size_t size, dma_addr_t *handle,
					gfp_t gfp)
{
	return demo_dma_alloc(dev, size, handle, gfp | 0x8000u);
}

#include <linux/pci-dma-compat.h>

#endif
