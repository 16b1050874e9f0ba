#ifndef KSERIES_PROOF_UNIT_H
#define KSERIES_PROOF_UNIT_H

#include <stddef.h>
#include "lib/intern.h"

/*
 * A translation unit as the compiler reads it, before macros are expanded
 * (gcc -E -fdirectives-only: includes followed, #if decided, #defines
 * kept), cut into its top-level items: macros, function definitions and
 * declarations (types, variables, prototypes). The object identity asks of
 * a function whose code changed whether its source did: its own text and
 * that of everything it names, followed to a fixed point.
 */
enum unit_kind { UNIT_MACRO, UNIT_FUNCTION, UNIT_DECL };

struct unit_item {
	enum unit_kind kind;
	unsigned long long hash;	/* of its text, tokens one space apart */
	const char *file;		/* relative to the tree; NULL outside it */
	long first, last;		/* its lines in file */
	size_t *names, nr_names;	/* identifier ids it defines */
	size_t *refs, nr_refs;		/* identifier ids it names */
};

struct unit {
	struct intern ids;
	struct intern files;
	struct unit_item *items;
	size_t nr, alloc;
	size_t **defs;			/* [id]: the items defining it */
	size_t *nr_defs;
};

/*
 * Read a -fdirectives-only output; its line markers' paths are relative to
 * o_dir (or absolute), and a path under wt is kept relative to wt.
 */
void unit_parse(struct unit *u, const char *text, const char *o_dir, const char *wt);
/*
 * Mark (marks[item] = 1, marks sized u->nr) the closure of function fn: the
 * items defining it and everything they name, to a fixed point. 0, or -1
 * when the unit defines no function fn.
 */
int unit_closure(const struct unit *u, const char *fn, unsigned char *marks);
/* The name an item is known by (its first). */
const char *unit_item_name(const struct unit *u, const struct unit_item *it);
void unit_clear(struct unit *u);

#endif
