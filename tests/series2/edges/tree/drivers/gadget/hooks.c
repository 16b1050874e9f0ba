#include <linux/gadget.h>

/*
 * A hook table entry declared with its attribute after the declarator:
 * spatch cannot parse this line, so no rule sees the use of the API in it.
 */
static void (*const gadget_put_hook)(struct gadget *, unsigned long) __attribute__((used, section(".gadget_hooks"))) = gadget_put_page;

void gadget_hooks_touch(struct gadget *g)
{
	g->puts++;
}
