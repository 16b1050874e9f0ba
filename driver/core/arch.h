#ifndef KSERIES_ARCH_H
#define KSERIES_ARCH_H

#include "lib/strvec.h"

/* One architecture kseries builds. */
struct arch_desc {
	const char *name, *arch, *srcarch, *cross;
	const char *defconfig;	/* the ones to try, in order, space-separated */
	const char *package;
	const char *const *toolchain;	/* scripts/config args that keep gcc 12 building */
	/* a tree that lacks this Kconfig symbol builds with be_cross (big-endian only) */
	const char *le_symbol, *be_cross, *be_package;
};

/* The architectures kseries builds, in matrix order; NULL-terminated names. */
extern const char *const arch_names[];
/* scripts/config args every arch needs on this machine's toolchain, whatever the series. */
extern const char *const arch_common_toolchain[];
/* Each --arch name is one of them, or die naming it (exit 2). */
void arch_check_names(const struct strvec *names);
/* The arch called name, or NULL. */
const struct arch_desc *arch_find(const char *name);

#endif
