/* The on-disk cache of answers keyed by content (cache.h). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/cache.h"
#include "lib/fileio.h"
#include "lib/usage.h"

/* The cache folder, made if missing; NULL when off or impossible. Caller frees. */
static char *cache_dir(const char *kind)
{
	const char *env = getenv("KSERIES_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME");
	const char *home = getenv("HOME");
	char *top, *dir;

	if (env && !strcmp(env, "off"))
		return NULL;
	if (env && *env)
		top = xstrdup(env);
	else if (xdg && *xdg)
		top = xstrfmt("%s/kseries", xdg);
	else if (home && *home)
		top = xstrfmt("%s/.cache/kseries", home);
	else
		return NULL;
	dir = xstrfmt("%s/%s", top, kind);
	/* the parent of top may be missing too (a fresh home) */
	for (char *p = dir + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		mkdir(dir, 0700);
		*p = '/';
	}
	if (mkdir(dir, 0700) && errno != EEXIST) {
		free(dir);
		dir = NULL;
	}
	free(top);
	return dir;
}

char *cache_get(const char *kind, const char *key)
{
	char *dir = cache_dir(kind), *path, *text;

	if (!dir)
		return NULL;
	path = xstrfmt("%s/%s", dir, key);
	text = read_file(path);
	free(path);
	free(dir);
	return text;
}

void cache_put(const char *kind, const char *key, const char *text)
{
	char *dir = cache_dir(kind), *path, *tmp;
	FILE *f;

	if (!dir)
		return;
	path = xstrfmt("%s/%s", dir, key);
	tmp = xstrfmt("%s.%d.tmp", path, (int)getpid());
	/* a reader never sees half an answer: whole file, then rename */
	f = fopen(tmp, "w");
	if (f && fputs(text, f) >= 0 && !fclose(f)) {
		if (rename(tmp, path))
			unlink(tmp);
	} else {
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
	uint64_t h = 14695981039346656037ULL;

	for (size_t i = 0; i < n; i++) {
		for (const unsigned char *p = (const unsigned char *)strings[i]; *p; p++)
			h = (h ^ *p) * 1099511628211ULL;
		/* a separator: ("ab","c") and ("a","bc") differ */
		h = (h ^ 0xff) * 1099511628211ULL;
	}
	return xstrfmt("%016llx", (unsigned long long)h);
}
