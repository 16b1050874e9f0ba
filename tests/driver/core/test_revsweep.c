/*
 * Unit tests of driver/core/revsweep.c: a tag pattern and a range of tags
 * are the repo's tags in version order, each once; one REV is itself.
 */
#include <stdlib.h>
#include "core/revsweep.h"
#include "lib/cleanup.h"
#include "lib/usage.h"
#include "unit.h"

int main(void)
{
	char *tmp = unit_tmpdir(), *repo, *cmd, *got;
	struct strvec args = STRVEC_INIT, revs = STRVEC_INIT;

	if (!tmp)
		return 1;
	repo = xstrfmt("%s/repo", tmp);
	/* tags made out of version order: v4.4.10 before v4.4.9 */
	cmd = xstrfmt("set -e; git init -q %s; cd %s; "
		      "git -c user.name=T -c user.email=t@e commit -q --allow-empty -m one; "
		      "for t in v4.4.10 v4.4.9 v4.4.1 v4.5 v4.4.100; do git tag $t; done", repo, repo);
	CHECK("revsweep: a repo with tags to test on", !system(cmd));
	CHECK("revsweep_is_sweep: a pattern, a range; not a REV, not a ...",
	      revsweep_is_sweep("v4.4.*") && revsweep_is_sweep("v4.4.1..v4.4.9") &&
	      !revsweep_is_sweep("v4.4.1") && !revsweep_is_sweep("a...b") &&
	      !revsweep_is_sweep("..v4.4.9"));
	strvec_pushl(&args, "v4.4.*", NULL);
	revsweep_expand(repo, &args, &revs, NULL);
	got = strvec_join(&revs, revs.nr, " ");
	CHECK_STR("a pattern: its tags in version order", got, "v4.4.1 v4.4.9 v4.4.10 v4.4.100");
	free(got);
	strvec_clear(&args);
	strvec_clear(&revs);
	strvec_pushl(&args, "v4.4.9..v4.5", "main", "v4.4.1..v4.4.10", NULL);
	revsweep_expand(repo, &args, &revs, NULL);
	got = strvec_join(&revs, revs.nr, " ");
	CHECK_STR("ranges, both ends in, each tag once where it first came; a REV as it is", got,
		  "v4.4.9 v4.4.10 v4.4.100 v4.5 main v4.4.1");
	free(got);
	strvec_clear(&args);
	strvec_clear(&revs);
	remove_tree(tmp);
	free(repo);
	free(cmd);
	UNIT_EXIT();
}
