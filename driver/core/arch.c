/*
 * The architectures kseries builds, as data: each one's ARCH, SRCARCH,
 * cross compiler, defconfigs and the toolchain settings gcc 12 needs. Below
 * everything that reads it (the manifest's checks, the matrix, the report).
 */
#include <string.h>
#include "core/arch.h"
#include "lib/usage.h"

/*
 * What the toolchain of this machine needs, whatever the series: the
 * series' own Kconfig settings (what makes its users build) are data, in
 * series.json "build"."config".
 */
const char *const arch_common_toolchain[] = {
	"-d", "DEBUG_INFO", "-d", "SECURITY_SELINUX", "-d", "STACK_VALIDATION", NULL,
};
static const char *const powerpc_toolchain[] = { "-e", "PPC_DISABLE_WERROR", NULL };
static const char *const no_toolchain[] = { NULL };

static const struct arch_desc archs[] = {
	{ "x86_64", "x86_64", "x86", "", "x86_64_defconfig", "gcc", no_toolchain, NULL, NULL, NULL },
	{ "arm64", "arm64", "arm64", "aarch64-linux-gnu-", "defconfig", "gcc-aarch64-linux-gnu",
	  no_toolchain, NULL, NULL, NULL },
	{ "arm", "arm", "arm", "arm-linux-gnueabi-", "multi_v7_defconfig", "gcc-arm-linux-gnueabi",
	  no_toolchain, NULL, NULL, NULL },
	{ "powerpc", "powerpc", "powerpc", "powerpc64le-linux-gnu-",
	  "powernv_defconfig ppc64le_defconfig pseries_le_defconfig pseries_defconfig ppc64_defconfig",
	  "gcc-powerpc64le-linux-gnu", powerpc_toolchain,
	  /* little-endian powerpc came in 3.13: older trees are built big-endian */
	  "CPU_LITTLE_ENDIAN", "powerpc64-linux-gnu-", "gcc-powerpc64-linux-gnu" },
	{ "mips", "mips", "mips", "mips-linux-gnu-", "malta_defconfig", "gcc-mips-linux-gnu",
	  no_toolchain, NULL, NULL, NULL },
};

const char *const arch_names[] = { "x86_64", "arm64", "arm", "powerpc", "mips", NULL };

void arch_check_names(const struct strvec *names)
{
	for (size_t i = 0; names && i < names->nr; i++) {
		int known = 0;

		for (size_t k = 0; arch_names[k]; k++)
			known |= !strcmp(names->v[i], arch_names[k]);
		if (!known)
			die("unknown architecture '%s': kseries builds x86_64, arm64, arm, powerpc, mips",
			    names->v[i]);
	}
}

const struct arch_desc *arch_find(const char *name)
{
	for (size_t i = 0; i < sizeof(archs) / sizeof(archs[0]); i++)
		if (!strcmp(archs[i].name, name))
			return &archs[i];
	return NULL;
}
