#ifndef KSERIES_RESIDUALS_H
#define KSERIES_RESIDUALS_H

#include "lib/strvec.h"
#include "rules/convert.h"

/*
 * The uses of the API left where no rule could see them once the rules
 * have run on dir: in code spatch cannot parse and in macro bodies no rule
 * rewrote (rules/uses.h), in every candidate and every file spatch's parser
 * died on. changed: the files whose text changed since convert_prepare
 * (their parse failures are found again, on their new text); findings: the
 * report on dir as it is now. Residual lines into left. 0, or -1 when
 * spatch's parse check failed.
 */
int residuals_uses_left(struct convert *c, const char *dir, const struct strvec *changed,
			const struct strvec *findings, struct strvec *left);

/* A changed file's text before the series (caller's to free), or NULL: none. */
typedef char *text_before_fn(const char *file, void *data);

/*
 * The uses of what the API removal deletes: every function, initialised
 * variable or macro that one of the removal entry's files among changed
 * defines in its text before (text_before) and no longer does now (under
 * dir), used as a whole identifier anywhere in the candidates (outside
 * comments and literals, parsed by spatch or not) on a line no finding or
 * earlier residual names: it would no longer build. A residual line each
 * into left.
 */
void residuals_removed_uses(struct convert *c, const char *dir, const struct strvec *changed,
			    text_before_fn *text_before, void *data,
			    const struct strvec *findings, struct strvec *left);

/*
 * The findings of before (the report before the rules) of a residual kind
 * (manifest_residual_kind: "by hand", ...) that after (the report now)
 * does not repeat with the same file and message: no rule converts such a
 * use, so when the report no longer names it, the rule lost its match
 * (the removal took what it matched beside the use), not the use. Each is
 * a residual, into left, with its line of before.
 */
void residuals_by_hand(const struct manifest *m, const struct strvec *before,
		       const struct strvec *after, struct strvec *left);
/*
 * The lines the rules printed in patch mode (convert.patch_said) that are
 * findings of a residual kind: a rule that saw a use it would not convert.
 * Into left, unless the report (after) or left already names that line.
 */
void residuals_said(const struct manifest *m, const struct strvec *said,
		    const struct strvec *after, struct strvec *left);

/*
 * The residual lines of file ("FILE:LINE:...") in lines are numbered on its
 * text after the rules; diff (git diff -U0, its text before against that)
 * renumbers them as the text before: for a file that goes back as it was
 * (the API removal left out), so each names the line the user will see.
 */
void residuals_renumber(struct strvec *lines, const char *file, const char *diff);
/* Line n of the text after a -U0 diff, as a line of the text before it. */
long residuals_line_before(const char *diff, long n);

#endif
