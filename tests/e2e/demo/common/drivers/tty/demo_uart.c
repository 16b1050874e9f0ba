/* Demo kernel: a PCI serial card's receive buffer. */
#include <linux/pci.h>

void *demo_uart_rx_buffer(struct pci_dev *dev, dma_addr_t *dma)
{
	return pci_zalloc_consistent(dev, 1024, dma);
}
