/* cleancache and frontswap ops also have invalidate_page: never touched. */
static void tmem_cleancache_flush_page(int pool, struct cleancache_filekey key,
				       pgoff_t index)
{
	tmem_flush_page(pool, key, index);
}

static const struct cleancache_ops tmem_cleancache_ops = {
	.put_page = tmem_cleancache_put_page,
	.invalidate_page = tmem_cleancache_flush_page,
};

static struct frontswap_ops tmem_frontswap_ops = {
	.store = tmem_frontswap_store,
	.invalidate_page = tmem_frontswap_flush_page,
};
