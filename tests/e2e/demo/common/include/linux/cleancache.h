/* Trap: another ops struct with an invalidate_page member. Never converted. */
#ifndef _LINUX_CLEANCACHE_H
#define _LINUX_CLEANCACHE_H
#include <linux/types.h>

struct cleancache_ops {
	int (*init_fs)(unsigned long pagesize);
	int (*get_page)(int pool, pgoff_t index, struct page *page);
	void (*invalidate_page)(int pool, pgoff_t index);
	void (*invalidate_inode)(int pool);
};

struct frontswap_ops {
	void (*init)(unsigned type);
	int (*store)(unsigned type, pgoff_t offset, struct page *page);
	void (*invalidate_page)(unsigned type, pgoff_t offset);
	void (*invalidate_area)(unsigned type);
};

int cleancache_register_ops(struct cleancache_ops *ops);
void frontswap_register_ops(struct frontswap_ops *ops);

#endif
