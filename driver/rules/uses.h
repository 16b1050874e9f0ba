#ifndef KSERIES_USES_H
#define KSERIES_USES_H

#include <stddef.h>
#include "lib/strvec.h"
#include "rules/rules.h"

/*
 * The uses of the API no rule can account for, in one file's text: every
 * identifier holding a token (never in a comment or a literal) that sits
 * in code spatch could not parse (f: that file's failures, on this text),
 * or in a #define body with no finding of findings on its line. spatch's
 * report cannot name them, yet the API's removal would break them. One
 * residual line each, "FILE:LINE:COL: not converted: ..." (a column from
 * 0, as spatch's), into left.
 */
void uses_left_in(const char *file, const char *text, const struct strvec *tokens,
		  const struct parse_failure *f, size_t nr, const struct strvec *findings,
		  struct strvec *left);

#endif
