#ifndef KSERIES_BLAME_H
#define KSERIES_BLAME_H

#include "lib/strvec.h"
#include "proof/hunks.h"

/*
 * Which commit of base..tip made a line of the diff (git blame): the one
 * that wrote an added line, or removed a removed one. A vendor branch's
 * unexpected change is then named by its commit, and --expect takes whole
 * commits as the series'.
 */
struct blame {
	const char *wt, *base, *tip;
	const struct hunks *h;
};

/* The commit that made line nr of file (an added line, else a removed one): its sha, or NULL. */
char *blame_line(const struct blame *b, const char *file, long nr);
/* "0123456789ab ("subject")" of the commit that made "file:line", or NULL (caller frees). */
char *blame_where(const struct blame *b, const char *where);
/* Did one of commits (full shas) make every line of hunk hk? */
int blame_hunk_in(const struct blame *b, const struct hunk *hk, const struct strvec *commits);

#endif
