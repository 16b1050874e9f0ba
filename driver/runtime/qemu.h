#ifndef KSERIES_QEMU_H
#define KSERIES_QEMU_H

/*
 * Boot image with dir/initramfs.cpio and dir/disk.img under
 * qemu-system-x86_64: one CPU, two NUMA nodes, an IDE disk, the serial
 * console into log, killed after timeout seconds. accel: one qemu has.
 * extra: more kernel command line (NULL: none). Returns qemu's exit
 * status, or -1 when it could not start or ran past the timeout.
 */
int qemu_boot(const char *image, const char *dir, const char *accel, const char *extra,
	      int timeout, const char *log);
/*
 * Which accelerator to use: want as given (one "qemu -accel help" lists),
 * or "auto": the hardware one (its /dev/NAME usable) when a short test
 * boot of image with it reaches the guest's /init (a device that answers
 * may still hang a guest), else the emulator, tcg. *note says why the
 * emulator (caller frees), or NULL.
 */
const char *qemu_accel(const char *want, const char *image, const char *dir, char **note);
/* Is name an accelerator of this qemu (dies without qemu)? All of them, "a|b" (caller frees). */
/* Die (exit 2) naming the package when qemu-system-x86_64 is not installed. */
void qemu_check_installed(void);
int qemu_accel_known(const char *name);
char *qemu_accel_names(void);

#endif
