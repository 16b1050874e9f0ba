/*
 * The git settings kseries pins for every git command it runs (and every
 * tool that runs git, such as b4 and send-email), through the environment
 * (GIT_CONFIG_COUNT: above every config file, added after what the user set
 * there). What the user's config may change in kseries' output or make it
 * fail is pinned; the user's identity (user.name, user.email) is what
 * kseries takes from it. docs/usage.md lists them.
 */
#include <stdio.h>
#include <stdlib.h>
#include "core/gitenv.h"

static const char *const pinned[][2] = {
	/* no detached "git gc --auto" repacks the user's objects and outlives the run */
	{ "gc.auto", "0" },
	{ "maintenance.auto", "false" },
	/* the user's hooks never run in kseries' worktrees (post-commit, post-checkout, ...) */
	{ "core.hooksPath", "/dev/null" },
	{ "core.fsmonitor", "false" },
	/* commits are made by kseries, not signed by a key it cannot use */
	{ "commit.gpgSign", "false" },
	{ "tag.gpgSign", "false" },
	{ "commit.cleanup", "whitespace" },
	/* files are checked out as committed: MAINTAINERS with CR LF finds nobody */
	{ "core.autocrlf", "false" },
	{ "core.safecrlf", "false" },
	{ "core.attributesFile", "/dev/null" },
	/* the series' files and headers as kseries writes and reads them */
	{ "format.suffix", ".patch" },
	{ "format.signOff", "false" },
	{ "format.from", "false" },
	{ "format.numbered", "auto" },
	{ "format.notes", "false" },
	{ "format.filenameMaxLength", "64" },
	{ "format.encodeEmailHeaders", "true" },
	{ "format.mboxrd", "false" },
	/* diffs and paths in the form kseries parses */
	{ "diff.noprefix", "false" },
	{ "diff.mnemonicPrefix", "false" },
	{ "diff.relative", "false" },
	{ "diff.algorithm", "myers" },
	{ "diff.context", "3" },
	{ "core.quotePath", "true" },
	{ "color.ui", "never" },
	{ "color.diff", "never" },
	{ "log.showSignature", "false" },
	/* patches applied again (rerolls, the git am check) as git's defaults take them */
	{ "apply.whitespace", "nowarn" },
	{ "am.threeWay", "false" },
	{ "am.keepCR", "false" },
	{ "mailinfo.scissors", "false" },
	{ "submodule.recurse", "false" },
};

void gitenv_pin(void)
{
	const char *count = getenv("GIT_CONFIG_COUNT");
	int n = count ? atoi(count) : 0;
	char name[64], value[16];

	if (n < 0)
		n = 0;
	for (size_t i = 0; i < sizeof(pinned) / sizeof(pinned[0]); i++, n++) {
		snprintf(name, sizeof(name), "GIT_CONFIG_KEY_%d", n);
		setenv(name, pinned[i][0], 1);
		snprintf(name, sizeof(name), "GIT_CONFIG_VALUE_%d", n);
		setenv(name, pinned[i][1], 1);
	}
	snprintf(value, sizeof(value), "%d", n);
	setenv("GIT_CONFIG_COUNT", value, 1);
}

const char *gitenv_pinned(size_t i, const char **value)
{
	if (i >= sizeof(pinned) / sizeof(pinned[0]))
		return NULL;
	*value = pinned[i][1];
	return pinned[i][0];
}
