/* Which of the settings asked for brings a failing object into the build. */
#include <stdlib.h>
#include <string.h>
#include "fileio.h"
#include "kbuild_owner.h"
#include "usage.h"

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

/* The first wanted symbol of an obj-$(CONFIG_X) line of the Makefile text. */
static char *owner_in(const char *text, const struct strvec *wanted)
{
	for (const char *p = text; (p = strstr(p, "obj-$(CONFIG_")); p++) {
		const char *sym = p + strlen("obj-$(CONFIG_");
		size_t len = strcspn(sym, ")");

		if (sym[len] == ')' && wanted_symbol(wanted, sym, len))
			return xstrndup(sym, len);
	}
	return NULL;
}

char *kbuild_owner_symbol(const char *wt, const char *obj, const struct strvec *wanted)
{
	char *dir = xstrdup(obj), *slash, *found = NULL;

	while (!found && (slash = strrchr(dir, '/'))) {
		*slash = '\0';
		for (int k = 0; k < 2 && !found; k++) {
			char *path = xstrfmt("%s/%s/%s", wt, dir, k ? "Kbuild" : "Makefile");
			char *text = read_file(path);

			if (text)
				found = owner_in(text, wanted);
			free(text);
			free(path);
		}
	}
	free(dir);
	return found;
}
