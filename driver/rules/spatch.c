#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "lib/strbuf.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "rules/spatch.h"

int spatch_parse_version(const char *text)
{
	const char *p = text ? strstr(text, "version ") : NULL;
	int major, minor, patch = 0;

	if (!p || sscanf(p + 8, "%d.%d.%d", &major, &minor, &patch) < 2)
		return -1;
	if (major < 0 || minor < 0 || minor > 99 || patch < 0 || patch > 99)
		return -1;
	return major * 10000 + minor * 100 + patch;
}

int spatch_check(void)
{
	const int min = SPATCH_MIN_MAJOR * 10000 + SPATCH_MIN_MINOR * 100 + SPATCH_MIN_PATCH;
	struct child_process cp = CHILD_PROCESS_INIT;
	int ver, ret;

	if (!program_exists("spatch"))
		return error("spatch not found: install Coccinelle (apt-get install coccinelle, or make deps)");
	strvec_pushl(&cp.args, "spatch", "--version", NULL);
	cp.capture_out = 1;
	cp.quiet_err = 1;
	cp.timeout = run_query_timeout();
	ret = run_command(&cp);
	ver = spatch_parse_version(cp.out);
	child_process_clear(&cp);
	if (ret < 0)
		return -1;	/* hung or could not start: run_command said which */
	if (ret)
		return error("'spatch --version' failed: reinstall Coccinelle (apt-get install --reinstall coccinelle)");
	if (ver < 0)
		return error("cannot read the version of spatch: install Coccinelle %d.%d.%d or newer",
			     SPATCH_MIN_MAJOR, SPATCH_MIN_MINOR, SPATCH_MIN_PATCH);
	if (ver < min)
		return error("spatch %d.%d.%d is too old: install Coccinelle %d.%d.%d or newer",
			     ver / 10000, ver / 100 % 100, ver % 100,
			     SPATCH_MIN_MAJOR, SPATCH_MIN_MINOR, SPATCH_MIN_PATCH);
	return 0;
}

/* The spatch PATH finds, stat'ed: "SIZE MTIME", or NULL. */
static char *binary_stamp(void)
{
	const char *path = getenv("PATH");
	char *stamp = NULL;

	while (path && *path && !stamp) {
		size_t n = strcspn(path, ":");
		char *bin = xstrfmt("%.*s/spatch", (int)n, path);
		struct stat st;

		if (!stat(bin, &st) && S_ISREG(st.st_mode))
			stamp = xstrfmt("%s %lld %lld", bin, (long long)st.st_size,
					(long long)st.st_mtime);
		free(bin);
		path += n + (path[n] == ':');
	}
	return stamp;
}

const char *spatch_identity(void)
{
	static char *id;
	struct child_process cp = CHILD_PROCESS_INIT;
	char *stamp;

	if (id)
		return id;
	strvec_pushl(&cp.args, "spatch", "--version", NULL);
	cp.capture_out = 1;
	cp.quiet_err = 1;
	cp.timeout = run_query_timeout();
	stamp = binary_stamp();
	id = !run_command(&cp) && cp.out && stamp ? xstrfmt("%s\n%s", cp.out, stamp) : xstrdup("");
	free(stamp);
	child_process_clear(&cp);
	return id;
}
