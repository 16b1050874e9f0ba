#ifndef KSERIES_PARSE_REPORT_H
#define KSERIES_PARSE_REPORT_H

#include <stddef.h>
#include "rules/rules.h"

/*
 * Say what spatch could not parse in the tree dir: each failure's function
 * named from the file where spatch gave none, then one warning per spot
 * (or per file, for many spots or macro definitions). Returns the count of
 * failures in code that uses the API.
 */
int parse_report(const char *dir, struct parse_failure *f, size_t nr, const char *macro_file);

#endif
