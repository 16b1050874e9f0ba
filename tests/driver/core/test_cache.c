/* Unit tests of driver/core/cache.c: answers by key, where the user says, and off when told. */
#include <stdlib.h>
#include "core/cache.h"
#include "lib/cleanup.h"
#include "lib/usage.h"
#include "unit.h"

int main(void)
{
	char *tmp = unit_tmpdir(), *text, *h1, *h2, *h3;
	const char *a[] = { "tree-id", "tok1 tok2" }, *b[] = { "tree-id", "tok1 tok3" };
	const char *c[] = { "tree-idtok1", " tok2" };

	setenv("KSERIES_CACHE_DIR", tmp, 1);
	h1 = cache_hash(a, 2);
	h2 = cache_hash(a, 2);
	h3 = cache_hash(b, 2);
	CHECK("cache_hash: 16 hex digits", h1 && strlen(h1) == 16 && strspn(h1, "0123456789abcdef") == 16);
	CHECK("cache_hash: the same strings, the same key", !strcmp(h1, h2));
	CHECK("cache_hash: other strings, another key", strcmp(h1, h3));
	free(h3);
	h3 = cache_hash(c, 2);
	CHECK("cache_hash: where one string ends matters", strcmp(h1, h3));
	CHECK("cache_get: nothing stored yet", !cache_get("candidates", h1));
	cache_put("candidates", h1, "mm/rmap.c\nfs/dax.c\n");
	text = cache_get("candidates", h1);
	CHECK_STR("cache_get: what was put", text, "mm/rmap.c\nfs/dax.c\n");
	free(text);
	CHECK("cache_get: another kind is another answer", !cache_get("other", h1));
	setenv("KSERIES_CACHE_DIR", "off", 1);
	CHECK("KSERIES_CACHE_DIR=off: nothing is read", !cache_get("candidates", h1));
	setenv("KSERIES_CACHE_DIR", "/proc/no-such-place", 1);
	cache_put("candidates", h1, "x\n");
	CHECK("cache_put: a cache that cannot be written is no error, and gives nothing",
	      !cache_get("candidates", h1));
	free(h1);
	free(h2);
	free(h3);
	remove_tree(tmp);
	UNIT_EXIT();
}
