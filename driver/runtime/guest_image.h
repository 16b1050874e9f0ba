#ifndef KSERIES_GUEST_IMAGE_H
#define KSERIES_GUEST_IMAGE_H

#include "core/manifest.h"

/*
 * The test kernel to boot and what its guest needs from it: where its
 * external modules are built (a headers folder, or a tree and its O=),
 * its .config, and for a distribution kernel the modules to load.
 */
struct test_kernel {
	const char *label;	/* "before", "after", or "kernel" */
	char *image;		/* the bzImage (vmlinuz) qemu boots */
	char *headers;		/* make -C headers M=...; NULL: wt and o_dir */
	const char *wt, *o_dir;
	char *config;		/* its .config */
	char *modules;		/* /lib/modules/RELEASE of a distribution kernel, or NULL */
	char *release;
};

/*
 * In dir: the series' probe built against k (dir/probe), the guest program
 * (static), busybox, the series' init, the modules k needs, packed as
 * dir/initramfs.cpio; a disk with an ext2 file system (dir/disk.img).
 * 0, or -1 with *why (caller frees). features: the probe's features.h.
 */
int guest_image(const struct manifest *m, const struct test_kernel *k, const char *dir, int jobs,
		char **features, char **why);

#endif
