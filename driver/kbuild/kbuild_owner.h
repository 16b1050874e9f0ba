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
 * The Kconfig symbols that gate obj (a path relative to the tree wt), in
 * the tree's Makefiles (or Kbuild files): the one its folder lists it
 * under (obj-$(CONFIG_X) += x.o), its composite's (drm-$(CONFIG_Y) +=
 * x.o, obj-$(CONFIG_DRM) += drm.o), and each folder's on the way up (obj-
 * $(CONFIG_Z) += sub/). Into gates, nearest first.
 */
void kbuild_object_gates(const char *wt, const char *obj, struct strvec *gates);

#endif
