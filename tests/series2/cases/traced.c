/* lib/gadget.c again, for the rule mutation check with --trace-puts (tests/cocci/mutate_rules.py). */
#include <linux/gadget.h>

void gadget_trace(struct gadget *g)
{
	g->puts++;
}

void gadget_release(struct gadget *g, unsigned long addr)
{
	gadget_put_page(g, addr);
}

int gadget_release_range(struct gadget *g, unsigned long start, unsigned long end)
{
	unsigned long a;

	for (a = start; a < end; a += 4096) {
		gadget_put_page(g, a);
	}
	return 0;
}
