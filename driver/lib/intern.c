#include <stdlib.h>
#include <string.h>
#include "lib/intern.h"
#include "lib/usage.h"

static size_t hash(const char *s, size_t n)
{
	size_t h = 14695981039346656037ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

/* The slot holding s, or the empty slot where it would go. */
static size_t *slot(const struct intern *in, const char *s, size_t n)
{
	size_t mask = in->nr_slots - 1;

	for (size_t k = hash(s, n) & mask;; k = (k + 1) & mask) {
		size_t *sl = &in->slots[k];
		const char *name = *sl ? in->names[*sl - 1] : NULL;

		if (!name || (!strncmp(name, s, n) && !name[n]))
			return sl;
	}
}

static void grow(struct intern *in)
{
	free(in->slots);
	in->nr_slots = in->nr_slots ? 2 * in->nr_slots : 1024;
	in->slots = xcalloc(in->nr_slots, sizeof(*in->slots));
	for (size_t i = 0; i < in->nr; i++)
		*slot(in, in->names[i], strlen(in->names[i])) = i + 1;
}

size_t intern_id(struct intern *in, const char *s, size_t n)
{
	size_t *sl;

	/* at most half full: probes stay short */
	if (2 * (in->nr + 1) > in->nr_slots)
		grow(in);
	sl = slot(in, s, n);
	if (*sl)
		return *sl - 1;
	if (in->nr == in->alloc) {
		in->alloc = in->alloc ? 2 * in->alloc : 256;
		in->names = xrealloc(in->names, in->alloc * sizeof(*in->names));
	}
	in->names[in->nr] = xstrndup(s, n);
	*sl = ++in->nr;
	return in->nr - 1;
}

long intern_find(const struct intern *in, const char *s, size_t n)
{
	size_t *sl;

	if (!in->nr_slots)
		return -1;
	sl = slot(in, s, n);
	return *sl ? (long)*sl - 1 : -1;
}

void intern_clear(struct intern *in)
{
	for (size_t i = 0; i < in->nr; i++)
		free(in->names[i]);
	free(in->names);
	free(in->slots);
	memset(in, 0, sizeof(*in));
}
