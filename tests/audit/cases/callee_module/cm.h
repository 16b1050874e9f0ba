/* The device and its flush helpers, shared by the module's files. */
struct cm_dev { unsigned long *tlb; unsigned long flushes; };

void cm_flush_range(struct cm_dev *dev, unsigned long start, unsigned long end);
void cm_flush_page(struct cm_dev *dev, unsigned long addr);
struct cm_dev *cm_dev_of(void *mn);
