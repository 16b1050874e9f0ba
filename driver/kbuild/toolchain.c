/*
 * The compiler make runs: ccache and a compile wrapper (distcc, icecc) in
 * front of the arch's gcc. The one place that knows KSERIES_CC_WRAPPER.
 */
#include <stdlib.h>
#include <string.h>
#include "kbuild/toolchain.h"
#include "lib/run.h"
#include "lib/usage.h"

void toolchain_use_wrapper(const char *cmd)
{
	const char *w;
	char *first;

	if (cmd)
		setenv("KSERIES_CC_WRAPPER", cmd, 1);
	if (!(w = toolchain_wrapper()))
		return;
	first = xstrndup(w, strcspn(w, " \t"));
	/* before any work: a wrapper that cannot run would fail every compile */
	if (!program_exists(first))
		die("the compile wrapper '%s' (--cc-wrapper or KSERIES_CC_WRAPPER) is not installed: "
		    "apt-get install %s, or give its full path", w, first);
	free(first);
}

const char *toolchain_wrapper(void)
{
	const char *w = getenv("KSERIES_CC_WRAPPER");

	return w && *w ? w : NULL;
}

/*
 * CC= for make, and the environment it needs. ccache when installed:
 * rebuilds of the same objects across revisions and worktrees are cheap
 * (CCACHE_BASEDIR: paths relative to the worktree, so another revision's
 * worktree hits too). A wrapper (distcc, icecc) goes behind ccache as its
 * CCACHE_PREFIX, so a hit never leaves the machine; without ccache it goes
 * in front of the compiler. Preprocessing and linking stay local.
 */
void toolchain_compiler(const char *wt, const char *cross, struct strvec *args, struct strvec *env)
{
	const char *wrapper = toolchain_wrapper();
	char *abs = realpath(wt, NULL);

	if (program_exists("ccache")) {
		strvec_pushf(args, "CC=ccache %sgcc", cross);
		strvec_pushf(env, "CCACHE_BASEDIR=%s", abs ? abs : wt);
		strvec_push(env, "CCACHE_NOHASHDIR=1");
		if (wrapper)
			strvec_pushf(env, "CCACHE_PREFIX=%s", wrapper);
	} else if (wrapper) {
		strvec_pushf(args, "CC=%s %sgcc", wrapper, cross);
	}
	free(abs);
}
