#ifndef KSERIES_USERCONFIG_H
#define KSERIES_USERCONFIG_H

#include "lib/strvec.h"

/*
 * --kconfig [ARCH=]FILE: a user's own .config (a vendor's, a distro's) that
 * an arch's cells start from in place of its defconfig, as TuxMake's
 * --kconfig does; the series' settings and the toolchain's still go on top,
 * then olddefconfig.
 */

/*
 * The arch a .config's text is for, from the symbol only that arch sets
 * (CONFIG_X86_64=y, CONFIG_ARM64=y, CONFIG_ARM=y, CONFIG_PPC=y,
 * CONFIG_MIPS=y), or NULL: none, or a 32-bit x86 one kseries does not build.
 */
const char *userconfig_arch(const char *text);
/*
 * Check every --kconfig argument and turn it into "ARCH=/absolute/path" in
 * out: the file readable and a .config (a CONFIG_ line), its arch given or
 * found in it, one file an arch, an arch archs builds (NULL: all). Dies with
 * exit 2 naming the problem and the fix.
 */
void userconfig_check(const struct strvec *args, const struct strvec *archs, struct strvec *out);
/* The file of out for arch, or NULL. */
const char *userconfig_for(const struct strvec *configs, const char *arch);

#endif
