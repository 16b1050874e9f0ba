#ifndef KSERIES_QEMU_H
#define KSERIES_QEMU_H

/*
 * Boot image with dir/initramfs.cpio and dir/disk.img under
 * qemu-system-x86_64: one CPU, two NUMA nodes, an IDE disk, the serial
 * console into log, killed after timeout seconds. accel: "kvm" or "tcg".
 * extra: more kernel command line (NULL: none). Returns qemu's exit
 * status, or -1 when it could not start or ran past the timeout.
 */
int qemu_boot(const char *image, const char *dir, const char *accel, const char *extra,
	      int timeout, const char *log);
/*
 * Which accelerator to use: want "kvm" or "tcg" as given, or "auto": KVM
 * when a short test boot of image with it reaches the guest's /init
 * (a /dev/kvm that answers may still hang a guest), else TCG. *note says
 * why TCG (caller frees), or NULL.
 */
const char *qemu_accel(const char *want, const char *image, const char *dir, char **note);
/* The accelerators --accel takes besides "auto", and whether name is one. */
#define QEMU_ACCELS "kvm|tcg"
int qemu_accel_known(const char *name);

#endif
