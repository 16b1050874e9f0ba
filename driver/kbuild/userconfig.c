#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "core/arch.h"
#include "kbuild/treenames.h"
#include "kbuild/userconfig.h"
#include "lib/fileio.h"
#include "lib/usage.h"

const char *userconfig_arch(const char *text)
{
	/* ARM64 before ARM: an arm64 .config has no CONFIG_ARM=y, but order it anyway */
	static const char *const by_symbol[][2] = {
		{ "X86_64", "x86_64" }, { "ARM64", "arm64" }, { "ARM", "arm" }, { "PPC", "powerpc" },
		{ "MIPS", "mips" },
	};

	for (size_t i = 0; i < sizeof(by_symbol) / sizeof(by_symbol[0]); i++)
		if (treenames_config_on(text, by_symbol[i][0]))
			return by_symbol[i][1];
	return NULL;
}

/* One --kconfig argument: "ARCH=FILE" or "FILE", checked; "ARCH=/abs/FILE" (caller frees). */
static char *check_one(const char *arg)
{
	const char *eq = strchr(arg, '='), *path = arg, *arch = NULL, *found;
	char *name = NULL, *text, abs[PATH_MAX], *ret;

	/* "arm=vendor.config"; a path with an '=' of its own stays a path */
	if (eq && eq > arg) {
		name = xstrndup(arg, eq - arg);
		if (arch_find(name)) {
			arch = name;
			path = eq + 1;
		}
	}
	if (!(text = read_file(path)) || !realpath(path, abs))
		die("--kconfig %s: cannot read %s: give the path of a .config file", arg, path);
	if (!strstr(text, "CONFIG_"))
		die("--kconfig %s: %s holds no CONFIG_ line: it is no .config (make "
			  "savedefconfig or a kernel's .config is)", arg, path);
	found = userconfig_arch(text);
	if (!arch && !found)
		die("--kconfig %s: cannot tell which arch %s is for (no CONFIG_X86_64, "
			  "CONFIG_ARM64, CONFIG_ARM, CONFIG_PPC or CONFIG_MIPS set): give --kconfig "
			  "ARCH=%s", arg, path, path);
	if (arch && found && strcmp(arch, found))
		die("--kconfig %s: %s is a .config for %s, not %s", arg, path, found, arch);
	ret = xstrfmt("%s=%s", arch ? arch : found, abs);
	free(text);
	free(name);
	return ret;
}

void userconfig_check(const struct strvec *args, const struct strvec *archs, struct strvec *out)
{
	for (size_t i = 0; i < args->nr; i++) {
		char *one = check_one(args->v[i]);
		char *arch = xstrndup(one, strcspn(one, "="));

		if (userconfig_for(out, arch))
			die("--kconfig: two .config files for %s: give one an arch", arch);
		if (archs && !strvec_contains(archs, arch))
			die("--kconfig %s: a .config for %s, which --arch leaves out: add --arch %s",
				  args->v[i], arch, arch);
		strvec_push(out, one);
		free(arch);
		free(one);
	}
}

const char *userconfig_for(const struct strvec *configs, const char *arch)
{
	size_t n = strlen(arch);

	for (size_t i = 0; configs && i < configs->nr; i++)
		if (!strncmp(configs->v[i], arch, n) && configs->v[i][n] == '=')
			return configs->v[i] + n + 1;
	return NULL;
}
