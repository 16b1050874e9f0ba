#ifndef KSERIES_RESULT_H
#define KSERIES_RESULT_H

#include <stddef.h>
#include "matrix/cell.h"
#include "lib/strvec.h"

struct build_proof;

/* How a revision ended; REV_FAILED until it is known to be good. */
enum rev_state { REV_FAILED, REV_CONVERTED, REV_ALREADY_CONVERTED };
/* "failed", "converted", "already-converted": the report's words */
const char *rev_state_name(enum rev_state s);

/* One patch of a revision's series, as it came out. */
struct patch_result {
	char *subject;
	struct strvec files;
	int catch_all;		/* a file no manifest entry names */
	int cp_errors, cp_warnings;	/* checkpatch.pl of the tree, -1: not run */
	struct strvec cp_messages;	/* its --terse lines */
	int cp_already;		/* of them: on lines the series touched, there before it */
	struct strvec to;	/* its To: header (--to and the maintainers of its files) */
	struct strvec cc;	/* its Cc: header (--cc, reviewers and lists) */
	char *cc_error;		/* why get_maintainer.pl gave nothing, or NULL */
	char *upstream;		/* --stable: its upstream commit, or NULL: new for this tree */
	int cp_stable_line;	/* checkpatch flagged that line: not counted */
};

/* What posting the series needs, and what the mail tools said of it (posting.c). */
struct posting_result {
	char *base_describe;	/* git describe of the base */
	int version;		/* 2 of [PATCH v2 ...]; 1 */
	char *recipients;	/* where the Cc lines came from, or why there are none */
	struct strvec cover_to;	/* the cover letter's To: every patch's */
	struct strvec cover_cc;	/* and its Cc: every patch's, less those in To: */
	struct strvec lists;	/* of those, the mailing lists */
	char *previous;		/* the earlier series compared (--previous), or NULL */
	int previous_version;
	struct strvec added, dropped, changed;	/* git range-diff against it */
	char *range_diff;		/* its text, for the cover letter as format-patch --range-diff */
	char *stable;		/* --stable UPSTREAM-REV, or NULL */
	struct strvec upstream_log;	/* its history, while the patches are committed */
	struct strvec checks;	/* "ok ...", "WARNING ...", "ERROR ..." */
	int check_errors;
};

/* What one revision's run found and did: the report's content. */
struct rev_result {
	char *rev;		/* as the user gave it */
	char *commit;		/* its sha */
	enum rev_state state;
	char *error;		/* why it failed, or NULL */
	size_t candidates;
	int searched;		/* the token search and parse check finished: candidates holds */
	struct strvec findings;	/* report-mode lines before the rewrite */
	struct strvec residuals;	/* report-mode lines after it */
	struct strvec parse_failures;	/* "file:line: function: kind" */
	int parse_errors;
	struct strvec check_failures;	/* the series' checks on what was written */
	int unchecked;			/* of those: lines no check could see */
	struct strvec check_notes;	/* what the checks say of what was written */
	struct strvec layout;		/* written lines too wide or wrongly indented */
	struct strvec idle_patches;	/* patches whose rules changed none of their files */
	char *api_note;		/* the API removal left out (or kept) while uses remain */
	struct patch_result *patches;
	size_t nr_patches;
	int files_changed, insertions, deletions;
	char *branch;		/* created with --branch, or NULL */
	char *checkpatch;	/* "run", or why it was not */
	struct build_cell *cells;	/* the build matrix row, or NULL (--no-build) */
	size_t nr_cells;
	char *build_note;	/* why there is no build, or what was done to the tree */
	struct strvec compiled, not_compiled;	/* changed files compiled on some arch, or not */
	struct build_proof *proof;	/* lines compiled, functions compared; NULL: none */
	int proof_incomplete;		/* a line of code no arch compiled */
	int build_failed;
	int cp_new_errors;	/* checkpatch ERRORs the series brought (cp_new_errors) */
	struct posting_result post;
	double seconds;
};

void posting_result_clear(struct posting_result *p);
void rev_result_clear(struct rev_result *r);

#endif
