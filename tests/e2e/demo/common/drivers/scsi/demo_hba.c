/* Demo kernel: a SCSI host adapter's mailbox. */
#include <linux/pci.h>

struct demo_hba {
	struct pci_dev *pdev;
	void *mbox;
	dma_addr_t mbox_dma;
};

int demo_hba_init(struct demo_hba *hba)
{
	hba->mbox = pci_zalloc_consistent(hba->pdev, 4096, &hba->mbox_dma);
	if (!hba->mbox)
		return -12;
	return 0;
}

void *demo_hba_scratch(dma_addr_t *dma)
{
	/* no device: the wrapper passes NULL on */
	return pci_zalloc_consistent(NULL, 64, dma);
}
