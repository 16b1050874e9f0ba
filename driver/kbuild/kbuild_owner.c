/* Which of the settings asked for brings a failing object into the build. */
#include <stdlib.h>
#include <string.h>
#include "kbuild/kbuild_owner.h"
#include "lib/fileio.h"
#include "lib/usage.h"

/* Is SYMBOL among the wanted "SYMBOL=y|m" settings? */
static int wanted_symbol(const struct strvec *wanted, const char *sym, size_t len)
{
	for (size_t i = 0; i < wanted->nr; i++) {
		const char *w = wanted->v[i], *eq = strchr(w, '=');

		if (eq && (size_t)(eq - w) == len && !strncmp(w, sym, len) && eq[1] != 'n')
			return 1;
	}
	return 0;
}

/*
 * The first wanted symbol of an obj-$(CONFIG_X) line of the Makefile text;
 * child (not NULL): only a line that names that subfolder ("child/").
 */
static char *owner_in(const char *text, const struct strvec *wanted, const char *child)
{
	char *sub = child ? xstrfmt("%s/", child) : NULL;
	char *found = NULL;

	for (const char *p = text; !found && (p = strstr(p, "obj-$(CONFIG_")); p++) {
		const char *sym = p + strlen("obj-$(CONFIG_");
		size_t len = strcspn(sym, ")"), line = strcspn(p, "\n");
		char *rhs = xstrndup(p, line);

		if (sym[len] == ')' && wanted_symbol(wanted, sym, len) && (!sub || strstr(rhs, sub)))
			found = xstrndup(sym, len);
		free(rhs);
	}
	free(sub);
	return found;
}

static char *owner_at(const char *wt, const char *dir, const struct strvec *wanted,
		      const char *child)
{
	char *found = NULL;

	for (int k = 0; k < 2 && !found; k++) {
		char *path = xstrfmt("%s/%s/%s", wt, dir, k ? "Kbuild" : "Makefile");
		char *text = read_file(path);

		if (text)
			found = owner_in(text, wanted, child);
		free(text);
		free(path);
	}
	return found;
}

/*
 * The folder whose Makefile compiles obj: as make prints it, the part
 * before a "/../" (amdgpu/../powerplay/x.o is amdgpu's), else obj's folder.
 */
static char *home_of(const char *obj)
{
	const char *up = strstr(obj, "/../"), *slash;

	if (up)
		return xstrndup(obj, (size_t)(up - obj));
	slash = strrchr(obj, '/');
	return slash ? xstrndup(obj, (size_t)(slash - obj)) : NULL;
}

char *kbuild_owner_symbol(const char *wt, const char *obj, const struct strvec *wanted)
{
	char *dir = home_of(obj), *slash, *found;

	if (!dir)
		return NULL;
	/* the home folder: any line of a wanted symbol (the object is in its composite) */
	found = owner_at(wt, dir, wanted, NULL);
	/* above it: only the line that brings the subfolder in */
	while (!found && (slash = strrchr(dir, '/'))) {
		*slash = '\0';
		found = owner_at(wt, dir, wanted, slash + 1);
	}
	free(dir);
	return found;
}

/* name.o as a whole word of the line's right-hand side (after "+=" or ":=") */
static int lists_object(const char *line, size_t len, const char *name)
{
	size_t n = strlen(name);
	const char *rhs = memmem(line, len, "=", 1);

	for (const char *p = rhs; p && (p = memmem(p, len - (size_t)(p - line), name, n)); p++)
		if ((p[-1] == ' ' || p[-1] == '\t' || p[-1] == '=') &&
		    (p + n == line + len || p[n] == ' ' || p[n] == '\t' || p[n] == '\\'))
			return 1;
	return 0;
}

/*
 * The line of dir's Makefile (or Kbuild) that lists name ("x.o", "sub/"):
 * its left-hand side ("obj-$(CONFIG_X)", "drm-y"), or NULL. Caller frees.
 */
static char *listing_lhs(const char *wt, const char *dir, const char *name)
{
	char *found = NULL;

	for (int k = 0; k < 2 && !found; k++) {
		char *path = *dir ? xstrfmt("%s/%s/%s", wt, dir, k ? "Kbuild" : "Makefile") :
				    xstrfmt("%s/%s", wt, k ? "Kbuild" : "Makefile");
		char *text = read_file(path);

		for (const char *p = text; p && *p && !found;) {
			size_t len = strcspn(p, "\n"), lhs = strcspn(p, "+:=");

			if (lhs < len && lists_object(p, len, name)) {
				while (lhs && (p[lhs - 1] == ' ' || p[lhs - 1] == '\t'))
					lhs--;
				found = xstrndup(p, lhs);
			}
			p += len + (p[len] == '\n');
		}
		free(text);
		free(path);
	}
	return found;
}

void kbuild_object_gates(const char *wt, const char *obj, struct strvec *gates)
{
	char *dir = home_of(obj), *name;
	const char *base = strrchr(obj, '/');

	if (!dir)
		return;
	name = xstrdup(base ? base + 1 : obj);
	/* up to the top: each level's line for the object, its composite, then its folder */
	for (int steps = 0; steps < 64; steps++) {
		char *lhs = listing_lhs(wt, dir, name), *sym, *slash;

		if (!lhs)
			break;
		if ((sym = strstr(lhs, "$(CONFIG_"))) {
			char *symbol = xstrndup(sym + 9, strcspn(sym + 9, ")"));

			if (!strvec_contains(gates, symbol))
				strvec_push(gates, symbol);
			free(symbol);
		}
		free(name);
		name = NULL;
		if (strncmp(lhs, "obj-", 4) && strcspn(lhs, "-") < strlen(lhs)) {
			/* drm-$(CONFIG_X) += x.o: x.o is part of drm.o, listed in turn */
			name = xstrfmt("%.*s.o", (int)strcspn(lhs, "-"), lhs);
			free(lhs);
			continue;
		}
		free(lhs);
		if (!*dir)
			break;
		slash = strrchr(dir, '/');
		name = xstrfmt("%s/", slash ? slash + 1 : dir);
		if (slash)
			*slash = '\0';
		else
			*dir = '\0';
	}
	free(name);
	free(dir);
}
