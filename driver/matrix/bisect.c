/*
 * Bisectability: each commit of a series built on its own, on every cell
 * that built the whole series, only the objects that commit reaches.
 */
#include <stdio.h>
#include <stdlib.h>
#include "matrix/bisect.h"
#include "core/worktree.h"
#include "kbuild/targets.h"
#include "lib/clock.h"
#include "lib/strbuf.h"
#include "lib/usage.h"

/*
 * The objects commit p reaches on cell c (all of the arch's when it touches
 * a header) that built after the series.
 */
static void patch_targets(const char *wt, const struct strvec *files, const struct strvec *all_files,
			  const struct manifest_table *target_rows, const struct build_cell *c,
			  struct strvec *targets)
{
	const struct arch_desc *a = cell_arch(c);
	int header = 0;

	for (size_t f = 0; f < files->nr; f++)
		header |= ends_with(files->v[f], ".h");
	targets_of_files(wt, a->srcarch, header ? all_files : files, target_rows, targets);
	if (c->only)
		targets_only_under(targets, c->only);
	/* what did not build after the series (not enabled, the toolchain) teaches nothing here */
	for (size_t t = targets->nr; t-- > 0;)
		if (!strvec_contains(&c->built, targets->v[t]))
			strvec_remove(targets, t);
}

/* What commit p's make did on a cell: its failures, beyond what never built */
void bisect_judge_patch(struct build_cell *c, size_t p, const char *subject, struct make_job *job)
{
	struct make_step *st = &job->st;

	strvec_pushv(&st->failed, (const char *const *)st->other.v);
	if (st->broken)
		strvec_pushf(&c->bisect_failures, "%04zu %s: %s", p + 1, subject, st->broken);
	for (size_t k = 0; !st->broken && k < st->failed.nr; k++)
		if (!strvec_contains(&c->not_buildable, st->failed.v[k]))
			strvec_pushf(&c->bisect_failures, "%04zu %s: %s", p + 1, subject,
				     st->failed.v[k]);
	if (!c->bisect_failures.nr)
		remove(job->log);	/* keep only the logs that show a problem */
	c->patches_built++;
}

int bisect_patches(const char *wt, const struct strvec *commits, const struct strvec *files,
		  const struct strvec *subjects, const struct strvec *all_files,
		  const struct manifest_table *target_rows, struct build_cell *cells, size_t nr_cells,
		  const char *out_dir, int jobs)
{
	struct make_job *step = xcalloc(nr_cells ? nr_cells : 1, sizeof(*step));
	struct strvec *targets = xcalloc(nr_cells ? nr_cells : 1, sizeof(*targets));
	size_t *cell_of = xcalloc(nr_cells ? nr_cells : 1, sizeof(*cell_of));
	int failed = 0;

	for (size_t p = 0; p < commits->nr && failed >= 0; p++) {
		size_t n = 0;

		if (worktree_checkout(wt, commits->v[p])) {
			failed = -1;
			break;
		}
		for (size_t i = 0; i < nr_cells; i++) {
			if (!cell_arch(&cells[i]) || cells[i].state != CELL_OK)
				continue;
			patch_targets(wt, &files[p], all_files, target_rows, &cells[i], &targets[n]);
			if (!targets[n].nr)
				continue;
			step[n] = cell_job(&cells[i], xstrfmt("%s/%s", out_dir, cells[i].arch),
					   xstrfmt("%s/%s-patch-%04zu.log", out_dir, cells[i].arch, p + 1),
					   &targets[n]);
			cell_of[n++] = i;
		}
		/* the cells of one commit side by side: they share its checkout */
		make_steps(wt, step, n, jobs);
		for (size_t k = 0; k < n; k++) {
			/* the cell's time, bisect included: its own make of this commit */
			cells[cell_of[k]].seconds += step[k].seconds;
			bisect_judge_patch(&cells[cell_of[k]], p, subjects->v[p], &step[k]);
			make_step_clear(&step[k].st);
			free((char *)step[k].o_dir);
			free((char *)step[k].log);
			strvec_clear(&targets[k]);
		}
	}
	for (size_t i = 0; failed >= 0 && i < nr_cells; i++) {
		if (cells[i].bisect_failures.nr && cells[i].state == CELL_OK) {
			cells[i].state = CELL_FAILED;
			free(cells[i].reason);
			cells[i].reason = xstrfmt("%zu objects fail to build in the middle of the series: "
						  "not bisectable", cells[i].bisect_failures.nr);
			failed++;
		}
	}
	free(step);
	free(targets);
	free(cell_of);
	return failed;
}
