#ifndef KSERIES_SERIES_H
#define KSERIES_SERIES_H

#include "posting/posting.h"
#include "report/result.h"
#include "rules/convert.h"

struct series_opts {
	const char *repo;		/* the user's kernel repo (read-only) */
	const char *branch_prefix;	/* --branch: create PREFIX/<rev> in repo */
	int signoff;
	const struct manifest *m;	/* the series: tokens, report kinds, build data */
	int build;			/* run the build matrix (not with --no-build) */
	int bisect;			/* and build after each patch (not with --no-bisect) */
	int allow_unproven;		/* a line no arch compiled does not fail the revision */
	int warnings;			/* W=1 and sparse: a new warning fails a cell (not --no-warnings) */
	const struct strvec *archs;	/* --arch, or NULL: all five */
	const struct strvec *kconfigs;	/* --kconfig "ARCH=FILE"s, or NULL */
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

/* Files changed, insertions, deletions of base..head (git diff --shortstat) into r. */
void series_diff_stats(const char *wt, const char *base, const char *head, struct rev_result *r);

#endif
