#ifndef _GADGET_BATCH_H
#define _GADGET_BATCH_H

#include <linux/gadget.h>

/* a put in a helper the preprocessor writes: name##_drop() per user */
#define GADGET_DEFINE_DROP(name)					\
static inline void name##_drop(struct gadget *g, unsigned long addr)	\
{									\
	gadget_put_page(g, addr);					\
}

/* a pool type and its put, pasted together per user */
#define GADGET_DEFINE_POOL(name)					\
struct name##_pool { struct gadget g; unsigned long base; };		\
static inline void name##_pool_put(struct name##_pool *p)		\
{									\
	gadget_put_page(&p->g, p->base);				\
}

#endif
