/* Where kseries finds its rules: in-tree next to the binary, or installed. */
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "lib/paths.h"

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
