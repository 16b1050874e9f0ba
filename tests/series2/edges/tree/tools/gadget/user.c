/* A user-space copy of the gadget API for a test tool: not kernel code. */
struct gadget { unsigned long puts; };

static void gadget_put_page(struct gadget *g, unsigned long addr)
{
	g->puts += addr != 0;
}

int main(void)
{
	struct gadget g = { 0 };

	gadget_put_page(&g, 1);
	return g.puts != 1;
}
