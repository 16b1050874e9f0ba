#ifndef KSERIES_CMDFILE_H
#define KSERIES_CMDFILE_H

#include "lib/strvec.h"

/*
 * Make targets as objects: dir/file.o, or a folder: every object compiled
 * under it or linked into its objects (built-in.o and other composites
 * are not objects of their own: their members are).
 */
void cmdfile_objects(const char *o_dir, const struct strvec *targets, struct strvec *objs);
/* Kbuild's saved compiler line for obj (o_dir/dir/.file.o.cmd), as gcc -E -dD; NULL if none. */
char *cmdfile_cpp_command(const char *cmd_file_text, const char *obj);
/* The same compiler line with flags in place of what writes files ("-E -fdirectives-only"). */
char *cmdfile_compile_as(const char *cmd_file_text, const char *obj, const char *flags);

/* o_dir/dir/.file.o.cmd of object dir/file.o (caller frees). */
char *cmdfile_path(const char *o_dir, const char *obj);
/* Does a .cmd's dependency list (or source) name path of the tree? */
int cmdfile_reads(const char *cmd_file_text, const char *path);

#endif
