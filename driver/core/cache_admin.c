/*
 * The cache as a whole (cache.h): each run's log of hits and misses, the
 * size limit with the least recently used entries evicted first, what
 * `kseries cache` shows, and clearing it.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "core/cache.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/strvec.h"
#include "lib/usage.h"

#define RUNS "runs"
#define KEEP_RUNS 4
#define DEFAULT_LIMIT (1ULL << 30)

/* One entry: the eviction's unit. */
struct entry {
	char *path;
	unsigned long long bytes;
	time_t used;
};

static unsigned long long cache_limit(void)
{
	const char *env = getenv("KSERIES_CACHE_MAX");
	char *end;
	unsigned long long n;

	if (!env || !*env)
		return DEFAULT_LIMIT;
	n = strtoull(env, &end, 10);
	if (*end == 'K' || *end == 'k')
		n <<= 10;
	else if (*end == 'M' || *end == 'm')
		n <<= 20;
	else if (*end == 'G' || *end == 'g')
		n <<= 30;
	else if (*end) {
		warning("KSERIES_CACHE_MAX=%s is no size (bytes, or a number with K, M or G): "
			"the default, 1G, holds", env);
		return DEFAULT_LIMIT;
	}
	return n;
}

/* The kinds (sub-folders but runs) of top, sorted. */
static void kinds_of(const char *top, struct strvec *kinds)
{
	DIR *d = opendir(top);
	struct dirent *e;

	while (d && (e = readdir(d)))
		if (e->d_name[0] != '.' && strcmp(e->d_name, RUNS) && e->d_type == DT_DIR)
			strvec_push(kinds, e->d_name);
	if (d)
		closedir(d);
	strvec_sort(kinds);
}

/* Every entry of a kind's folder (not a write in progress), appended. */
static size_t entries_of(const char *dir, struct entry **v, size_t nr)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct stat st;

	while (d && (e = readdir(d))) {
		char *path;

		if (e->d_name[0] == '.' || strstr(e->d_name, ".tmp"))
			continue;
		path = xstrfmt("%s/%s", dir, e->d_name);
		if (stat(path, &st) || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		*v = xrealloc(*v, (nr + 1) * sizeof(**v));
		(*v)[nr++] = (struct entry){ path, (unsigned long long)st.st_size, st.st_mtime };
	}
	if (d)
		closedir(d);
	return nr;
}

static int older(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return x->used < y->used ? -1 : x->used > y->used;
}

/* Past the limit: the least recently used go, down to nine tenths of it. */
static size_t evict(const char *top)
{
	struct strvec kinds = STRVEC_INIT;
	struct entry *v = NULL;
	size_t nr = 0, gone = 0;
	unsigned long long total = 0, limit = cache_limit();

	kinds_of(top, &kinds);
	for (size_t k = 0; k < kinds.nr; k++) {
		char *dir = xstrfmt("%s/%s", top, kinds.v[k]);

		nr = entries_of(dir, &v, nr);
		free(dir);
	}
	for (size_t i = 0; i < nr; i++)
		total += v[i].bytes;
	if (total > limit) {
		qsort(v, nr, sizeof(*v), older);
		for (size_t i = 0; i < nr && total > limit / 10 * 9; i++)
			if (!unlink(v[i].path)) {
				total -= v[i].bytes;
				gone++;
			}
	}
	for (size_t i = 0; i < nr; i++)
		free(v[i].path);
	free(v);
	strvec_clear(&kinds);
	return gone;
}

/* The run logs of top/runs, oldest first (their names start with the time). */
static void run_logs(const char *runs, struct strvec *logs)
{
	DIR *d = opendir(runs);
	struct dirent *e;

	while (d && (e = readdir(d)))
		if (strstr(e->d_name, ".log"))
			strvec_pushf(logs, "%s/%s", runs, e->d_name);
	if (d)
		closedir(d);
	strvec_sort(logs);
}

void cache_begin_run(const char *command)
{
	char *top = cache_folder(), *runs, *log;
	struct strvec logs = STRVEC_INIT;
	size_t gone;

	if (!top || getenv("KSERIES_CACHE_RUN"))
		goto out;	/* off, or a run already logging (a command a command runs) */
	runs = xstrfmt("%s/" RUNS, top);
	if (cache_mkdirs(runs)) {
		free(runs);
		goto out;	/* cache_get and cache_put say so, once */
	}
	run_logs(runs, &logs);
	/* the last few runs' logs stay: `kseries cache` reads the newest */
	for (size_t i = 0; logs.nr >= KEEP_RUNS && i < logs.nr - (KEEP_RUNS - 1); i++)
		unlink(logs.v[i]);
	log = xstrfmt("%s/%012lld-%d.log", runs, (long long)time(NULL), (int)getpid());
	gone = evict(top);
	{
		char *head = xstrfmt("kseries %s\nevicted %zu\n", command, gone);

		if (!write_file(log, head))
			setenv("KSERIES_CACHE_RUN", log, 1);
		free(head);
	}
	free(log);
	free(runs);
out:
	strvec_clear(&logs);
	free(top);
}

/* The kind's counts of s, added when new. */
static struct cache_kind_stats *kind_stats(struct cache_stats *s, const char *kind)
{
	for (size_t i = 0; i < s->nr_kinds; i++)
		if (!strcmp(s->kinds[i].kind, kind))
			return &s->kinds[i];
	s->kinds = xrealloc(s->kinds, (s->nr_kinds + 1) * sizeof(*s->kinds));
	memset(&s->kinds[s->nr_kinds], 0, sizeof(*s->kinds));
	s->kinds[s->nr_kinds].kind = xstrdup(kind);
	return &s->kinds[s->nr_kinds++];
}

/* The newest run log's command line, eviction and events, into s. */
static void read_last_run(const char *top, struct cache_stats *s)
{
	char *runs = xstrfmt("%s/" RUNS, top), *text;
	struct strvec logs = STRVEC_INIT, lines = STRVEC_INIT;
	struct stat st;

	run_logs(runs, &logs);
	text = logs.nr ? read_file(logs.v[logs.nr - 1]) : NULL;
	strvec_split_lines(&lines, text ? text : "");
	for (size_t i = 0; i < lines.nr; i++) {
		char *l = lines.v[i], *sp = strrchr(l, ' ');
		struct cache_kind_stats *k;

		if (!i && !strncmp(l, "kseries ", 8) && !stat(logs.v[logs.nr - 1], &st)) {
			char when[64];

			strftime(when, sizeof(when), "%Y-%m-%d %H:%M", localtime(&st.st_mtime));
			s->last_run = xstrfmt("%s, %s", l, when);
			continue;
		}
		if (!sp)
			continue;
		*sp = '\0';
		if (!strcmp(l, "evicted")) {
			s->evicted = strtoul(sp + 1, NULL, 10);
			continue;
		}
		k = kind_stats(s, l);
		k->hits += !strcmp(sp + 1, "hit");
		k->misses += !strcmp(sp + 1, "miss");
		k->damaged += !strcmp(sp + 1, "damaged");
	}
	strvec_clear(&lines);
	strvec_clear(&logs);
	free(text);
	free(runs);
}

int cache_stats_read(struct cache_stats *s)
{
	struct strvec kinds = STRVEC_INIT;

	memset(s, 0, sizeof(*s));
	s->limit = cache_limit();
	if (!(s->dir = cache_folder()))
		return 0;
	kinds_of(s->dir, &kinds);
	for (size_t k = 0; k < kinds.nr; k++) {
		char *dir = xstrfmt("%s/%s", s->dir, kinds.v[k]);
		struct cache_kind_stats *ks = kind_stats(s, kinds.v[k]);
		struct entry *v = NULL;
		size_t nr = entries_of(dir, &v, 0);

		ks->entries = nr;
		for (size_t i = 0; i < nr; i++) {
			ks->bytes += v[i].bytes;
			free(v[i].path);
		}
		s->entries += nr;
		s->bytes += ks->bytes;
		free(v);
		free(dir);
	}
	strvec_clear(&kinds);
	read_last_run(s->dir, s);
	return 0;
}

void cache_stats_clear(struct cache_stats *s)
{
	for (size_t i = 0; i < s->nr_kinds; i++)
		free(s->kinds[i].kind);
	free(s->kinds);
	free(s->dir);
	free(s->last_run);
	memset(s, 0, sizeof(*s));
}

int cache_clear(void)
{
	char *top = cache_folder();
	struct strvec kinds = STRVEC_INIT;
	int ret = 0;

	if (!top)
		return 0;
	kinds_of(top, &kinds);
	strvec_push(&kinds, RUNS);
	for (size_t k = 0; k < kinds.nr; k++) {
		char *dir = xstrfmt("%s/%s", top, kinds.v[k]);

		if (!access(dir, F_OK) && remove_tree(dir))
			ret = error_errno("cannot remove %s", dir);
		free(dir);
	}
	strvec_clear(&kinds);
	free(top);
	return ret;
}

char *cache_human_size(unsigned long long bytes)
{
	static const char *const units[] = { "bytes", "KiB", "MiB", "GiB", "TiB" };
	double n = (double)bytes;
	size_t u = 0;

	while (n >= 1024 && u + 1 < sizeof(units) / sizeof(units[0])) {
		n /= 1024;
		u++;
	}
	return u ? xstrfmt("%.1f %s", n, units[u]) : xstrfmt("%llu bytes", bytes);
}
