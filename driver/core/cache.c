/* The on-disk cache of answers keyed by content (cache.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/cache.h"
#include "lib/fileio.h"
#include "lib/usage.h"

/* An entry's first line: the format (a new one misses every old entry), length, hash. */
#define MAGIC "kseries-cache 1"

#define FNV_BASIS 14695981039346656037ULL

/* FNV-1a of n bytes of s, on from h (FNV_BASIS to start). */
static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

char *cache_folder(void)
{
	const char *env = getenv("KSERIES_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");

	if (env && !strcmp(env, "off"))
		return NULL;
	if (env && *env)
		return xstrdup(env);
	if (xdg && *xdg)
		return xstrfmt("%s/kseries", xdg);
	if (home && *home)
		return xstrfmt("%s/.cache/kseries", home);
	return NULL;
}

/* Said once a process: a cache that cannot be written is no cache, not an error. */
static void unwritable(const char *dir)
{
	static int said;

	if (!said++)
		note("the cache folder %s cannot be written (%s): no cache this run; "
		     "KSERIES_CACHE_DIR=DIR sets another", dir, strerror(errno));
}

int cache_mkdirs(const char *dir)
{
	char *d = xstrdup(dir);
	int ret;

	/* the parents may be missing too (a fresh home); quietly: the caller says why */
	for (char *p = d + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(d, 0700);
		*p = '/';
	}
	ret = mkdir(d, 0700) && errno != EEXIST ? -1 : 0;
	free(d);
	return ret;
}

/* top/sub, made if missing (with its parents); NULL when off or impossible. Caller frees. */
static char *cache_dir(const char *sub)
{
	char *top = cache_folder(), *dir;

	if (!top)
		return NULL;
	dir = xstrfmt("%s/%s", top, sub);
	free(top);
	if (cache_mkdirs(dir)) {
		unwritable(dir);
		free(dir);
		return NULL;
	}
	return dir;
}

/* "KIND EVENT" into this run's log (cache_begin_run), from any process of the run. */
static void log_event(const char *kind, const char *event)
{
	const char *log = getenv("KSERIES_CACHE_RUN");
	char *line;
	int fd;

	if (!log || !*log || (fd = open(log, O_WRONLY | O_APPEND)) < 0)
		return;
	/* one short write with O_APPEND: lines of processes side by side never mix */
	line = xstrfmt("%s %s\n", kind, event);
	/* a count lost is no answer lost: the result is not checked */
	(void)!write(fd, line, strlen(line));
	close(fd);
	free(line);
}

/* The body of an entry's text when its header matches it, else NULL. */
static const char *entry_body(const char *text)
{
	unsigned long long len, hash;
	const char *nl = strchr(text, '\n');
	int used = 0;

	if (!nl || strncmp(text, MAGIC " ", strlen(MAGIC) + 1) ||
	    sscanf(text + strlen(MAGIC) + 1, "%llu %16llx%n", &len, &hash, &used) != 2 ||
	    text + strlen(MAGIC) + 1 + used != nl || strlen(nl + 1) != len ||
	    fnv(FNV_BASIS, nl + 1, len) != hash)
		return NULL;
	return nl + 1;
}

char *cache_get(const char *kind, const char *key)
{
	char *dir = cache_dir(kind), *path, *text, *body = NULL;
	const char *b;

	if (!dir)
		return NULL;
	path = xstrfmt("%s/%s", dir, key);
	text = read_file(path);
	if (text && (b = entry_body(text))) {
		body = xstrdup(b);
		utimensat(AT_FDCWD, path, NULL, 0);	/* used now: the last to be evicted */
		log_event(kind, "hit");
	} else {
		if (text) {
			unlink(path);
			log_event(kind, "damaged");
		}
		log_event(kind, "miss");
	}
	free(text);
	free(path);
	free(dir);
	return body;
}

void cache_put(const char *kind, const char *key, const char *text)
{
	char *dir = cache_dir(kind), *path, *tmp;
	size_t len = strlen(text);
	FILE *f;

	if (!dir)
		return;
	path = xstrfmt("%s/%s", dir, key);
	tmp = xstrfmt("%s.%d.tmp", path, (int)getpid());
	/* a reader never sees half an answer: whole file, then rename */
	f = fopen(tmp, "w");
	if (f && fprintf(f, MAGIC " %zu %016llx\n", len,
			 (unsigned long long)fnv(FNV_BASIS, text, len)) > 0 &&
	    fputs(text, f) >= 0 && !fclose(f)) {
		if (rename(tmp, path))
			unlink(tmp);
	} else {
		unwritable(dir);
		if (f)
			fclose(f);
		unlink(tmp);
	}
	free(tmp);
	free(path);
	free(dir);
}

char *cache_hash(const char *const *strings, size_t n)
{
	uint64_t h = FNV_BASIS;

	/* a separator after each: ("ab","c") and ("a","bc") differ */
	for (size_t i = 0; i < n; i++)
		h = fnv(fnv(h, strings[i], strlen(strings[i])), "\xff", 1);
	return xstrfmt("%016llx", (unsigned long long)h);
}
