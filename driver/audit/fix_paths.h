#ifndef KSERIES_FIX_PATHS_H
#define KSERIES_FIX_PATHS_H

#include "lib/strvec.h"

/*
 * The folder an audit's fix patch is relative to, so that `git apply` (or
 * `patch -p1`) takes it from there however PATH was spelt: the git work
 * tree's top level when every PATH is inside one (git apply reads paths
 * from there, wherever in the tree it runs); else the one PATH's folder (a
 * file's own folder); else the folder all PATHs share. Absolute, resolved.
 */
char *fix_base(const struct strvec *paths);
/* file relative to base ("kernel/x.c"); a file outside base keeps its own path, made relative */
char *fix_path(const char *base, const char *file);

#endif
