#ifndef KSERIES_CACHE_H
#define KSERIES_CACHE_H

#include <stddef.h>

/*
 * A small on-disk cache of answers that depend only on their key (a git
 * tree id and the series' tokens, say): a rerun on the same revision skips
 * the work. It lives in KSERIES_CACHE_DIR, else $XDG_CACHE_HOME/kseries,
 * else ~/.cache/kseries; KSERIES_CACHE_DIR=off turns it off. A cache that
 * cannot be written is no error: the answer is then computed each time,
 * and a note says so once.
 *
 * Each entry is one file, KIND/KEY: a header line with the format version,
 * the body's length and its hash, then the body. It is written whole and
 * renamed into place, so two runs sharing the cache never see half of
 * one; an entry whose header, length or hash does not match (truncated,
 * damaged, an older format) is removed and recomputed, never used.
 */

/* mkdir -p dir, quietly: 0, or -1 (errno says why). */
int cache_mkdirs(const char *dir);
/* The cache's folder, or NULL when it is off (caller frees). */
char *cache_folder(void);
/* The text stored under kind/key, or NULL (caller frees). Counts a hit or a miss. */
char *cache_get(const char *kind, const char *key);
/* Store text under kind/key. */
void cache_put(const char *kind, const char *key, const char *text);
/* A 16-hex-digit FNV-1a hash of the strings, for keys (caller frees). */
char *cache_hash(const char *const *strings, size_t n);

/*
 * At the start of a command (once, in the main process): this run's hits
 * and misses go to a log of its own in the cache (children too), the logs
 * of older runs but the last few go, and entries past the size limit
 * (KSERIES_CACHE_MAX bytes, K/M/G suffixes; default 1G) are evicted,
 * least recently used first.
 */
void cache_begin_run(const char *command);

/* What `kseries cache` shows: the folder, its entries, the last run's counts. */
struct cache_kind_stats {
	char *kind;
	size_t entries;
	unsigned long long bytes;
	size_t hits, misses, damaged;	/* the last run's */
};
struct cache_stats {
	char *dir;		/* NULL: the cache is off */
	char *last_run;		/* "kseries series, <date>", or NULL: no run logged */
	unsigned long long limit, bytes;
	size_t entries, evicted;	/* evicted: by the last run, at its start */
	struct cache_kind_stats *kinds;
	size_t nr_kinds;
};
int cache_stats_read(struct cache_stats *s);
void cache_stats_clear(struct cache_stats *s);
/* Remove every entry and run log: 0, or -1 after an error naming it. */
int cache_clear(void);
/* "1.5 MiB" of a byte count (caller frees). */
char *cache_human_size(unsigned long long bytes);

#endif
