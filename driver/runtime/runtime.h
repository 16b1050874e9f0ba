#ifndef KSERIES_RUNTIME_H
#define KSERIES_RUNTIME_H

#include "runtime/runtime_report.h"

/* How the test kernels are booted. */
struct boot_opts {
	const char *accel;	/* "auto", or one of QEMU_ACCELS */
	int timeout;		/* seconds per boot */
	int jobs;
};

/* r's guest in OUT/LABEL (guest_image), once: r->guest_ready, or RT_NOT_BUILT and why. */
void runtime_guest(const struct manifest *m, struct rt_result *r, const char *out,
		   const struct boot_opts *o);
/*
 * r's kernel booted with its guest under qemu (accel): r gets the console
 * log (OUT/LABEL/console.log) read, and its state.
 */
void runtime_boot(const struct manifest *m, struct rt_result *r, const char *out,
		  const char *accel, const struct boot_opts *o);

#endif
