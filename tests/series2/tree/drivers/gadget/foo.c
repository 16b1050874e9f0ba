#include <linux/gadget.h>

static void foo_put_page(struct gadget *g, unsigned long addr)
{
	g->puts += addr & 1;
}

static void foo_put_pages(struct gadget *g, unsigned long addr, unsigned long nr)
{
	g->puts += nr;
}

static const struct gadget_ops foo_ops = {
	.put_page = foo_put_page,
	.put_pages = foo_put_pages,
};

const struct gadget_ops *foo_gadget_ops(void)
{
	return &foo_ops;
}
