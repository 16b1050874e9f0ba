#ifndef KSERIES_WARNINGS_H
#define KSERIES_WARNINGS_H

#include <stddef.h>

/*
 * The warnings of a make log, the compiler's and the checker's (sparse
 * writes gcc's format): "path:line[:col]: warning: text". The path is made
 * relative to the tree; each (file, line, text) once, however many objects
 * include the header it is in.
 */
struct build_warning {
	char *file;		/* relative to the tree, or as the log has it outside it */
	long line;
	char *text;		/* "unused variable 'x' [-Wunused-variable]" */
};

struct build_warnings {
	struct build_warning *v;
	size_t nr;
};

/* Read log (make's output run in wt with O=o_dir). */
void warnings_parse(struct build_warnings *w, const char *log, const char *wt, const char *o_dir);
void warnings_clear(struct build_warnings *w);

#endif
