/* Demo kernel: an Ethernet driver's descriptor rings. */
#include <linux/pci.h>

struct demo_ring {
	struct pci_dev *pdev;
	void *desc;
	dma_addr_t desc_dma;
	size_t size;
};

int demo_ring_alloc(struct demo_ring *ring)
{
	ring->desc = pci_zalloc_consistent(ring->pdev, ring->size, &ring->desc_dma);
	return ring->desc ? 0 : -12;
}

void *demo_stats_alloc(struct pci_dev *pdev, dma_addr_t *dma)
{
	/* the stats block, zeroed by the wrapper */
	return pci_zalloc_consistent(pdev, 256, dma);
}
