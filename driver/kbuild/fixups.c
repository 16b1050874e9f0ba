#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kbuild/fixups.h"
#include "lib/fileio.h"
#include "lib/paths.h"
#include "lib/strbuf.h"
#include "lib/usage.h"

/* kernel-fixups/KIND next to the rules, or what the variable env names; computed once into *dir. */
static const char *fixups_dir(const char *env, const char *kind, char **dir)
{
	const char *set = getenv(env);

	if (set && *set)
		return set;
	if (!*dir)
		*dir = xstrfmt("%s/../kernel-fixups/%s", kseries_cocci_dir(), kind);
	return *dir;
}

const char *kseries_fixups_dir(void)
{
	static char *dir;

	return fixups_dir("KSERIES_FIXUPS_DIR", "build", &dir);
}

const char *kseries_tool_fixups_dir(void)
{
	static char *dir;

	return fixups_dir("KSERIES_TOOL_FIXUPS_DIR", "tools", &dir);
}

/* The value of a "key: value" line, or NULL when line is not that key's. */
static const char *value_of(const char *line, const char *key)
{
	size_t klen = strlen(key);

	if (strncmp(line, key, klen) || line[klen] != ':')
		return NULL;
	line += klen + 1;
	return line + strspn(line, " ");
}

/* Replace the whole line match in *src by replace; 0 when it is not there. */
static int replace_line(char **src, const char *match, const char *replace)
{
	size_t mlen = strlen(match);

	for (char *p = *src; p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		if (!strncmp(p, match, mlen) && (p[mlen] == '\n' || !p[mlen])) {
			char *out = xstrfmt("%.*s%s%s", (int)(p - *src), *src, replace, p + mlen);

			free(*src);
			*src = out;
			return 1;
		}
	}
	return 0;
}

/* Replace every find in *src by with: how many there were. */
static size_t replace_all(char **src, const char *find, const char *with)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = 0, flen = strlen(find);
	const char *p = *src, *hit;

	while (flen && (hit = strstr(p, find))) {
		strbuf_add(&sb, p, (size_t)(hit - p));
		strbuf_addstr(&sb, with);
		p = hit + flen;
		n++;
	}
	strbuf_addstr(&sb, p);
	free(*src);
	*src = strbuf_detach(&sb);
	return n;
}

/*
 * A fixup is "file:" lines, each followed by "match:"/"replace:" pairs on
 * that file (a whole line, its first one; or "find:"/"with:" pairs: a
 * text, everywhere in the file), "unless:" files and "unless_line:" lines
 * (of the file: before it). It applies whole or not at all: when one of its lines is not in the
 * tree, or an "unless:" file or "unless_line:" line is (a tree that does
 * not need it), nothing is written.
 */
static int apply_one(const char *path, const char *name, const char *wt, struct strvec *applied)
{
	struct strvec lines = STRVEC_INIT, files = STRVEC_INIT, texts = STRVEC_INIT;
	char *text = read_file(path);
	const char *match = NULL;
	int ret = 0, found = 1, pairs = 0, every = 0;

	if (!text)
		return error("cannot read the fixup %s", path);
	strvec_split_lines(&lines, text);
	for (size_t i = 0; i < lines.nr && !ret; i++) {
		const char *v;

		if ((v = value_of(lines.v[i], "unless"))) {
			/* a tree that has this file does not need the fixup */
			char *there = xstrfmt("%s/%s", wt, v);

			found &= access(there, F_OK) != 0;
			free(there);
		} else if ((v = value_of(lines.v[i], "unless_line"))) {
			/* nor one whose last file: already has this whole line (the fix itself) */
			char *copy = xstrdup(texts.nr ? texts.v[texts.nr - 1] : "");

			found &= !replace_line(&copy, v, v);
			free(copy);
		} else if ((v = value_of(lines.v[i], "file"))) {
			char *target = xstrfmt("%s/%s", wt, v), *src = read_file(target);

			free(target);
			found &= src != NULL;
			strvec_push(&files, v);
			strvec_push(&texts, src ? src : "");
			free(src);
		} else if ((v = value_of(lines.v[i], "match")) || (v = value_of(lines.v[i], "find"))) {
			match = *v ? v : NULL;
			every = lines.v[i][0] == 'f';
		} else if ((v = value_of(lines.v[i], "replace")) || (v = value_of(lines.v[i], "with"))) {
			if (!files.nr || !match || every != (lines.v[i][0] == 'w')) {
				ret = error("fixup %s: each replace: (with:) needs a file: line and a match: "
					    "(find:) line before it", path);
				break;
			}
			found &= every ? replace_all(&texts.v[texts.nr - 1], match, v) > 0 :
					 replace_line(&texts.v[texts.nr - 1], match, v);
			match = NULL;
			pairs++;
		}
	}
	if (!ret && !pairs)
		ret = error("fixup %s needs file:, match: and replace: lines", path);
	for (size_t i = 0; !ret && found && i < files.nr; i++) {
		char *target = xstrfmt("%s/%s", wt, files.v[i]);

		ret = write_file(target, texts.v[i]);
		free(target);
	}
	if (!ret && found)
		strvec_push(applied, name);
	strvec_clear(&lines);
	strvec_clear(&files);
	strvec_clear(&texts);
	free(text);
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
