/*
 * The guest a test kernel boots into: an initramfs with busybox, the
 * series' init, its probe module and scenario program, and a disk image.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "matrix/kernel.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "runtime/guest_image.h"

#define BUSYBOX "/bin/busybox"

static int run_logged(struct child_process *cp, const char *log)
{
	int ret;

	cp->out_file = log;
	cp->err_to_out = 1;
	ret = run_command(cp);
	child_process_clear(cp);
	return ret;
}

static int copy(const char *from, const char *to, int mode)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	int ret;

	strvec_pushl(&cp.args, "cp", "-RT", from, to, NULL);
	cp.quiet_err = 1;
	ret = run_command(&cp);
	child_process_clear(&cp);
	if (!ret && mode)
		chmod(to, mode);
	return ret;
}

/* The series' probe folder copied to dir/probe and built against k. */
static int build_probe(const struct manifest *m, const struct test_kernel *k, const char *dir,
		       int jobs, char **features, char **why)
{
	char *src = xstrfmt("%s/%s", m->dir, m->runtime_probe), *probe = xstrfmt("%s/probe", dir);
	char *log = xstrfmt("%s/probe.log", dir), *fh;
	int ret = 0;

	if (copy(src, probe, 0)) {
		*why = xstrfmt("cannot copy the probe %s to %s", src, probe);
		ret = -1;
	} else if (k->headers) {
		struct child_process cp = CHILD_PROCESS_INIT;

		strvec_pushl(&cp.args, "make", "-C", k->headers, NULL);
		strvec_pushf(&cp.args, "M=%s", probe);
		strvec_pushf(&cp.args, "-j%d", jobs);
		strvec_push(&cp.args, "modules");
		if (run_logged(&cp, log)) {
			*why = xstrfmt("the probe did not build against %s: see %s", k->headers, log);
			ret = -1;
		}
	} else if (kernel_module_in(k->wt, k->o_dir, probe, log, jobs, why)) {
		ret = -1;
	}
	fh = xstrfmt("%s/features.h", probe);
	*features = ret ? NULL : read_file(fh);
	free(fh);
	free(src);
	free(probe);
	free(log);
	return ret;
}

static int guest_program(const struct manifest *m, const char *root, const char *log, char **why)
{
	struct child_process cp = CHILD_PROCESS_INIT;

	strvec_pushl(&cp.args, "gcc", "-O2", "-static", "-o", NULL);
	strvec_pushf(&cp.args, "%s/kseries-rt", root);
	for (size_t i = 0; i < m->runtime_guest.nr; i++)
		strvec_pushf(&cp.args, "%s/%s", m->dir, m->runtime_guest.v[i]);
	if (!run_logged(&cp, log))
		return 0;
	*why = xstrfmt("the guest program did not build (gcc -static; apt-get install libc6-dev): "
		       "see %s", log);
	return -1;
}

/* sh -c script with $1 (and $2 when not NULL): stdout to out, stderr to log */
static int shell(const char *script, const char *arg, const char *arg2, const char *out,
		 const char *log)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	int ret;

	strvec_pushl(&cp.args, "sh", "-c", script, "sh", arg, arg2, NULL);
	cp.out_file = out;
	cp.err_file = log;
	ret = run_command(&cp);
	child_process_clear(&cp);
	return ret;
}

/* The modules k needs loaded, in order (modprobe --show-depends), copied into root. */
static int guest_modules(const struct manifest *m, const struct test_kernel *k, const char *root,
			 char **why)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	struct strvec lines = STRVEC_INIT, seen = STRVEC_INIT;
	struct strbuf list = STRBUF_INIT;
	char *dir = xstrfmt("%s/lib/modules", root), *file;
	int ret = 0;

	if (shell("mkdir -p \"$1\"", dir, NULL, NULL, NULL))
		die_errno("cannot create %s", dir);
	strvec_pushl(&cp.args, "modprobe", "-S", k->release, "-a", "--show-depends", NULL);
	strvec_pushv(&cp.args, (const char *const *)m->runtime_modules.v);
	cp.capture_out = cp.capture_err = 1;
	if (run_command(&cp)) {
		*why = xstrfmt("modprobe --show-depends of the modules the guest needs failed: %s",
			       cp.err ? cp.err : "");
		ret = -1;
	}
	strvec_split_lines(&lines, cp.out ? cp.out : "");
	for (size_t i = 0; !ret && i < lines.nr; i++) {
		const char *ko = lines.v[i], *base;
		char *to;

		if (strncmp(ko, "insmod ", 7))
			continue;
		ko += 7;
		ko = xstrndup(ko, strcspn(ko, " "));
		base = strrchr(ko, '/') ? strrchr(ko, '/') + 1 : ko;
		to = xstrfmt("%s/%s", dir, base);
		if (strvec_contains(&seen, to)) {
			/* a module several others need: listed once, loaded once */
		} else if (copy(ko, to, 0644)) {
			ret = -1, *why = xstrfmt("cannot copy %s", ko);
		} else {
			strvec_push(&seen, to);
			strbuf_addf(&list, "%s\n", to + strlen(root));
		}
		free(to);
		free((char *)ko);
	}
	file = xstrfmt("%s/etc/kseries-rt/modules", root);
	if (!ret && write_file(file, strbuf_str(&list)))
		ret = -1, *why = xstrfmt("cannot write %s", file);
	free(file);
	free(dir);
	strbuf_release(&list);
	strvec_clear(&lines);
	strvec_clear(&seen);
	child_process_clear(&cp);
	return ret;
}

/* root's files: busybox, init, the probe, the program, the runs. */
static int guest_root(const struct manifest *m, const struct test_kernel *k, const char *dir,
		      const char *root, char **why)
{
	char *p, *log = xstrfmt("%s/guest.log", dir);
	int ret = 0;

	p = xstrfmt("%s/etc/kseries-rt", root);
	if (shell("mkdir -p \"$1\"", p, NULL, NULL, log))
		ret = -1, *why = xstrfmt("cannot create %s", p);
	free(p);
	p = xstrfmt("%s/bin", root);
	mkdir(p, 0777);
	free(p);
	p = xstrfmt("%s/bin/busybox", root);
	if (!ret && copy(BUSYBOX, p, 0755))
		ret = -1, *why = xstrdup("no " BUSYBOX ": apt-get install busybox-static (or make deps)");
	free(p);
	p = xstrfmt("%s/%s", m->dir, m->runtime_init);
	{
		char *to = xstrfmt("%s/init", root);

		if (!ret && copy(p, to, 0755))
			ret = -1, *why = xstrfmt("cannot copy the series' init %s", p);
		free(to);
	}
	free(p);
	/* the modules the probe's build made, at the top of root, for init to load */
	p = xstrfmt("%s/probe", dir);
	if (!ret && shell("to=$2; set -- \"$1\"/*.ko; [ -e \"$1\" ] && cp \"$@\" \"$to\"", p, root, NULL,
			  log))
		ret = -1, *why = xstrfmt("the probe's build made no module in %s", p);
	free(p);
	p = xstrfmt("%s/etc/kseries-rt/runs", root);
	if (!ret) {
		char *runs = xstrfmt("%ld\n", m->runtime_runs);

		write_file(p, runs);
		free(runs);
	}
	free(p);
	if (!ret)
		ret = guest_program(m, root, log, why);
	if (!ret && k->modules)
		ret = guest_modules(m, k, root, why);
	free(log);
	return ret;
}

int guest_image(const struct manifest *m, const struct test_kernel *k, const char *dir, int jobs,
		char **features, char **why)
{
	char *root = xstrfmt("%s/root", dir), *cpio = xstrfmt("%s/initramfs.cpio", dir);
	char *disk = xstrfmt("%s/disk.img", dir), *log = xstrfmt("%s/guest.log", dir);
	int ret;

	*why = NULL;
	*features = NULL;
	if (mkdir(dir, 0777) && errno != EEXIST)
		die_errno("cannot create %s", dir);
	ret = build_probe(m, k, dir, jobs, features, why);
	if (!ret)
		ret = guest_root(m, k, dir, root, why);
	if (!ret && shell("cd \"$1\" && find . | cpio -o -H newc --quiet", root, NULL, cpio, log))
		ret = -1, *why = xstrfmt("cpio could not pack %s (apt-get install cpio): see %s", root, log);
	if (!ret && shell("rm -f \"$1\" && mke2fs -q -t ext2 -F \"$1\" 32M", disk, NULL, log, log))
		ret = -1, *why = xstrfmt("mke2fs could not make %s (apt-get install e2fsprogs): see %s",
					 disk, log);
	free(root);
	free(cpio);
	free(disk);
	free(log);
	return ret;
}
