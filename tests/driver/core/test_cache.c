/*
 * Unit tests of driver/core/cache.c: answers by key, where the user says,
 * off when told; a damaged entry never used.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <utime.h>
#include "core/cache.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/usage.h"
#include "unit.h"

static void test_keys(void)
{
	const char *a[] = { "tree-id", "tok1 tok2" }, *b[] = { "tree-id", "tok1 tok3" };
	const char *c[] = { "tree-idtok1", " tok2" };
	char *h1 = cache_hash(a, 2), *h2 = cache_hash(a, 2), *h3 = cache_hash(b, 2), *h4 = cache_hash(c, 2);

	CHECK("cache_hash: 16 hex digits", h1 && strlen(h1) == 16 && strspn(h1, "0123456789abcdef") == 16);
	CHECK("cache_hash: the same strings, the same key", !strcmp(h1, h2));
	CHECK("cache_hash: other strings, another key", strcmp(h1, h3));
	CHECK("cache_hash: where one string ends matters", strcmp(h1, h4));
	free(h1);
	free(h2);
	free(h3);
	free(h4);
}

static void test_entries(const char *tmp)
{
	char *path = xstrfmt("%s/candidates/k1", tmp), *text;

	CHECK("cache_get: nothing stored yet", !cache_get("candidates", "k1"));
	cache_put("candidates", "k1", "mm/rmap.c\nfs/dax.c\n");
	text = cache_get("candidates", "k1");
	CHECK_STR("cache_get: what was put", text, "mm/rmap.c\nfs/dax.c\n");
	free(text);
	CHECK("cache_get: another kind is another answer", !cache_get("other", "k1"));
	/* truncated, as a full disk or a kill mid-write would leave it */
	text = read_file(path);
	text[strlen(text) - 4] = '\0';
	write_file(path, text);
	free(text);
	CHECK("a truncated entry is not used", !cache_get("candidates", "k1"));
	CHECK("... and is removed, to be recomputed", access(path, F_OK) != 0);
	cache_put("candidates", "k1", "mm/rmap.c\n");
	text = read_file(path);
	text[strlen(text) - 2] = 'X';	/* same length, other content */
	write_file(path, text);
	free(text);
	CHECK("an entry whose hash does not match is not used", !cache_get("candidates", "k1"));
	write_file(path, "mm/rmap.c\n");
	CHECK("an entry of no format (an older kseries') is not used", !cache_get("candidates", "k1"));
	free(path);
}

int main(void)
{
	char *tmp = unit_tmpdir(), *h1;
	const char *a[] = { "k" };

	setenv("KSERIES_CACHE_DIR", tmp, 1);
	test_keys();
	test_entries(tmp);
	h1 = cache_hash(a, 1);
	cache_put("candidates", h1, "x\n");
	setenv("KSERIES_CACHE_DIR", "off", 1);
	CHECK("KSERIES_CACHE_DIR=off: nothing is read", !cache_get("candidates", h1));
	setenv("KSERIES_CACHE_DIR", "/proc/no-such-place", 1);
	cache_put("candidates", h1, "x\n");
	CHECK("cache_put: a cache that cannot be written is no error, and gives nothing",
	      !cache_get("candidates", h1));
	free(h1);
	remove_tree(tmp);
	UNIT_EXIT();
}
