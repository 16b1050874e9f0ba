/* Unit tests of driver/core/gitenv.c: the pinned git settings win over the repo's, the user's own stay. */
#include <stdlib.h>
#include "core/gitenv.h"
#include "lib/cleanup.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "unit.h"

/* git config --get KEY in repo, as git sees it with kseries' environment. */
static char *get(const char *repo, const char *key)
{
	char *out = NULL;

	if (run_capture(&out, repo, "git", "config", "--get", key, NULL)) {
		free(out);
		return NULL;
	}
	out[strcspn(out, "\n")] = '\0';
	return out;
}

int main(void)
{
	char *tmp = unit_tmpdir(), *cmd = xstrfmt("git init -q %s && cd %s && git config core.hooksPath hooks"
						  " && git config format.suffix .txt && git config user.name Me",
						  tmp, tmp), *v;
	const char *value, *name;
	int hooks_pinned = 0;

	CHECK("gitenv: a repo with hooks and a suffix of its own", !system(cmd));
	setenv("GIT_CONFIG_COUNT", "1", 1);
	setenv("GIT_CONFIG_KEY_0", "user.email", 1);
	setenv("GIT_CONFIG_VALUE_0", "me@example.org", 1);
	gitenv_pin();
	v = get(tmp, "core.hooksPath");
	CHECK_STR("gitenv_pin: hooks off, above the repo's config", v, "/dev/null");
	free(v);
	v = get(tmp, "format.suffix");
	CHECK_STR("gitenv_pin: format-patch's suffix pinned", v, ".patch");
	free(v);
	v = get(tmp, "user.name");
	CHECK_STR("gitenv_pin: the user's identity is theirs", v, "Me");
	free(v);
	v = get(tmp, "user.email");
	CHECK_STR("gitenv_pin: what the user set with GIT_CONFIG_COUNT stays", v, "me@example.org");
	free(v);
	for (size_t i = 0; (name = gitenv_pinned(i, &value)); i++)
		hooks_pinned |= !strcmp(name, "core.hooksPath") && !strcmp(value, "/dev/null");
	CHECK("gitenv_pinned: lists what is pinned", hooks_pinned && !gitenv_pinned(1000, &value));
	free(cmd);
	remove_tree(tmp);
	UNIT_EXIT();
}
