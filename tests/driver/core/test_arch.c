/* Unit tests of driver/core/arch.c: the architectures kseries builds. */
#include "lib/fileio.h"
#include "core/arch.h"
#include "unit.h"

static void check_names(void *arg)
{
	arch_check_names(arg);
}

int main(void)
{
	struct strvec good = STRVEC_INIT, bad = STRVEC_INIT;
	const struct arch_desc *a;
	size_t n = 0, described = 0;
	char *tmp = unit_tmpdir(), log[4200], *text;

	while (arch_names[n])
		n++;
	CHECK("arch_names: the five arches, x86_64 first", n == 5 && !strcmp(arch_names[0], "x86_64"));
	for (size_t i = 0; i < n; i++)
		described += arch_find(arch_names[i]) != NULL;
	CHECK("arch_find: every arch of arch_names is described", described == n);
	a = arch_find("x86_64");
	CHECK_STR("arch_find: x86_64 builds arch/x86", a ? a->srcarch : NULL, "x86");
	a = arch_find("arm64");
	CHECK_STR("arch_find: arm64's cross compiler", a ? a->cross : NULL, "aarch64-linux-gnu-");
	a = arch_find("powerpc");
	CHECK("arch_find: powerpc falls back to big-endian in trees without CPU_LITTLE_ENDIAN",
	      a && a->le_symbol && a->be_cross && !strcmp(a->le_symbol, "CPU_LITTLE_ENDIAN"));
	CHECK("arch_find: an arch kseries does not build is NULL", !arch_find("sparc"));
	strvec_pushl(&good, "arm", "mips", NULL);
	CHECK("arch_check_names: known names pass", unit_in_child(check_names, &good, NULL) == 0);
	strvec_pushl(&bad, "arm", "sparc", NULL);
	snprintf(log, sizeof(log), "%s/err", tmp);
	CHECK("arch_check_names: an unknown one is exit 2", unit_in_child(check_names, &bad, log) == 2);
	text = read_file(log);
	CHECK("arch_check_names: ... naming it and the ones kseries builds",
	      text && strstr(text, "'sparc'") && strstr(text, "x86_64, arm64, arm, powerpc, mips"));
	free(text);
	unlink(log);
	rmdir(tmp);
	strvec_clear(&good);
	strvec_clear(&bad);
	UNIT_EXIT();
}
