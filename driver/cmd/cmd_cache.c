/*
 * kseries cache: what the cache kseries keeps between runs holds (its
 * folder, entries and size by kind, the size limit), what the last run
 * took from it (hits, misses, damaged entries recomputed, entries
 * evicted), and --clear to empty it.
 */
#include <stdio.h>
#include <stdlib.h>
#include "cmd/options.h"
#include "commands.h"
#include "core/cache.h"
#include "lib/usage.h"

static const struct command_usage usage_cache = {
	"cache", "[--clear]",
	"  What the cache kseries keeps between runs holds: its folder\n"
	"  (KSERIES_CACHE_DIR), entries and size by kind, the size limit\n"
	"  (KSERIES_CACHE_MAX; the least recently used go first), and the hits and\n"
	"  misses of the last run. --clear empties it. See docs/usage.md, \"Speed\".\n",
	"Exit status: 0; 2 bad usage, or a cache that could not be cleared.\n",
	0, 0,
};

static void print_stats(const struct cache_stats *s)
{
	char *size = cache_human_size(s->bytes), *limit = cache_human_size(s->limit);

	printf("cache: %s\n", s->dir);
	for (size_t i = 0; i < s->nr_kinds; i++) {
		char *ks = cache_human_size(s->kinds[i].bytes);

		printf("  %-12s %zu entries, %s\n", s->kinds[i].kind, s->kinds[i].entries, ks);
		free(ks);
	}
	printf("  total        %zu entries, %s of %s (KSERIES_CACHE_MAX; least recently used "
	       "evicted first)\n", s->entries, size, limit);
	if (!s->last_run) {
		printf("last run: none logged yet\n");
	} else {
		printf("last run: %s\n", s->last_run);
		for (size_t i = 0; i < s->nr_kinds; i++)
			if (s->kinds[i].hits + s->kinds[i].misses)
				printf("  %-12s %zu hits, %zu misses%s%.0zu%s\n", s->kinds[i].kind,
				       s->kinds[i].hits, s->kinds[i].misses,
				       s->kinds[i].damaged ? " (" : "", s->kinds[i].damaged,
				       s->kinds[i].damaged ? " damaged entries recomputed)" : "");
		printf("  evicted at its start: %zu\n", s->evicted);
	}
	free(size);
	free(limit);
}

int cmd_cache(int argc, char **argv)
{
	int clear = 0;
	const struct opt opts[] = {
		OPT_FLAG("clear", 0, &clear, "remove every entry and run log"),
		OPT_END(),
	};
	struct strvec args = STRVEC_INIT, defines = STRVEC_INIT;
	struct cache_stats s;

	parse_options(argc, argv, &usage_cache, opts, &args, &defines);
	strvec_clear(&args);
	strvec_clear(&defines);
	cache_stats_read(&s);
	if (!s.dir) {
		printf("cache: off (KSERIES_CACHE_DIR=off, or no HOME)\n");
		cache_stats_clear(&s);
		return 0;
	}
	if (clear) {
		char *size = cache_human_size(s.bytes);
		int ret = cache_clear();

		if (!ret)
			printf("cache: %s cleared: %zu entries, %s\n", s.dir, s.entries, size);
		free(size);
		cache_stats_clear(&s);
		return ret ? 2 : 0;
	}
	print_stats(&s);
	cache_stats_clear(&s);
	return 0;
}
