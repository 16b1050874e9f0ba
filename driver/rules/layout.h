#ifndef KSERIES_LAYOUT_H
#define KSERIES_LAYOUT_H

#include "lib/strvec.h"

/*
 * The layout of the lines the rules wrote into file: diff is git diff -U0
 * of its text before against after, its text now. A written line is a
 * finding when it is wider than 80 columns (tabs to 8) while the lines it
 * replaces were not (spatch joined a value it reprinted), or indented less
 * than its statement's nesting wants (a branch that lost its indentation
 * reads as if it were outside the if). One "FILE:LINE: ..." line each, into
 * out; what the rules did not write is never judged.
 */
void layout_check(const char *file, const char *diff, const char *after, struct strvec *out);

#endif
