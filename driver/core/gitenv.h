#ifndef KSERIES_GITENV_H
#define KSERIES_GITENV_H

#include <stddef.h>

/*
 * Pin, for every git command kseries runs from now on (children inherit
 * it), the settings of the user's git config that would change kseries'
 * output or make it fail: hooks off, no signing, no CR LF, format-patch's
 * and diff's forms. Call once, first.
 */
void gitenv_pin(void);
/* The i-th pinned setting's name (and *value), or NULL past the last. */
const char *gitenv_pinned(size_t i, const char **value);

#endif
