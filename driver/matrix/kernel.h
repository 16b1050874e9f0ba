#ifndef KSERIES_KERNEL_H
#define KSERIES_KERNEL_H

#include "core/manifest.h"
#include "lib/strvec.h"

/*
 * An external module (module_dir, with its Kbuild file) against the tree
 * wt: defconfig with the series' settings and modules_prepare in o_dir, then
 * make M=module_dir modules; everything into log. 0 built, 1 did not build,
 * -1 could not even prepare (or no compiler): *why says it (caller frees).
 */
int kernel_external_module(const char *wt, const char *arch, const struct manifest *m,
			   const char *o_dir, const char *module_dir, const char *log, int jobs,
			   char **why);

/*
 * A bootable x86_64 kernel of the tree wt in o_dir: defconfig, the series'
 * build settings and extra (the runtime fragment), then make bzImage
 * modules; fragment settings olddefconfig did not keep go to dropped. A
 * setting asked for whose objects fail to build is turned off and the
 * build retried ("SYMBOL: OBJECT does not build in this tree" into
 * users_dropped). 0, or -1 with *why (caller frees).
 */
int kernel_boot(const char *wt, const struct manifest *m, const struct strvec *extra,
		const char *o_dir, const char *log, int jobs, struct strvec *dropped,
		struct strvec *users_dropped, char **why);
/* make M=module_dir modules against the kernel built in o_dir: 0, or -1 with *why. */
int kernel_module_in(const char *wt, const char *o_dir, const char *module_dir, const char *log,
		     int jobs, char **why);

#endif
