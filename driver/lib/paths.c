/* Where kseries finds its rules: in-tree next to the binary, or installed. */
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/paths.h"
#include "lib/usage.h"

#ifndef KSERIES_SHARE
#define KSERIES_SHARE "/usr/local/share/kseries"
#endif

const char *kseries_cocci_dir(void)
{
	static char dir[PATH_MAX];
	const char *env = getenv("KSERIES_COCCI_DIR");
	char exe[PATH_MAX];
	ssize_t n;

	if (env && *env)
		return env;
	if (*dir)
		return dir;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		/* built in-tree: driver/kseries -> ../cocci */
		snprintf(dir, sizeof(dir), "%s/../cocci", dirname(exe));
		if (!access(dir, R_OK))
			return dir;
	}
	/* installed: $(PREFIX)/share/kseries/cocci, set by the Makefile */
	snprintf(dir, sizeof(dir), "%s", KSERIES_SHARE "/cocci");
	return dir;
}

char *path_in_tree(const char *path, const char *from_dir, const char *tree_real)
{
	char *full = path[0] == '/' ? xstrdup(path) : xstrfmt("%s/%s", from_dir, path);
	char *real = path[0] == '<' ? NULL : realpath(full, NULL), *out = NULL;
	size_t n = tree_real ? strlen(tree_real) : 0;

	if (real && tree_real && !strncmp(real, tree_real, n) && real[n] == '/')
		out = xstrdup(real + n + 1);
	free(real);
	free(full);
	return out;
}
