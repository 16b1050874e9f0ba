/*
 * kseries boot: the runtime proof. The revision before and after the
 * series built as bootable x86_64 kernels, each booted under qemu with the
 * series' probe module and scenario program (its "runtime" data), and the
 * callbacks the probe saw judged before against after. Or one prebuilt
 * kernel (a distribution's) booted as it is.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cmd/options.h"
#include "commands.h"
#include "core/manifest.h"
#include "core/outdir.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/paths.h"
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "runtime/boot_kernels.h"
#include "runtime/qemu.h"

static const struct command_usage usage_boot = {
	"boot", "--kernel REPO --rev REV [--series-out DIR] --out DIR [options]\n"
	"   or: kseries boot --image BZIMAGE --headers DIR --out DIR [options]",
	"  Boot the kernel before and after the series under qemu and watch what\n"
	"  the series promises at run time: the series' probe module records every\n"
	"  callback, its scenario program makes the kernel unmap and clean pages,\n"
	"  and each run is judged (docs/runtime.md). REV is built twice as an\n"
	"  x86_64 kernel in a worktree under DIR (defconfig, the series' build\n"
	"  settings and its runtime fragment): as it is, then with the series'\n"
	"  patches applied (from --series-out, an earlier 'kseries series' output;\n"
	"  else kseries series --no-build runs first). --image boots one prebuilt\n"
	"  kernel, its external modules built with --headers (a distribution's\n"
	"  linux-headers), its modules taken from --modules (/lib/modules/RELEASE).\n"
	"  Writes DIR/runtime.txt and runtime.json; each kernel's console log,\n"
	"  guest and probe build under DIR/before, DIR/after (or DIR/kernel).\n",
	"Exit status: 0 the verdict passes (after the series every scenario passes,\n"
	"no watched kernel message); 1 it does not (a kernel that does not boot, a\n"
	"probe that does not load, a failing scenario); 2 bad usage or environment.\n",
	0, 0,
};

/* A whole number, 1 or more ("5x", "0", "" are not), or die naming the option. */
static int count_of(const char *option, const char *value)
{
	long n;

	if (whole_number(value, 1, INT_MAX, &n))
		die("%s %s: give a whole number, 1 or more", option, value);
	return (int)n;
}

static void parse_args(int argc, char **argv, struct boot_args *a)
{
	const char *timeout = NULL, *runs = NULL;
	const struct opt opts[] = {
		OPT_STRING("kernel", 0, &a->kernel, "REPO", "a kernel git repo"),
		OPT_STRING("rev", 0, &a->rev, "REV", "the revision to boot before and after the series"),
		OPT_STRING("series-out", 0, &a->series_out, "DIR",
			   "the output of 'kseries series' with REV's patches"),
		OPT_STRING("image", 0, &a->image, "BZIMAGE", "boot this prebuilt kernel instead"),
		OPT_STRING("headers", 0, &a->headers, "DIR", "its headers (make -C DIR M=...)"),
		OPT_STRING("modules", 0, &a->modules, "DIR", "its modules (/lib/modules/RELEASE)"),
		OPT_STRING("out", 'o', &a->out, "DIR", "output folder"),
		OPT_STRING("accel", 0, &a->o.accel, "auto|NAME",
			   "qemu's accelerator, one 'qemu-system-x86_64 -accel help' lists\n"
			   "(auto: the hardware's when a test boot with it works)"),
		OPT_STRING("timeout", 0, &timeout, "SECONDS", "each boot's limit (600)"),
		OPT_STRING("runs", 0, &runs, "N", "runs of each scenario (the series says: 10)"),
		OPT_JOBS(&a->o.jobs),
		OPT_FLAG("force", 0, &a->force, "replace what an earlier kseries run wrote in DIR (only that)"),
		OPT_END(),
	};
	struct strvec args = STRVEC_INIT, defines = STRVEC_INIT;

	a->o.jobs = default_jobs();
	a->o.accel = "auto";
	parse_options(argc, argv, &usage_boot, opts, &args, &defines);
	strvec_clear(&args);
	strvec_clear(&defines);
	a->o.timeout = timeout ? count_of("--timeout", timeout) : 600;
	a->runs = runs ? count_of("--runs", runs) : 0;
	if (strcmp(a->o.accel, "auto") && !qemu_accel_known(a->o.accel))
		die("--accel %s: give auto or one of %s", a->o.accel, qemu_accel_names());
	if (!a->out)
		die("no output folder given: add --out DIR");
	if (!a->image == !a->kernel)
		die("give --kernel REPO --rev REV (before and after the series) or --image BZIMAGE "
		    "--headers DIR (one prebuilt kernel)");
	if (a->kernel && !a->rev)
		die("--kernel needs --rev REV: the revision to boot before and after the series");
	if (a->image && !a->headers)
		die("--image needs --headers DIR to build the probe module against "
		    "(Debian: /usr/lib/modules/RELEASE/build, from linux-headers-RELEASE)");
}

int cmd_boot(int argc, char **argv)
{
	struct boot_args a = { 0 };
	struct manifest m = { 0 };
	char out[PATH_MAX], *marker;
	int ret;

	parse_args(argc, argv, &a);
	if (manifest_load(&m, kseries_cocci_dir()))
		return 2;
	if (!m.runtime_probe)
		die("the series %s has no \"runtime\" data: it cannot be booted (docs/runtime.md)", m.dir);
	if (a.runs)
		m.runtime_runs = a.runs;
	/* a refusal leaves no --out behind: the corrected rerun needs no --force */
	boot_check_args(&a, &m);
	outdir_prepare(a.out, a.force, a.kernel);
	if (!realpath(a.out, out))
		die("cannot resolve %s", a.out);
	a.out = out;
	cleanup_install();
	marker = xstrfmt("%s/INCOMPLETE", out);
	write_file(marker, "kseries boot did not finish: this output is partial\n");
	ret = a.kernel ? boot_revision(&a, &m) : boot_prebuilt(&a, &m);
	if (ret < 2)
		remove(marker);
	free(marker);
	manifest_clear(&m);
	return ret;
}
