#ifndef KSERIES_PROOF_H
#define KSERIES_PROOF_H

#include "matrix/cell.h"
#include "matrix/matrix.h"
#include "lib/strvec.h"
#include "proof/hunks.h"
#include "proof/identity.h"
#include "proof/lineproof.h"

/* What the proof found on one cell of the matrix. */
struct proof_cell {
	int proved;			/* the proof ran on this cell */
	size_t hunks_compiled;		/* hunks whose code lines this arch compiled, every one */
	struct ident_result ident;	/* functions before and after */
	int warned;			/* its makes warned with W=1 (and sparse): compared */
	size_t warnings_after;		/* warnings after the series, of the objects it built */
	size_t warnings_old;		/* of those, there before it too */
	struct strvec new_warnings;	/* the others: "mm/rmap.c:12: unused variable ..." */
};

/*
 * The proof of a diff base..tip over the matrix: its hunks (each line's
 * arches), the line proof's and the identity's state and costs, and per
 * cell (the matrix's order) what it found there.
 */
struct build_proof {
	struct hunks hunks;
	struct lineproof lines;
	struct identity ident;
	struct proof_cell *cells;
	size_t nr_cells;
	struct strvec not_in_run;	/* arches left out that would compile unproven lines */
};

/*
 * Read base..tip in wt. tokens: a hunk is the series' when it (or another
 * hunk of its function) names one; NULL: every hunk is (kseries wrote them).
 * expect: commits whose hunks are the series' too (or NULL).
 */
int proof_init(struct build_proof *p, const char *wt, const char *base, const char *tip,
	       const struct strvec *tokens, const struct strvec *expect);
/*
 * The hooks that run the proof on each cell of build_matrix: before the
 * series, the removed lines and the objects kept for the identity; after
 * it, the added lines and every function compared (an unexpected change
 * fails the cell). warnings (MAKE_W1, MAKE_SPARSE): the makes warn so, and
 * a warning after the series that was not there before it fails the cell.
 */
struct matrix_hooks proof_hooks(struct build_proof *p, int warnings);
/* After the matrix: the reasons for what no arch compiled, the per-cell hunk figures. */
void proof_finish(struct build_proof *p, const struct build_cell *cells, size_t nr_cells);
/*
 * Is the proof complete (every line of code compiled on some arch)? *incomplete
 * says; returns 1 when that fails the revision (not allow_unproven), else
 * 0. No proof at all (p NULL: the diff could not be read) is incomplete.
 */
int proof_judge(const struct build_proof *p, int allow_unproven, int *incomplete);
void proof_clear(struct build_proof *p);

#endif
