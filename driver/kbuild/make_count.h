#ifndef KSERIES_MAKE_COUNT_H
#define KSERIES_MAKE_COUNT_H

#include <stddef.h>

/*
 * How far a whole-kernel make (bzImage modules: no object targets to look
 * for on disk) has gone, from its own log: the lines Kbuild prints for each
 * file it compiles ("  CC      mm/rmap.o", "  CC [M]", "  AS"), read as the
 * log grows; against what the last build of that O= folder (its config)
 * compiled, kept there.
 */
struct make_count {
	const char *log, *o_dir;
	long offset;		/* of the log, read up to here */
	size_t compiled;	/* files compiled so far */
	size_t expected;	/* the last build's count, or 0 */
};

void make_count_start(struct make_count *mc, const char *log, const char *o_dir);
/* Read what the log has grown by: the count so far. */
size_t make_count_read(struct make_count *mc);
/* The make ended well: its count is the next build's expectation. */
void make_count_keep(const struct make_count *mc);

#endif
