#ifndef KSERIES_RUNTIME_REPORT_H
#define KSERIES_RUNTIME_REPORT_H

#include "core/manifest.h"
#include "runtime/guest_image.h"
#include "runtime/runtime_log.h"

enum rt_state { RT_OK, RT_NOT_BUILT, RT_NO_BOOT, RT_NO_PROBE, RT_INCOMPLETE };

/* One test kernel's run: how far it got, what it printed. */
struct rt_result {
	const struct test_kernel *k;
	enum rt_state state;
	int guest_ready;	/* its guest is made (runtime_guest) */
	char *why;		/* what went wrong, when not RT_OK */
	struct rt_log log;
	char *features;		/* the probe's features.h */
	char *config;		/* the kernel's .config text */
	struct strvec dropped;	/* settings asked for that this kernel does not have, and why */
	double build_seconds, boot_seconds;
};

/* From the console log and qemu's status (-1: timed out or did not start), r's state. */
void rt_result_judge(struct rt_result *r, int qemu_status, int timeout);
/*
 * runtime.txt and runtime.json in out for the kernels (one, or before and
 * after), with the verdict (not printed); accel: what qemu used, note: why. Returns 0
 * when the verdict passes, 1 when not.
 */
int runtime_write(const char *out, const struct manifest *m, struct rt_result *rs, size_t n,
		  const char *accel, const char *note);
void rt_result_clear(struct rt_result *r);

#endif
