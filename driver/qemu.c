/* qemu-system-x86_64 for the runtime proof: the machine, the accelerator. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fileio.h"
#include "qemu.h"
#include "run.h"
#include "usage.h"

#define QEMU "qemu-system-x86_64"
/* seconds a test boot with KVM may take to reach /init */
#define KVM_CHECK_SECONDS 30

static char *last_error;	/* qemu's first line on stderr, of the last boot */

int qemu_boot(const char *image, const char *dir, const char *accel, const char *extra,
	      int timeout, const char *log)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	int ret;

	unlink(log);
	strvec_pushl(&cp.args, QEMU, "-machine", "pc", "-accel", accel, "-cpu",
		     !strcmp(accel, "kvm") ? "host" : "max", "-m", "1024", "-smp", "1",
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

const char *qemu_accel(const char *want, const char *image, const char *dir, char **note)
{
	char *log, *text;
	int reached, status;

	*note = NULL;
	if (!program_exists(QEMU))
		die(QEMU " not found: apt-get install qemu-system-x86 (or make deps)");
	if (strcmp(want, "auto"))
		return !strcmp(want, "kvm") ? "kvm" : "tcg";
	if (access("/dev/kvm", R_OK | W_OK)) {
		*note = xstrdup("no usable /dev/kvm: TCG (slower)");
		return "tcg";
	}
	log = xstrfmt("%s/kvm-check.log", dir);
	status = qemu_boot(image, dir, "kvm", "kseries.check", KVM_CHECK_SECONDS, log);
	text = read_file(log);
	reached = text && strstr(text, "kseries-rt: boot ");
	if (!reached && status > 0)
		*note = xstrfmt("/dev/kvm is there, but qemu with KVM failed (%s): TCG (slower)",
				last_error ? last_error : "no message");
	else if (!reached)
		*note = xstrfmt("/dev/kvm is there, but a test boot with KVM did not reach /init "
				"in %d s (see %s): TCG (slower)", KVM_CHECK_SECONDS, log);
	free(text);
	free(log);
	return reached ? "kvm" : "tcg";
}

int qemu_accel_known(const char *name)
{
	return !strcmp(name, "kvm") || !strcmp(name, "tcg");
}
