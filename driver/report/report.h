#ifndef KSERIES_REPORT_H
#define KSERIES_REPORT_H

#include <stddef.h>
#include "core/manifest.h"
#include "lib/strvec.h"
#include "report/result.h"

/* Count findings whose message starts with kind ("caller", "callback", ...). */
size_t report_count(const struct strvec *findings, const char *kind);
/* Write dir/report.txt and dir/report.json. 0 or -1. */
int report_write(const char *dir, const struct rev_result *r, const struct manifest_table *kinds);
/* Write out/matrix.txt and out/matrix.json from every out/<rev>/report.json. */
int report_matrix(const char *out, const struct strvec *rev_dirs, const struct strvec *revs);
/* Print out/matrix.txt on stdout (not with --quiet). */
void report_show_matrix(const char *out);

#endif
