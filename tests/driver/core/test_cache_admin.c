/*
 * Unit tests of driver/core/cache_admin.c: each run's hits and misses
 * logged and read back, the size limit evicting the least recently used,
 * clearing, sizes a person reads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <utime.h>
#include "core/cache.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/usage.h"
#include "unit.h"

static void test_runs(const char *tmp)
{
	struct cache_stats s;
	char *old = xstrfmt("%s/candidates/old", tmp), *big = xstrfmt("%s/candidates/new", tmp);
	struct utimbuf long_ago = { 1000000000, 1000000000 };
	size_t hits = 0, misses = 0, damaged = 0;

	unsetenv("KSERIES_CACHE_RUN");
	cache_begin_run("series");
	CHECK("cache_begin_run: this run logs its counts", getenv("KSERIES_CACHE_RUN") != NULL);
	cache_put("candidates", "k2", "x\n");
	free(cache_get("candidates", "k2"));
	free(cache_get("candidates", "none"));
	{
		char *bad = xstrfmt("%s/candidates/bad", tmp);

		write_file(bad, "garbage\n");
		free(bad);
	}
	free(cache_get("candidates", "bad"));
	cache_stats_read(&s);
	for (size_t i = 0; i < s.nr_kinds; i++)
		if (!strcmp(s.kinds[i].kind, "candidates")) {
			hits = s.kinds[i].hits;
			misses = s.kinds[i].misses;
			damaged = s.kinds[i].damaged;
		}
	CHECK("the last run: 1 hit, 2 misses, 1 damaged entry", hits == 1 && misses == 2 && damaged == 1);
	CHECK_STR("the last run's command", s.last_run ? strtok(s.last_run, ",") : NULL, "kseries series");
	cache_stats_clear(&s);

	/* the limit: the least recently used go first, at the next run's start */
	cache_put("candidates", "old", "an old answer, used long ago\n");
	utime(old, &long_ago);
	cache_put("candidates", "new", "a new answer\n");
	setenv("KSERIES_CACHE_MAX", "60", 1);
	unsetenv("KSERIES_CACHE_RUN");
	cache_begin_run("series");
	CHECK("over KSERIES_CACHE_MAX: the least recently used entry is evicted",
	      access(old, F_OK) != 0 && access(big, F_OK) == 0);
	cache_stats_read(&s);
	CHECK("... and the run's log says how many", s.evicted >= 1 && s.bytes <= 60);
	cache_stats_clear(&s);
	unsetenv("KSERIES_CACHE_MAX");
	CHECK("cache_clear: 0", !cache_clear());
	cache_stats_read(&s);
	CHECK("cache_clear: no entry, no run left", !s.entries && !s.last_run);
	cache_stats_clear(&s);
	free(old);
	free(big);
}

int main(void)
{
	char *tmp = unit_tmpdir(), *h;

	setenv("KSERIES_CACHE_DIR", tmp, 1);
	test_runs(tmp);
	h = cache_human_size(1536);
	CHECK_STR("cache_human_size: KiB with one decimal", h, "1.5 KiB");
	free(h);
	h = cache_human_size(12);
	CHECK_STR("cache_human_size: bytes as they are", h, "12 bytes");
	free(h);
	remove_tree(tmp);
	UNIT_EXIT();
}
