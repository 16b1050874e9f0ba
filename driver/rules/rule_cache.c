/* A rule's result on one file, kept by content (rule_cache.h). */
#include <stdlib.h>
#include <string.h>
#include "core/cache.h"
#include "lib/fileio.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "rules/rule_cache.h"
#include "rules/spatch.h"

/* a new format misses every result kept by an older kseries */
#define FORMAT "kseries-rule-result 1"

/* The macro file's text, read once a process (every key holds it). */
static const char *macro_text(const char *path)
{
	static char *kept_path, *kept;

	if (!kept_path || strcmp(kept_path, path)) {
		free(kept_path);
		free(kept);
		kept_path = xstrdup(path);
		kept = read_file(path);
	}
	return kept;
}

char *rule_cache_key(const char *rule, const char *macro_file, const struct strvec *dflags,
		     const char *mode, const char *file, const char *content)
{
	const char *id = spatch_identity(), *macro = macro_text(macro_file);
	char *flags, *h1, *h2, *key = NULL;

	/* python state kept from file to file: a result is not the file's alone */
	if (!rule || strstr(rule, "@initialize:") || strstr(rule, "@finalize:"))
		return NULL;
	if (macro && *id && content) {
		flags = strvec_join(dflags, dflags->nr, " ");
		{
			const char *parts[] = { FORMAT, id, rule, macro, mode, flags, file, content };
			const char *rev[] = { content, file, flags, mode, macro, rule, id, FORMAT };

			/* two 64-bit hashes, the parts in both orders: 128 bits of key */
			h1 = cache_hash(parts, 8);
			h2 = cache_hash(rev, 8);
			key = xstrfmt("%s%s", h1, h2);
			free(h1);
			free(h2);
		}
		free(flags);
	}
	return key;
}

int rule_cache_line_of(const char *line, const char *file)
{
	size_t n = strlen(file);

	return !strncmp(line, file, n) && line[n] == ':';
}

int rule_cache_apply(const char *key, const char *dir, const char *file, int patch,
		     struct strvec *lines)
{
	char *text = cache_get("rules", key), *p, *end;
	unsigned long n;
	int ok = 0;

	/* FORMAT, the count of lines, the lines, then "same" or "new" and the file */
	if (!text || strncmp(text, FORMAT "\n", strlen(FORMAT) + 1))
		goto out;
	p = text + strlen(FORMAT) + 1;
	n = strtoul(p, &end, 10);
	if (*end != '\n')
		goto out;
	p = end + 1;
	{
		struct strvec got = STRVEC_INIT;

		for (unsigned long i = 0; i < n && p && *p; i++) {
			char *nl = strchr(p, '\n');

			if (!nl)
				break;
			strvec_pushf(&got, "%.*s", (int)(nl - p), p);
			p = nl + 1;
		}
		if (got.nr == n && (!strcmp(p, "same\n") || !strncmp(p, "new\n", 4))) {
			ok = 1;
			if (patch && !strncmp(p, "new\n", 4)) {
				char *path = xstrfmt("%s/%s", dir, file);

				ok = !replace_file(path, p + 4);
				free(path);
			}
			if (ok)
				strvec_pushv(lines, (const char *const *)got.v);
		}
		strvec_clear(&got);
	}
out:
	free(text);
	return ok;
}

void rule_cache_store(const char *key, const char *dir, const char *file, int patch,
		      const char *before, const struct strvec *report)
{
	struct strbuf sb = STRBUF_INIT;
	struct strvec mine = STRVEC_INIT;
	char *after = NULL;

	for (size_t i = 0; i < report->nr; i++)
		if (rule_cache_line_of(report->v[i], file))
			strvec_push(&mine, report->v[i]);
	if (patch) {
		char *path = xstrfmt("%s/%s", dir, file);

		after = read_file(path);
		free(path);
		if (!after)
			goto out;	/* gone or unreadable: nothing worth keeping */
	}
	strbuf_addf(&sb, FORMAT "\n%zu\n", mine.nr);
	for (size_t i = 0; i < mine.nr; i++)
		strbuf_addf(&sb, "%s\n", mine.v[i]);
	if (patch && strcmp(after, before))
		strbuf_addf(&sb, "new\n%s", after);
	else
		strbuf_addstr(&sb, "same\n");
	cache_put("rules", key, strbuf_str(&sb));
out:
	free(after);
	strbuf_release(&sb);
	strvec_clear(&mine);
}
