/* Traps: .invalidatepage (no underscore) and look-alike helper names. */
#include <linux/types.h>

struct address_space_operations {
	void (*invalidatepage)(struct page *page, unsigned int offset, unsigned int length);
};

static void ext2_invalidatepage(struct page *page, unsigned int offset, unsigned int length)
{
	(void)page;
	(void)offset;
	(void)length;
}

/* Named like a callback, but a plain fscache helper: never touched. */
void ext2_fscache_invalidate_page(struct page *page)
{
	put_page(page);
}

const struct address_space_operations ext2_aops = {
	.invalidatepage = ext2_invalidatepage,
};
