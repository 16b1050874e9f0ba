#ifndef KSERIES_OBJCODE_H
#define KSERIES_OBJCODE_H

#include <stddef.h>

/*
 * The code of an object file, function by function, in a form that does
 * not change unless the code means something else: objdump -dr with
 * addresses dropped, jumps inside a function relative to it, relocations
 * resolved to the symbol (a static function, a variable) or the string
 * they point at, and compiler clone suffixes (.constprop.N, .isra.N,
 * .part.N, static locals' .N) made stable.
 */
struct objfunc {
	char *name;		/* normalised: foo, foo.constprop, foo.cold */
	char *code;		/* normalised instructions, one a line */
};

/* A symbol of data (and the section anchors gcc addresses data through). */
struct objsym {
	char *name;		/* normalised */
	char *section;
	unsigned long value;
};

struct objcode {
	struct objfunc *funcs;
	size_t nr;
	struct objsym *data;	/* the symbols outside code sections */
	size_t nr_data;
};

/* objdump (cross: its prefix, "" for the host) of path. 0, or -1 with *why set (caller frees). */
int objcode_read(struct objcode *oc, const char *cross, const char *path, char **why);
/* Parse objdump -h -t -dr output, and -s of the string sections (for tests). */
void objcode_parse(struct objcode *oc, const char *dis, const char *strings);
const struct objfunc *objcode_find(const struct objcode *oc, const char *name);
/* "foo.constprop.0" -> "foo.constprop"; "bar.1234" -> "bar" (caller frees). */
char *objcode_norm_name(const char *name);
void objcode_clear(struct objcode *oc);

#endif
