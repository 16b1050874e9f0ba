#include <linux/gadget.h>

/* A false friend: another ops type with a put_page member stays as it is. */
struct bar_ops {
	void (*put_page)(struct gadget *g, unsigned long addr);
};

static void bar_put_page(struct gadget *g, unsigned long addr)
{
	g->puts += addr;
}

static const struct bar_ops bar_ops = {
	.put_page = bar_put_page,
};

void bar_drop(struct gadget *g, unsigned long addr)
{
	bar_ops.put_page(g, addr);
	gadget_put_page(g, addr);
}
