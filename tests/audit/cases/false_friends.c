/* Other ops with an invalidate_page member: frontswap and cleancache. None is ours. */
#include <linux/frontswap.h>
#include <linux/cleancache.h>

static void fs_invalidate_page(unsigned type, pgoff_t offset)
{
}

static void cc_invalidate_page(int pool, struct cleancache_filekey key, pgoff_t index)
{
}

static struct frontswap_ops my_frontswap_ops = {
	.invalidate_page = fs_invalidate_page,
};

static const struct cleancache_ops my_cleancache_ops = {
	.invalidate_page = cc_invalidate_page,
};

void fs_setup(struct frontswap_ops *ops, struct cleancache_ops *cc)
{
	ops->invalidate_page = fs_invalidate_page;
	cc->invalidate_page = cc_invalidate_page, cc->init_fs = NULL;
}
