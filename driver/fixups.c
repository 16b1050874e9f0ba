#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"
#include "fileio.h"
#include "fixups.h"
#include "usage.h"

const char *kseries_fixups_dir(void)
{
	static char *dir;
	const char *env = getenv("KSERIES_FIXUPS_DIR");

	if (env && *env)
		return env;
	if (!dir)
		dir = xstrfmt("%s/../kernel-fixups/build", kseries_cocci_dir());
	return dir;
}

/* "key: value" lines; '#' lines are comments */
static char *field(const char *text, const char *key)
{
	size_t klen = strlen(key);

	for (const char *p = text; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (!strncmp(p, key, klen) && p[klen] == ':') {
			const char *v = p + klen + 1, *end = strchr(v, '\n');

			while (*v == ' ')
				v++;
			return xstrndup(v, end ? (size_t)(end - v) : strlen(v));
		}
	}
	return NULL;
}

static int apply_one(const char *path, const char *name, const char *wt, struct strvec *applied)
{
	char *text = read_file(path), *file = NULL, *match = NULL, *replace = NULL, *target = NULL;
	char *src = NULL;
	int ret = 0;

	if (!text)
		return error("cannot read the fixup %s", path);
	file = field(text, "file");
	match = field(text, "match");
	replace = field(text, "replace");
	if (!file || !match || !replace || !*match) {
		ret = error("fixup %s needs file:, match: and replace: lines", path);
		goto out;
	}
	target = xstrfmt("%s/%s", wt, file);
	src = read_file(target);
	if (src) {
		/* the match is a whole line: find it at a line start, ending the line */
		size_t mlen = strlen(match);

		for (char *p = src; p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
			if (!strncmp(p, match, mlen) && (p[mlen] == '\n' || !p[mlen])) {
				char *out = xstrfmt("%.*s%s%s", (int)(p - src), src, replace, p + mlen);

				ret = write_file(target, out);
				free(out);
				if (!ret)
					strvec_push(applied, name);
				break;
			}
		}
	}
out:
	free(text);
	free(file);
	free(match);
	free(replace);
	free(target);
	free(src);
	return ret;
}

int fixups_apply(const char *dir, const char *wt, struct strvec *applied)
{
	DIR *d = opendir(dir);
	struct strvec names = STRVEC_INIT;
	struct dirent *e;
	int ret = 0;

	if (!d)
		return 0;	/* no fixups shipped: nothing to do */
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);

		if (n > 6 && !strcmp(e->d_name + n - 6, ".fixup"))
			strvec_push(&names, e->d_name);
	}
	closedir(d);
	strvec_sort(&names);
	for (size_t i = 0; i < names.nr && !ret; i++) {
		char *path = xstrfmt("%s/%s", dir, names.v[i]);
		char *name = xstrndup(names.v[i], strlen(names.v[i]) - 6);

		ret = apply_one(path, name, wt, applied);
		free(path);
		free(name);
	}
	strvec_clear(&names);
	return ret;
}
