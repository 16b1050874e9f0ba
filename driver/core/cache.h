#ifndef KSERIES_CACHE_H
#define KSERIES_CACHE_H

#include <stddef.h>

/*
 * A small on-disk cache of answers that depend only on their key (a git
 * tree id and the series' tokens, say): a rerun on the same revision skips
 * the work. It lives in KSERIES_CACHE_DIR, else $XDG_CACHE_HOME/kseries,
 * else ~/.cache/kseries; KSERIES_CACHE_DIR=off turns it off. A cache that
 * cannot be written is no error: the answer is then computed each time.
 */

/* The text stored under kind/key, or NULL (caller frees). */
char *cache_get(const char *kind, const char *key);
/* Store text under kind/key (written whole, then renamed into place). */
void cache_put(const char *kind, const char *key, const char *text);
/* A 16-hex-digit FNV-1a hash of the strings, for keys (caller frees). */
char *cache_hash(const char *const *strings, size_t n);

#endif
