/* Trap: cleancache and frontswap ops with .invalidate_page; must never change. */
#include <linux/cleancache.h>

static void tmem_cleancache_flush_page(int pool, pgoff_t index)
{
	(void)pool;
	(void)index;
}

static void tmem_cleancache_flush_inode(int pool)
{
	(void)pool;
}

static const struct cleancache_ops tmem_cleancache_ops = {
	.invalidate_page = tmem_cleancache_flush_page,
	.invalidate_inode = tmem_cleancache_flush_inode,
};

static void tmem_frontswap_flush_page(unsigned type, pgoff_t offset)
{
	(void)type;
	(void)offset;
}

static struct frontswap_ops tmem_frontswap_ops;

int tmem_init(void)
{
	/* frontswap ops assigned at run time: still not an mmu notifier */
	tmem_frontswap_ops.invalidate_page = tmem_frontswap_flush_page;
	frontswap_register_ops(&tmem_frontswap_ops);
	return cleancache_register_ops((struct cleancache_ops *)&tmem_cleancache_ops);
}
