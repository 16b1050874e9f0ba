#ifndef KSERIES_BUILD_STAGE_H
#define KSERIES_BUILD_STAGE_H

#include "core/manifest.h"
#include "lib/strvec.h"
#include "report/result.h"

/* A build of base..head in the worktree wt (see series_build). */
struct build_request {
	const char *wt, *base, *head;
	const char *dir;		/* the O= folders, logs and kept objects */
	const struct strvec *files;	/* whose objects to build */
	const struct strvec *archs;	/* NULL: all five */
	const struct strvec *scope;	/* the tokens of the series' hunks; NULL: every hunk */
	const struct strvec *expect;	/* commits (full shas) whose hunks are the series' too */
	const struct manifest *m;
	int jobs, bisect, allow_unproven;
	int warnings;			/* MAKE_W1 | MAKE_SPARSE: new warnings fail a cell */
	const struct strvec *kconfigs;	/* --kconfig "ARCH=FILE"s, or NULL */
};
/*
 * The build matrix of base..head with its proof, then (q->bisect) each
 * commit but the last on its own, then the coverage of what r's patches
 * (the commits, in order) change: into r. Returns the failed cells (an
 * incomplete proof is one unless allow_unproven), or -1.
 */
int series_build(const struct build_request *q, struct rev_result *r);
/*
 * The warning checks of a build (wanted: not --no-warnings): MAKE_W1, and
 * MAKE_SPARSE when sparse is installed (a note says when it is not).
 */
int build_warning_checks(int wanted);
/*
 * Why a revision's build fails, in one line: each failed cell with its
 * reason, then the lines no arch compiled (unless allow_unproven) with the
 * first's reason; NULL when nothing failed (caller frees).
 */
char *build_failure(const struct rev_result *r, int allow_unproven);
/*
 * The cover letter's paragraph on the build: what was built, on which
 * arches, and what the proof showed; only what this run did (caller frees).
 */
char *build_statement(const struct rev_result *r, int bisect, int allow_unproven);
/* What the cover says until the build replaces it, and with --no-build. */
#define BUILD_PENDING "Build: kseries builds the series after writing it, and this paragraph " \
	"says what the build proved. If you read this, the build did not finish."
#define BUILD_NONE "Not built by kseries (--no-build): build it before posting."

#endif
