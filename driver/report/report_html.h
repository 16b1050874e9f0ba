#ifndef KSERIES_REPORT_HTML_H
#define KSERIES_REPORT_HTML_H

#include <jansson.h>

/*
 * Write out/matrix.html from matrix (matrix.json's object: "archs", the
 * columns, and "revisions", each with "dir" and its "build" cells). Links
 * are relative to out. 0 or -1.
 */
int report_matrix_html(const char *out, json_t *matrix);

#endif
