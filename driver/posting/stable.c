#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "lib/run.h"
#include "lib/usage.h"
#include "posting/stable.h"

int stable_upstream_log(const char *repo, const char *base, const char *upstream,
			struct strvec *log)
{
	char *out = NULL, *not_base = xstrfmt("^%s", base);
	int ret = run_capture(&out, NULL, "git", "-C", repo, "log", "--no-merges", "--format=%H%x09%s",
			      upstream, not_base, "--", NULL);

	if (ret)
		error("cannot read the history of %s in %s: %s", upstream, repo, run_capture_error());
	else
		strvec_split_lines(log, out ? out : "");
	free(out);
	free(not_base);
	return ret ? -1 : 0;
}

const char *stable_counterpart(const struct strvec *log, const char *subject)
{
	static char sha[64];

	for (size_t i = 0; i < log->nr; i++) {
		const char *tab = strchr(log->v[i], '\t');

		if (tab && !strcmp(tab + 1, subject) && (size_t)(tab - log->v[i]) < sizeof(sha)) {
			memcpy(sha, log->v[i], tab - log->v[i]);
			sha[tab - log->v[i]] = '\0';
			return sha;
		}
	}
	return NULL;
}

char *stable_message(const char *sha, const char *message)
{
	return xstrfmt("commit %s upstream.\n\n%s", sha, message);
}

char *stable_subject_prefix(const char *describe)
{
	const char *p = describe;
	size_t major, minor;

	if (!p || *p != 'v' || !isdigit((unsigned char)p[1]))
		return NULL;
	major = strspn(p + 1, "0123456789");
	if (p[1 + major] != '.' || !isdigit((unsigned char)p[2 + major]))
		return NULL;
	minor = strspn(p + 2 + major, "0123456789");
	return xstrfmt("PATCH %.*s", (int)(major + 1 + minor), p + 1);
}
