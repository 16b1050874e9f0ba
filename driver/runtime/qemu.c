/* qemu-system-x86_64 for the runtime proof: the machine, the accelerator. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "runtime/qemu.h"

#define QEMU "qemu-system-x86_64"
/* seconds a test boot with a hardware accelerator may take to reach /init */
#define HW_CHECK_SECONDS 30
/* qemu's software emulator, the accelerator that needs no device */
#define EMULATOR "tcg"

static char *last_error;	/* qemu's first line on stderr, of the last boot */

int qemu_boot(const char *image, const char *dir, const char *accel, const char *extra,
	      int timeout, const char *log)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	int ret;

	unlink(log);
	strvec_pushl(&cp.args, QEMU, "-machine", "pc", "-accel", accel, "-cpu",
		     strcmp(accel, EMULATOR) ? "host" : "max", "-m", "1024", "-smp", "1",
		     "-object", "memory-backend-ram,size=512M,id=m0",
		     "-object", "memory-backend-ram,size=512M,id=m1",
		     "-numa", "node,nodeid=0,memdev=m0,cpus=0", "-numa", "node,nodeid=1,memdev=m1",
		     "-kernel", image, NULL);
	strvec_push(&cp.args, "-initrd");
	strvec_pushf(&cp.args, "%s/initramfs.cpio", dir);
	strvec_push(&cp.args, "-append");
	strvec_pushf(&cp.args, "console=ttyS0 panic=-1 loglevel=4%s%s", extra ? " " : "",
		     extra ? extra : "");
	strvec_push(&cp.args, "-drive");
	strvec_pushf(&cp.args, "file=%s/disk.img,format=raw,if=ide", dir);
	strvec_pushl(&cp.args, "-nic", "none", "-display", "none", "-monitor", "none", "-no-reboot",
		     "-serial", NULL);
	strvec_pushf(&cp.args, "file:%s", log);
	cp.capture_out = cp.capture_err = 1;
	cp.timeout = timeout;
	ret = run_command(&cp);
	free(last_error);
	last_error = cp.err && *cp.err ? xstrndup(cp.err, strcspn(cp.err, "\n")) : NULL;
	child_process_clear(&cp);
	return ret;
}

/* The accelerators this qemu has, sorted ("qemu -accel help"); dies without qemu. */
static const struct strvec *accels(void)
{
	static struct strvec names = STRVEC_INIT;
	static int asked;
	char *out = NULL;
	struct strvec lines = STRVEC_INIT;

	if (asked)
		return &names;
	asked = 1;
	qemu_check_installed();
	run_capture(&out, NULL, QEMU, "-accel", "help", NULL);
	strvec_split_lines(&lines, out ? out : "");
	for (size_t i = 0; i < lines.nr; i++)
		if (*lines.v[i] && !strchr(lines.v[i], ' '))
			strvec_push(&names, lines.v[i]);
	strvec_sort(&names);
	strvec_clear(&lines);
	free(out);
	return &names;
}

void qemu_check_installed(void)
{
	if (!program_exists(QEMU))
		die(QEMU " not found: apt-get install qemu-system-x86 (or make deps)");
}

int qemu_accel_known(const char *name)
{
	return strvec_contains(accels(), name);
}

char *qemu_accel_names(void)
{
	return strvec_join(accels(), accels()->nr, "|");
}

/* A hardware accelerator of this qemu whose device (/dev/NAME) we may use, or NULL. */
static const char *hardware_accel(char **note)
{
	const struct strvec *a = accels();

	for (size_t i = 0; i < a->nr; i++) {
		char *dev = xstrfmt("/dev/%s", a->v[i]);
		int usable = strcmp(a->v[i], EMULATOR) && !access(dev, R_OK | W_OK);

		free(dev);
		if (usable)
			return a->v[i];
	}
	*note = xstrdup("no hardware accelerator usable (no /dev/NAME for qemu -accel help's): "
			EMULATOR " (slower)");
	return NULL;
}

const char *qemu_accel(const char *want, const char *image, const char *dir, char **note)
{
	const char *hw;
	char *log, *text;
	int reached, status;

	*note = NULL;
	if (strcmp(want, "auto"))
		return qemu_accel_known(want) ? want : EMULATOR;
	hw = hardware_accel(note);
	if (!hw)
		return EMULATOR;
	log = xstrfmt("%s/%s-check.log", dir, hw);
	status = qemu_boot(image, dir, hw, "kseries.check", HW_CHECK_SECONDS, log);
	text = read_file(log);
	reached = text && strstr(text, "kseries-rt: boot ");
	if (!reached && status > 0)
		*note = xstrfmt("/dev/%s is there, but qemu with %s failed (%s): " EMULATOR " (slower)",
				hw, hw, last_error ? last_error : "no message");
	else if (!reached)
		*note = xstrfmt("/dev/%s is there, but a test boot with %s did not reach /init in %d s "
				"(see %s): " EMULATOR " (slower)", hw, hw, HW_CHECK_SECONDS, log);
	free(text);
	free(log);
	return reached ? hw : EMULATOR;
}
