/* One test kernel: its guest made, booted, its console read. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "lib/clock.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "runtime/qemu.h"
#include "runtime/runtime.h"

void runtime_guest(const struct manifest *m, struct rt_result *r, const char *out,
		   const struct boot_opts *o)
{
	char *dir = xstrfmt("%s/%s", out, r->k->label);

	if (r->state != RT_NOT_BUILT && !r->guest_ready) {
		info("[%s] the guest: probe module, scenario program, initramfs", r->k->label);
		if (guest_image(m, r->k, dir, o->jobs, &r->features, &r->why))
			r->state = RT_NOT_BUILT;
		else
			r->guest_ready = 1;
	}
	free(dir);
}

void runtime_boot(const struct manifest *m, struct rt_result *r, const char *out,
		  const char *accel, const struct boot_opts *o)
{
	char *dir = xstrfmt("%s/%s", out, r->k->label), *log = xstrfmt("%s/console.log", dir);
	struct strvec watch = STRVEC_INIT;
	struct timespec t0;
	char *text;
	int status;

	for (size_t w = 0; w < m->runtime_watch.rows; w++)
		strvec_push(&watch, cell(&m->runtime_watch, w, WATCH_TEXT));
	info("[%s] booting %s (qemu, %s)", r->k->label, r->k->image, accel);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	status = qemu_boot(r->k->image, dir, accel, NULL, o->timeout, log);
	r->boot_seconds = seconds_since(&t0);
	text = read_file(log);
	rt_log_parse(&r->log, text ? text : "", &watch);
	rt_result_judge(r, status, o->timeout);
	info("[%s] %s in %.0f s%s%s", r->k->label, r->state == RT_OK ? "ran" : "failed",
	     r->boot_seconds, r->why ? ": " : "", r->why ? r->why : "");
	free(text);
	free(log);
	free(dir);
	strvec_clear(&watch);
}
