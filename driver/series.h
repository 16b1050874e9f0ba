#ifndef KSERIES_SERIES_H
#define KSERIES_SERIES_H

#include "convert.h"
#include "posting.h"
#include "report.h"

struct series_opts {
	const char *repo;		/* the user's kernel repo (read-only) */
	const char *branch_prefix;	/* --branch: create PREFIX/<rev> in repo */
	int signoff;
	const struct manifest *m;	/* the series: tokens, report kinds, build data */
	int build;			/* run the build matrix (not with --no-build) */
	int bisect;			/* and build after each patch (not with --no-bisect) */
	int allow_unproven;		/* a line no arch compiled does not fail the revision */
	const struct strvec *archs;	/* --arch, or NULL: all five */
	struct convert_opts co;
	struct posting_opts post;	/* recipients, reroll, stable form */
};

/* "v4.12" -> "v4.12", "origin/master" -> "origin-master": a folder name. */
char *series_dir_name(const char *rev);
/*
 * Regenerate the series on one revision (commit) in rev_dir: a worktree,
 * the manifest's patches committed in order, catch-all patches, residual
 * check, git format-patch, report. Returns 0, or 1 when the revision failed
 * or has residuals or parse errors; r holds what happened either way.
 */
int series_revision(const struct series_opts *so, const char *rev, const char *commit,
		    const char *rev_dir, struct rev_result *r);

/* A build of base..head in the worktree wt (see series_build). */
struct build_request {
	const char *wt, *base, *head;
	const char *dir;		/* the O= folders, logs and kept objects */
	const struct strvec *files;	/* whose objects to build */
	const struct strvec *archs;	/* NULL: all five */
	const struct strvec *scope;	/* the tokens of the series' hunks; NULL: every hunk */
	const struct manifest *m;
	int jobs, bisect, allow_unproven;
};
/*
 * The build matrix of base..head with its proof, then (q->bisect) each
 * commit but the last on its own, then the coverage of what r's patches
 * (the commits, in order) change: into r. Returns the failed cells (an
 * incomplete proof is one unless allow_unproven), or -1.
 */
int series_build(const struct build_request *q, struct rev_result *r);
/* Files changed, insertions, deletions of base..head (git diff --shortstat) into r. */
void series_diff_stats(const char *wt, const char *base, const char *head, struct rev_result *r);

#endif
