#ifndef KSERIES_RULE_CHECK_H
#define KSERIES_RULE_CHECK_H

#include "core/manifest.h"
#include "lib/strvec.h"

/*
 * Before any work: every rule file the series names (its patches' rules,
 * "order", the checks, the audit's) exists and parses, with the defines
 * it will get (spatch --parse-cocci -D patch -D report and the options
 * given, those it declares), side by side, jobs at once. A rule that does
 * not would be met in the middle of a run, after earlier rules changed the
 * tree. 0, or -1 after one error per bad file naming it, the line and the
 * patch that uses it.
 */
int rule_check_files(const struct manifest *m, const struct strvec *defines, int jobs);
/* The "FILE:LINE: ..." of spatch --parse-cocci's output, or NULL. Exposed for tests. */
char *rule_check_error(const char *out);

#endif
