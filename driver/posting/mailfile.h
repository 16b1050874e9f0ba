#ifndef KSERIES_MAILFILE_H
#define KSERIES_MAILFILE_H

#include "lib/strvec.h"

/*
 * The patch files git format-patch writes are mails: a header block, a
 * blank line, the body. What posting adds to them, in place.
 */

/*
 * Add the header "Name: a,\n b" (folded as format-patch folds --cc) after
 * the existing headers; a header of that name already there (--to of
 * format-patch) is merged into it, its addresses first and none repeated.
 * Nothing is written when no address is new. 0 or -1.
 */
int mail_add_header(const char *path, const char *name, const struct strvec *addrs);
/*
 * Unfold the From: and Subject: headers onto one line each: b4 0.12's am
 * copies them raw and dies on a folded one ("Header values may not contain
 * linefeed"), and both fit the 998 characters a header line may have. 0 or -1.
 */
int mail_unfold(const char *path);
/*
 * "Name <addr>" with a name that is not plain ASCII encoded as RFC 2047
 * (=?UTF-8?q?...?=), as format-patch encodes its headers. Caller frees.
 */
char *mail_encode_entry(const char *entry);
/* The value of the first header name in text ("Subject"), unfolded; NULL if none. */
char *mail_header(const char *text, const char *name);

#endif
