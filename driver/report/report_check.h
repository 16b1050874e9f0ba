#ifndef KSERIES_REPORT_CHECK_H
#define KSERIES_REPORT_CHECK_H

#include <jansson.h>

/*
 * A report.json (OUT/<rev>/report.json) or matrix.json read back, checked
 * against docs/report-schema.md: NULL when it is one kseries could have
 * written, else what is wrong, naming the key ("build.archs[2].state is
 * not a string"; caller frees).
 */
char *report_check_report(json_t *root);
char *report_check_matrix(json_t *root);
/* Is name one folder name (not empty, no '/', not "." or "..")? */
int report_check_plain_name(const char *name);

#endif
