#ifndef KSERIES_COVERAGE_H
#define KSERIES_COVERAGE_H

#include "matrix/cell.h"
#include "lib/strvec.h"

/*
 * Which changed files were compiled on some arch after the series: a .c file
 * whose object is in an arch's O= folder and did not fail there; a header
 * that a compiled object's dependency list (.cmd, .d) names.
 */
void coverage_of(const char *out_dir, const struct build_cell *cells, size_t nr_cells,
		 const struct strvec *changed, struct strvec *compiled, struct strvec *not_compiled);

#endif
