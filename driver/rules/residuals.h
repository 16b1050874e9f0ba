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

#endif
