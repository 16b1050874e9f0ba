#ifndef KSERIES_CSCAN_H
#define KSERIES_CSCAN_H

#include <stddef.h>
#include "lib/strvec.h"

/*
 * What the line proof and the object identity need to know of a C file,
 * read without a compiler: which lines hold code, which preprocessor
 * conditional group each line sits in, and where functions, types and
 * initialised variables begin and end.
 */
struct cgroup {
	int parent;		/* -1 for the file's top level (group 0) */
	long line;		/* of the #if/#ifdef/#elif/#else that opens it */
	char *directive;	/* its text, or for #else "#else of <the #if>" */
};

enum cextent_kind { EXTENT_FUNCTION, EXTENT_TYPE, EXTENT_VARIABLE };

struct cextent {
	enum cextent_kind kind;
	char *name;		/* function, type tag or variable */
	long first, last;	/* lines, inclusive: from its head to its closing brace */
	int is_static;		/* "static" in its head: the compiler may inline, clone or drop it */
	struct strvec members;	/* a type's members */
	char *body;		/* its code text (comments and strings removed) */
};

struct cscan {
	size_t nr_lines;
	int *group;		/* [line]: its group (index 1..nr_lines) */
	unsigned char *code;	/* [line]: 1 when it holds code */
	struct cgroup *groups;
	size_t nr_groups;
	struct cextent *extents;
	size_t nr_extents;
};

void cscan_text(struct cscan *s, const char *text);
/* The extent (function, type, variable) line nr sits in, or NULL. */
const struct cextent *cscan_extent_at(const struct cscan *s, long nr);
/* The identifiers of a piece of code text, each once. */
void cscan_identifiers(const char *text, struct strvec *out);
/* Whether text uses identifier id as a whole word. */
int cscan_mentions(const char *text, const char *id);
void cscan_clear(struct cscan *s);

#endif
