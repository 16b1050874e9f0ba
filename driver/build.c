/*
 * The build matrix: per architecture, defconfig plus a fragment that enables
 * every mmu_notifier user that arch can build, prepare once, then only the
 * objects of the files that used the API, before and after the series, in an
 * O= folder of its own (../shared/BUILDING.md has the measurements).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "build.h"
#include "fileio.h"
#include "run.h"
#include "usage.h"

struct arch_desc {
	const char *name, *arch, *srcarch, *cross, *defconfig, *package;
	const char *const *fragment;
};

/* every arch: what makes the mm users build, and what breaks gcc 12 builds */
static const char *const common_fragment[] = {
	"-e", "MMU_NOTIFIER", "-e", "TRANSPARENT_HUGEPAGE", "-e", "KSM", "-e", "USERFAULTFD",
	"-e", "IDLE_PAGE_TRACKING", "-e", "MEMORY_FAILURE", "-e", "HUGETLBFS", "-e", "MIGRATION",
	"-e", "PROC_PAGE_MONITOR", "-d", "DEBUG_INFO", "-d", "SECURITY_SELINUX",
	"-d", "STACK_VALIDATION", NULL,
};
static const char *const x86_fragment[] = {
	"-e", "KVM", "-e", "KVM_INTEL", "-e", "KVM_AMD", "-e", "INTEL_IOMMU", "-e", "INTEL_IOMMU_SVM",
	"-e", "AMD_IOMMU", "-e", "AMD_IOMMU_V2", "-e", "DRM", "-e", "DRM_AMDGPU",
	"-e", "DRM_AMDGPU_USERPTR", "-e", "HSA_AMD", "-e", "INFINIBAND", "-e", "INFINIBAND_USER_ACCESS",
	"-e", "INFINIBAND_USER_MEM", "-e", "INFINIBAND_ON_DEMAND_PAGING", "-e", "INFINIBAND_HFI1",
	"-e", "HYPERVISOR_GUEST", "-e", "PARAVIRT", "-e", "XEN", "-e", "XEN_GNTDEV", "-e", "MEMORY_HOTPLUG",
	"-e", "MEMORY_HOTREMOVE", "-e", "SPARSEMEM_VMEMMAP", "-e", "ZONE_DEVICE", "-e", "FS_DAX",
	"-e", "X86_DEV_DMA_OPS", "-e", "SCIF_BUS", "-e", "SCIF", "-e", "X86_UV", "-e", "SGI_GRU", NULL,
};
static const char *const arm64_fragment[] = {
	"-e", "VIRTUALIZATION", "-e", "KVM", "-e", "FS_DAX", NULL,
};
static const char *const arm_fragment[] = {
	"-e", "ARM_LPAE", "-e", "VIRTUALIZATION", "-e", "KVM", NULL,
};
static const char *const powerpc_fragment[] = {
	"-m", "KVM_BOOK3S_64", "-m", "KVM_BOOK3S_64_HV", "-m", "KVM_BOOK3S_64_PR", "-e", "FS_DAX",
	"-e", "PPC_DISABLE_WERROR", NULL,
};
static const char *const mips_fragment[] = {
	"-e", "KVM", NULL,
};

static const struct arch_desc archs[] = {
	{ "x86_64", "x86_64", "x86", "", "x86_64_defconfig", "gcc", x86_fragment },
	{ "arm64", "arm64", "arm64", "aarch64-linux-gnu-", "defconfig", "gcc-aarch64-linux-gnu",
	  arm64_fragment },
	{ "arm", "arm", "arm", "arm-linux-gnueabi-", "multi_v7_defconfig", "gcc-arm-linux-gnueabi",
	  arm_fragment },
	{ "powerpc", "powerpc", "powerpc", "powerpc64le-linux-gnu-", "powernv_defconfig",
	  "gcc-powerpc64le-linux-gnu", powerpc_fragment },
	{ "mips", "mips", "mips", "mips-linux-gnu-", "malta_kvm_defconfig", "gcc-mips-linux-gnu",
	  mips_fragment },
};

const char *const build_arch_names[] = { "x86_64", "arm64", "arm", "powerpc", "mips", NULL };

static double since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) / 1e9;
}

void build_failed_objects(const char *log, struct strvec *out, struct strvec *other)
{
	struct strvec lines = STRVEC_INIT;

	strvec_split_lines(&lines, log);
	for (size_t i = 0; i < lines.nr; i++) {
		const char *l = lines.v[i], *open = strstr(l, "*** ["), *close, *colon;

		if (!open || !strstr(l, "] Error"))
			continue;
		close = strstr(open, "] Error");
		/* "[scripts/Makefile.build:303: drivers/x/y.o]": the last ": " part */
		colon = open + 5;
		for (const char *p = colon; p < close; p++)
			if (p[0] == ':' && p[1] == ' ')
				colon = p + 2;
		if (close <= colon)
			continue;
		{
			size_t len = (size_t)(close - colon);
			char *target = xstrndup(colon, len);
			int object = len > 2 && !strncmp(close - 2, ".o", 2);
			/* the wrappers make puts around any failure */
			int wrapper = !strcmp(target, "sub-make") || !strcmp(target, "__build") ||
				      !strcmp(target, "_all") || !strcmp(target, "__sub-make");
			struct strvec *to = object ? out : wrapper ? NULL : other;

			if (to && !strvec_contains(to, target))
				strvec_push(to, target);
			free(target);
		}
	}
	strvec_clear(&lines);
}

void build_targets(const char *wt, const char *srcarch, const struct strvec *files,
		   struct strvec *targets)
{
	char *kvm_makefile = xstrfmt("%s/arch/%s/kvm/Makefile", wt, srcarch);
	char *arch_prefix = xstrfmt("arch/%s/", srcarch);
	int kvm_folder = !access(kvm_makefile, R_OK);

	for (size_t i = 0; i < files->nr; i++) {
		const char *f = files->v[i];
		size_t n = strlen(f);
		char *t;

		if (n < 3 || strcmp(f + n - 2, ".c"))
			continue;	/* headers are compiled through the .c files */
		if (!strncmp(f, "arch/", 5) && strncmp(f, arch_prefix, strlen(arch_prefix)))
			continue;	/* another architecture's file */
		/* KVM's generic code is built by the arch's KVM Makefile */
		if (kvm_folder && (!strncmp(f, "virt/kvm/", 9) ||
				   !strncmp(f + strlen(arch_prefix), "kvm/", 4)))
			t = xstrfmt("arch/%s/kvm/", srcarch);
		else
			t = xstrfmt("%.*s.o", (int)(n - 2), f);
		if (!strvec_contains(targets, t))
			strvec_push(targets, t);
		free(t);
	}
	free(kvm_makefile);
	free(arch_prefix);
}

/* make -k TARGETS for one arch in its O= folder; stdout and stderr into log. */
static int make(const char *wt, const struct arch_desc *a, const char *o_dir, int jobs,
		const char *log, const struct strvec *targets)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	int ret;

	strvec_pushl(&cp.args, "make", "-k", NULL);
	strvec_pushf(&cp.args, "-j%d", jobs > 0 ? jobs : 1);
	strvec_pushf(&cp.args, "O=%s", o_dir);
	strvec_pushf(&cp.args, "ARCH=%s", a->arch);
	if (*a->cross)
		strvec_pushf(&cp.args, "CROSS_COMPILE=%s", a->cross);
	/* ccache when there: rebuilds of the same objects across revisions are cheap */
	if (program_exists("ccache"))
		strvec_pushf(&cp.args, "CC=ccache %sgcc", a->cross);
	strvec_pushv(&cp.args, (const char *const *)targets->v);
	cp.dir = wt;
	cp.out_file = log;
	cp.err_to_out = 1;
	ret = run_command(&cp);
	child_process_clear(&cp);
	return ret;
}

static const struct arch_desc *find_arch(const char *name)
{
	for (size_t i = 0; i < sizeof(archs) / sizeof(archs[0]); i++)
		if (!strcmp(archs[i].name, name))
			return &archs[i];
	return NULL;
}

static int make1(const char *wt, const struct arch_desc *a, const char *o_dir, const char *log,
		 const char *target)
{
	struct strvec t = STRVEC_INIT;
	int ret;

	strvec_push(&t, target);
	ret = make(wt, a, o_dir, 2, log, &t);
	strvec_clear(&t);
	return ret;
}

/* scripts/config of the tree itself, on this arch's .config */
static int kconfig(const char *wt, const char *o_dir, const char *const *args, struct strvec *out)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	char *config = xstrfmt("%s/.config", o_dir);
	int ret;

	strvec_pushl(&cp.args, "sh", "scripts/config", "--file", config, NULL);
	strvec_pushv(&cp.args, args);
	cp.dir = wt;
	cp.capture_out = 1;
	cp.quiet_err = 1;
	ret = run_command(&cp);
	if (out && cp.out)
		strvec_split_lines(out, cp.out);
	child_process_clear(&cp);
	free(config);
	return ret;
}

/* defconfig + fragment + olddefconfig + prepare; the symbols olddefconfig dropped */
static const char *configure(const char *wt, const struct arch_desc *a, const char *o_dir,
			     const char *log, struct build_cell *c)
{
	const char *const *frags[] = { common_fragment, a->fragment, NULL };

	if (make1(wt, a, o_dir, log, a->defconfig))
		return "make defconfig failed";
	for (int f = 0; frags[f]; f++)
		if (kconfig(wt, o_dir, frags[f], NULL))
			return "scripts/config failed";
	if (make1(wt, a, o_dir, log, "olddefconfig"))
		return "make olddefconfig failed";
	/* olddefconfig drops what the arch cannot have, silently: read it back */
	for (int f = 0; frags[f]; f++) {
		for (const char *const *p = frags[f]; p[0] && p[1]; p += 2) {
			const char *q[] = { "-s", p[1], NULL };
			struct strvec val = STRVEC_INIT;

			if (strcmp(p[0], "-d") && !kconfig(wt, o_dir, q, &val) &&
			    (!val.nr || (strcmp(val.v[0], "y") && strcmp(val.v[0], "m"))))
				strvec_push(&c->fragment_dropped, p[1]);
			strvec_clear(&val);
		}
	}
	if (make1(wt, a, o_dir, log, "prepare"))
		return "make prepare failed";
	return NULL;
}

static int checkout(const char *wt, const char *rev)
{
	char *out = NULL;
	int ret = run_capture(&out, wt, "git", "checkout", "-q", "--detach", rev, NULL);

	free(out);
	return ret ? error("cannot check out %s in %s: %s%s", rev, wt, run_capture_error(),
			   full_disk_hint(run_capture_error(), wt)) : 0;
}

int build_matrix(const char *wt, const char *base, const char *head, const struct strvec *files,
		 const struct strvec *arch_names, const char *out_dir, int jobs,
		 struct build_cell **cells, size_t *nr_cells)
{
	const char *const *names = arch_names ? (const char *const *)arch_names->v : build_arch_names;
	struct strvec *targets, *fail_base;
	struct timespec *t0;
	size_t n = 0;
	int failed = 0;

	while (names[n])
		n++;
	*cells = xcalloc(n ? n : 1, sizeof(**cells));
	targets = xcalloc(n ? n : 1, sizeof(*targets));
	fail_base = xcalloc(n ? n : 1, sizeof(*fail_base));
	t0 = xcalloc(n ? n : 1, sizeof(*t0));
	*nr_cells = n;
	if (mkdir(out_dir, 0777) && access(out_dir, W_OK))
		return error("cannot create %s", out_dir);

	/* before the series: configure, prepare, build; what fails here is not ours */
	if (checkout(wt, base))
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct arch_desc *a = find_arch(names[i]);
		struct build_cell *c = &(*cells)[i];
		char *gcc, *o_dir, *log;
		const char *why;

		c->arch = names[i];
		clock_gettime(CLOCK_MONOTONIC, &t0[i]);
		if (!a) {
			c->state = "skipped";
			c->reason = xstrfmt("unknown architecture (kseries builds %s)",
					    "x86_64, arm64, arm, powerpc, mips");
			continue;
		}
		gcc = xstrfmt("%sgcc", a->cross);
		if (!program_exists(gcc)) {
			/* a missing compiler is a skipped cell with the fix, never a pass */
			c->state = "skipped";
			c->reason = xstrfmt("%s not found: apt-get install %s (or make deps)", gcc,
					    a->package);
			free(gcc);
			continue;
		}
		free(gcc);
		info("build: %s: configure, prepare, objects before the series", a->name);
		o_dir = xstrfmt("%s/%s", out_dir, a->name);
		log = xstrfmt("%s/%s-before.log", out_dir, a->name);
		mkdir(o_dir, 0777);
		build_targets(wt, a->srcarch, files, &targets[i]);
		why = configure(wt, a, o_dir, log, c);
		if (why) {
			c->state = "failed";
			c->reason = xstrfmt("%s: see %s", why, log);
			failed++;
		} else if (targets[i].nr) {
			char *text;

			struct strvec other = STRVEC_INIT;

			make(wt, a, o_dir, jobs, log, &targets[i]);
			text = read_file(log);
			build_failed_objects(text ? text : "", &fail_base[i], &other);
			free(text);
			/* the build itself failed (a host tool, prepare): no object was tried */
			if (other.nr) {
				c->state = "failed";
				c->reason = xstrfmt("the build fails before any object, at %s (toolchain?): "
						    "see %s", other.v[0], log);
				failed++;
			}
			strvec_clear(&other);
		}
		free(o_dir);
		free(log);
	}

	/* after the series: the same objects; a new failure is the series' fault */
	if (checkout(wt, head))
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct arch_desc *a = find_arch(names[i]);
		struct build_cell *c = &(*cells)[i];
		struct strvec fail_head = STRVEC_INIT, other = STRVEC_INIT;
		char *o_dir, *log, *text;

		if (c->state)
			goto done;
		info("build: %s: objects after the series", a->name);
		o_dir = xstrfmt("%s/%s", out_dir, a->name);
		log = xstrfmt("%s/%s.log", out_dir, a->name);
		make(wt, a, o_dir, jobs, log, &targets[i]);
		text = read_file(log);
		build_failed_objects(text ? text : "", &fail_head, &other);
		free(text);
		if (other.nr)
			strvec_pushf(&c->regressions, "%s (the build itself)", other.v[0]);
		strvec_clear(&other);
		for (size_t t = 0; t < fail_head.nr; t++)
			strvec_push(strvec_contains(&fail_base[i], fail_head.v[t]) ?
				    &c->not_buildable : &c->regressions, fail_head.v[t]);
		for (size_t t = 0; t < targets[i].nr; t++) {
			int bad = 0;

			/* a folder target is built when none of its objects failed */
			for (size_t f = 0; f < fail_head.nr && !bad; f++)
				bad = !strncmp(fail_head.v[f], targets[i].v[t], strlen(targets[i].v[t]));
			if (!bad)
				strvec_push(&c->built, targets[i].v[t]);
		}
		if (c->regressions.nr) {
			c->state = "failed";
			c->reason = xstrfmt("%zu objects build before the series and fail after it: see %s",
					    c->regressions.nr, log);
			failed++;
		} else {
			c->state = "ok";
		}
		strvec_clear(&fail_head);
		free(o_dir);
		free(log);
done:
		c->seconds = since(&t0[i]);
	}
	for (size_t i = 0; i < n; i++) {
		strvec_clear(&targets[i]);
		strvec_clear(&fail_base[i]);
	}
	free(targets);
	free(fail_base);
	free(t0);
	return failed;
}

int build_patches(const char *wt, const struct strvec *commits, const struct strvec *files,
		  const struct strvec *subjects, const struct strvec *all_files,
		  struct build_cell *cells, size_t nr_cells, const char *out_dir, int jobs)
{
	int failed = 0;

	for (size_t p = 0; p < commits->nr; p++) {
		int header = 0;

		if (checkout(wt, commits->v[p]))
			return -1;
		for (size_t f = 0; f < files[p].nr; f++) {
			size_t n = strlen(files[p].v[f]);

			header |= n > 2 && !strcmp(files[p].v[f] + n - 2, ".h");
		}
		for (size_t i = 0; i < nr_cells; i++) {
			const struct arch_desc *a = find_arch(cells[i].arch);
			struct strvec targets = STRVEC_INIT, fails = STRVEC_INIT;
			char *o_dir, *log, *text;

			if (!a || !cells[i].state || strcmp(cells[i].state, "ok"))
				continue;
			/* a header reaches every object of the arch; a .c file only its own */
			build_targets(wt, a->srcarch, header ? all_files : &files[p], &targets);
			if (!targets.nr) {
				strvec_clear(&targets);
				continue;
			}
			o_dir = xstrfmt("%s/%s", out_dir, a->name);
			log = xstrfmt("%s/%s-patch-%04zu.log", out_dir, a->name, p + 1);
			make(wt, a, o_dir, jobs, log, &targets);
			text = read_file(log);
			build_failed_objects(text ? text : "", &fails, &fails);
			free(text);
			for (size_t k = 0; k < fails.nr; k++)
				if (!strvec_contains(&cells[i].not_buildable, fails.v[k]))
					strvec_pushf(&cells[i].bisect_failures, "%04zu %s: %s", p + 1,
						     subjects->v[p], fails.v[k]);
			if (!cells[i].bisect_failures.nr)
				remove(log);	/* keep only the logs that show a problem */
			cells[i].patches_built++;
			strvec_clear(&targets);
			strvec_clear(&fails);
			free(o_dir);
			free(log);
		}
	}
	for (size_t i = 0; i < nr_cells; i++) {
		if (cells[i].bisect_failures.nr && !strcmp(cells[i].state, "ok")) {
			cells[i].state = "failed";
			free(cells[i].reason);
			cells[i].reason = xstrfmt("%zu objects fail to build in the middle of the series: "
						  "not bisectable", cells[i].bisect_failures.nr);
			failed++;
		}
	}
	return failed;
}

static int c_compiled(const char *out_dir, const struct build_cell *c, const char *file)
{
	size_t n = strlen(file);
	char *obj = xstrfmt("%.*s.o", (int)(n - 2), file), *path;
	int ok;

	path = xstrfmt("%s/%s/%s", out_dir, c->arch, obj);
	ok = !access(path, F_OK) && !strvec_contains(&c->regressions, obj) &&
	     !strvec_contains(&c->not_buildable, obj);
	free(path);
	free(obj);
	return ok;
}

static int header_compiled(const char *out_dir, const struct build_cell *c, const char *file)
{
	char *dir = xstrfmt("%s/%s", out_dir, c->arch), *out = NULL;
	/* Kbuild's .cmd files list every header an object read; the demo's .d files too */
	int ret = run_capture(&out, NULL, "grep", "-rlqF", "--include=.*.cmd", "--include=*.d",
			      "-e", file, dir, NULL);

	free(out);
	free(dir);
	return ret == 0;
}

void build_coverage(const char *out_dir, const struct build_cell *cells, size_t nr_cells,
		    const struct strvec *changed, struct strvec *compiled, struct strvec *not_compiled)
{
	for (size_t f = 0; f < changed->nr; f++) {
		const char *file = changed->v[f];
		size_t n = strlen(file);
		int is_c = n > 2 && !strcmp(file + n - 2, ".c"), ok = 0;

		for (size_t i = 0; i < nr_cells && !ok; i++) {
			if (!cells[i].state || !strcmp(cells[i].state, "skipped"))
				continue;
			ok = is_c ? c_compiled(out_dir, &cells[i], file) :
				    header_compiled(out_dir, &cells[i], file);
		}
		strvec_push(ok ? compiled : not_compiled, file);
	}
}

void build_cells_free(struct build_cell *cells, size_t nr)
{
	for (size_t i = 0; i < nr; i++) {
		strvec_clear(&cells[i].bisect_failures);
		free(cells[i].reason);
		strvec_clear(&cells[i].built);
		strvec_clear(&cells[i].regressions);
		strvec_clear(&cells[i].not_buildable);
		strvec_clear(&cells[i].fragment_dropped);
	}
	free(cells);
}
