/* Demo kernel: the PCI wrappers of the DMA API (included from linux/pci.h). */
#ifndef _LINUX_PCI_DMA_COMPAT_H
#define _LINUX_PCI_DMA_COMPAT_H

static inline void *
pci_zalloc_consistent(struct pci_dev *hwdev, size_t size,
		      dma_addr_t *dma_handle)
{
	return dma_zalloc_coherent(hwdev == NULL ? NULL : &hwdev->dev,
				   size, dma_handle, GFP_ATOMIC);
}

#endif
