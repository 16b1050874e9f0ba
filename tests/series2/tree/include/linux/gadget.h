#ifndef _LINUX_GADGET_H
#define _LINUX_GADGET_H

/* A kernel-shaped API of our own for the second kseries series. */
struct gadget;

struct gadget_ops {
	void (*put_page)(struct gadget *g, unsigned long addr);
	void (*put_pages)(struct gadget *g, unsigned long addr, unsigned long nr);
};

struct gadget {
	const struct gadget_ops *ops;
	unsigned long puts;
};

void gadget_trace(struct gadget *g);

static inline void gadget_put_pages(struct gadget *g, unsigned long addr, unsigned long nr)
{
	if (g->ops->put_pages)
		g->ops->put_pages(g, addr, nr);
}

static inline void gadget_put_page(struct gadget *g, unsigned long addr)
{
	if (g->ops->put_page)
		g->ops->put_page(g, addr);
}

#endif
