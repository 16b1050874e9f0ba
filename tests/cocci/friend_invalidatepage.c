static void ext4_invalidatepage(struct page *page, unsigned int offset,
				unsigned int length)
{
	block_invalidatepage(page, offset, length);
}

static const struct address_space_operations ext4_aops = {
	.invalidatepage = ext4_invalidatepage,
};
