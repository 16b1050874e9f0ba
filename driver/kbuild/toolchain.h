#ifndef KSERIES_TOOLCHAIN_H
#define KSERIES_TOOLCHAIN_H

#include "lib/strvec.h"

/*
 * --cc-wrapper CMD (NULL: only KSERIES_CC_WRAPPER): made the one the builds
 * use (exported, so the revision processes and make see it too); dies when
 * its program is not installed.
 */
void toolchain_use_wrapper(const char *cmd);
/* The compile wrapper (--cc-wrapper, KSERIES_CC_WRAPPER: distcc, icecc), or NULL. */
const char *toolchain_wrapper(void);
/* make's CC= (ccache, the wrapper) into args, what they need into env ("NAME=VALUE"). */
void toolchain_compiler(const char *wt, const char *cross, struct strvec *args, struct strvec *env);

#endif
