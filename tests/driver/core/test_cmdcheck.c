/* Unit tests of driver/core/cmdcheck.c: a command's input checked before any work. */
#include <stdlib.h>
#include <sys/stat.h>
#include "lib/fileio.h"
#include "core/cmdcheck.h"
#include "lib/cleanup.h"
#include "lib/usage.h"
#include "unit.h"

static void buildable(void *out)
{
	cmdcheck_out_buildable(out);
}

int main(void)
{
	char *tmp = unit_tmpdir(), *repo = xstrfmt("%s/repo", tmp), *plain = xstrfmt("%s/plain", tmp);
	char *cmd = xstrfmt("git init -q %s", repo), *log = xstrfmt("%s/err", tmp), *spaced, *text;

	system(cmd);
	mkdir(plain, 0777);
	CHECK("cmdcheck_is_git_repo: a repo", cmdcheck_is_git_repo(repo) == 1);
	CHECK("cmdcheck_is_git_repo: a plain folder", cmdcheck_is_git_repo(plain) == 0);
	CHECK("cmdcheck_out_buildable: a plain path", unit_in_child(buildable, plain, log) == 0);
	spaced = xstrfmt("%s/my out", tmp);
	CHECK("cmdcheck_out_buildable: a space in --out is exit 2 (Kbuild cannot build there)",
	      unit_in_child(buildable, spaced, log) == 2);
	text = read_file(log);
	CHECK("cmdcheck_out_buildable: ... the message names the path", text && strstr(text, "my out"));
	free(text);
	remove_tree(tmp);
	free(repo);
	free(plain);
	free(cmd);
	free(log);
	free(spaced);
	UNIT_EXIT();
}
