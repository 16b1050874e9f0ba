static struct frontswap_ops zswap_frontswap_ops;

static void zswap_frontswap_invalidate_page(unsigned type, pgoff_t offset)
{
	zswap_erase(type, offset);
}

void zswap_setup(struct frontswap_ops *ops)
{
	zswap_frontswap_ops.invalidate_page = zswap_frontswap_invalidate_page;
	ops->invalidate_page = zswap_frontswap_invalidate_page;
}
