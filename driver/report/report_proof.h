#ifndef KSERIES_REPORT_PROOF_H
#define KSERIES_REPORT_PROOF_H

#include <jansson.h>
#include <stdio.h>
#include "proof/proof.h"

/* report.json "build"."proof": per hunk the arches that compiled it, what none did and why. */
json_t *proof_json(const struct build_proof *p, const struct build_cell *cells, size_t nr_cells,
		   int incomplete);
/* Cell i's "proof": hunks it compiled, functions identical/changed/unexpected; null: none. */
json_t *proof_cell_json(const struct build_proof *p, size_t i);
/* report.txt's proof section. */
void proof_text(FILE *f, const struct build_proof *p, const struct build_cell *cells,
		size_t nr_cells, int incomplete);
/* matrix.txt's proof column from a report.json ("13/13", "12/13 incomplete", "+2 unexpected"). */
void proof_column(json_t *report, char *buf, size_t size);

#endif
