#ifndef KSERIES_CWORDS_H
#define KSERIES_CWORDS_H

#include <stddef.h>

/*
 * The identifiers of C text as the compiler would see them: never in a
 * comment, a string or a character literal. Each is given with its line
 * and whether it sits in a #define (the macro's name, parameters or body,
 * continuation lines included): the uses of an API that no rule could see
 * are found this way, whatever spatch made of the code.
 */
struct cword {
	const char *start;	/* into the text; len characters */
	size_t len;
	long line;		/* from 1 */
	int in_define;
};

/* Calls fn for each identifier in order; stops when fn returns nonzero. */
void cwords_each(const char *text, int (*fn)(const struct cword *w, void *data), void *data);

#endif
