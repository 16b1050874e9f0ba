#ifndef KSERIES_KBUILD_OWNER_H
#define KSERIES_KBUILD_OWNER_H

#include "lib/strvec.h"

/*
 * The Kconfig symbol, among wanted ("SYMBOL=y" settings), that brings the
 * object obj (a path relative to the tree wt, as make printed it) into the
 * build: the first folder up from obj whose Makefile (or Kbuild) has an
 * obj-$(CONFIG_SYMBOL) line of a wanted symbol. NULL when none does (the
 * object is the defconfig's own). Caller frees.
 */
char *kbuild_owner_symbol(const char *wt, const char *obj, const struct strvec *wanted);

/*
 * The Kconfig symbol under which obj's own folder's Makefile (or Kbuild)
 * lists it: "X" of an "...-$(CONFIG_X) += ... name.o" line, NULL when
 * none does (built always, or through another folder). Caller frees.
 */
char *kbuild_object_symbol(const char *wt, const char *obj);

#endif
