#ifndef KSERIES_ADDRESS_H
#define KSERIES_ADDRESS_H

#include "lib/strvec.h"

/* The most addresses one mail is Cc'd to: more is a WARNING with the count. */
#define ADDRESS_CAP 100

/*
 * text as one header address, "Name <local@domain>" or "local@domain":
 * the name quoted when it holds a special ("Doe, John" <jd@example.org>),
 * or NULL with *why saying what is wrong (no '@', two, a control character:
 * a CR would start a header of its own). Caller frees.
 */
char *address_parse(const char *text, const char **why);
/* The address of an entry, lower-cased: what makes two entries one. Caller frees. */
char *address_key(const char *entry);

/*
 * A list of entries kept unique by address, in linear time; max (0: none)
 * entries at most, the rest counted in over.
 */
struct address_list {
	struct strvec *entries;
	size_t max, over;
	char **keys;		/* open addressing by address_key */
	size_t cap, nr_keys;
};
/* Over entries (what they hold already counts as seen). */
void address_list_init(struct address_list *l, struct strvec *entries, size_t max);
/* 1 when entry was added; 0 when its address was there, or the list is full. */
int address_list_add(struct address_list *l, const char *entry);
void address_list_clear(struct address_list *l);

#endif
