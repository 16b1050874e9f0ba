#ifndef KSERIES_TREENAMES_H
#define KSERIES_TREENAMES_H

#include "lib/strvec.h"

/*
 * The first defconfig of wanted, then of fallback (space-separated lists;
 * fallback may be NULL), that the tree wt has for arch/srcarch; NULL when
 * none is there. *note (caller frees) says the choice when a wanted name
 * was not there ("ppc64le_defconfig (powernv_defconfig: not in this
 * tree)"), or why none could be chosen; NULL when the first one was taken.
 */
char *treenames_defconfig(const char *wt, const char *srcarch, const char *wanted,
			  const char *fallback, char **note);
/*
 * The symbols of syms (names without CONFIG_) that no Kconfig file of the
 * tree that arch/srcarch reads defines, into unknown. A git grep that
 * cannot run reports nothing unknown.
 */
void treenames_kconfig_unknown(const char *wt, const char *srcarch, const struct strvec *syms,
			       struct strvec *unknown);

/*
 * The Kconfig target that fills in new symbols with their defaults:
 * "olddefconfig", or "oldnoconfig" in trees before 3.7 that lack it.
 */
/*
 * Why olddefconfig dropped sym from config (a .config's text): "depends on
 * X && !Y; off here: X", from the "depends on" lines of its Kconfig entries
 * in the tree (git grep in wt); NULL when they say nothing. Caller frees.
 */
char *treenames_kconfig_why_off(const char *wt, const char *sym, const char *config);
const char *treenames_olddefconfig(const char *wt);
/* Is CONFIG_sym y or m in the text of a .config (as scripts/config -s would say)? */
int treenames_config_on(const char *config_text, const char *sym);

#endif
