#ifndef KSERIES_INTERN_H
#define KSERIES_INTERN_H

#include <stddef.h>

/*
 * Strings interned to small numbers, found by hash: a preprocessed unit
 * names tens of thousands of identifiers, too many for a strvec's scan.
 */
struct intern {
	char **names;		/* [id] */
	size_t nr, alloc;
	size_t *slots;		/* id + 1, or 0 for an empty slot */
	size_t nr_slots;
};

#define INTERN_INIT { NULL, 0, 0, NULL, 0 }

/* The id of s[0..n), added when new. */
size_t intern_id(struct intern *in, const char *s, size_t n);
/* The id of s, or -1 when it was never added. */
long intern_find(const struct intern *in, const char *s, size_t n);
void intern_clear(struct intern *in);

#endif
