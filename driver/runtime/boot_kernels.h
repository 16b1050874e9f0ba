#ifndef KSERIES_BOOT_KERNELS_H
#define KSERIES_BOOT_KERNELS_H

#include "core/manifest.h"
#include "runtime/runtime.h"

struct boot_args {
	const char *kernel, *rev, *series_out, *out;
	const char *patches_dir;	/* the series' patches for rev (NULL: from series_out) */
	const char *image, *headers, *modules;
	struct boot_opts o;
	int force, runs;
};

/*
 * --kernel REPO --rev REV: REV built and booted as it is and with the
 * series applied; the verdict written. 0 pass, 1 fail, 2 environment.
 */
/*
 * Everything boot needs that can be checked before any work, before --out
 * is made: qemu installed; the repo and revision, or the image (a bzImage),
 * its headers and modules. Dies (exit 2) naming the problem and the fix.
 */
void boot_check_args(const struct boot_args *a, const struct manifest *m);
int boot_revision(const struct boot_args *a, const struct manifest *m);
/* --image: one prebuilt kernel booted as it is. */
int boot_prebuilt(const struct boot_args *a, const struct manifest *m);

#endif
