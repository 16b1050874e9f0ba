#ifndef KSERIES_BISECT_H
#define KSERIES_BISECT_H

#include "matrix/cell.h"
#include "core/manifest.h"
#include "kbuild/make_step.h"
#include "lib/strvec.h"

/*
 * Bisectability: check out each commit of the series in turn and build, on
 * every arch whose cell is ok, the objects that commit touched (all the
 * arch's objects when it touched a header). commits[i] goes with files[i]
 * and subjects[i]. A failure that is not already in not_buildable fails the
 * cell. Leaves the worktree at the last commit. Returns the failed cells,
 * or -1 when a commit could not be checked out.
 */
int bisect_patches(const char *wt, const struct strvec *commits, const struct strvec *files,
		   const struct strvec *subjects, const struct strvec *all_files,
		   const struct manifest_table *target_rows, struct build_cell *cells, size_t nr_cells,
		   const char *out_dir, int jobs);
/*
 * What patch p's make (job) did on cell c: its failures that are not
 * already not buildable go to c->bisect_failures ("NNNN subject: object");
 * the log is removed when it shows no problem.
 */
void bisect_judge_patch(struct build_cell *c, size_t p, const char *subject, struct make_job *job);

#endif
