#ifndef KSERIES_HAND_EDITS_H
#define KSERIES_HAND_EDITS_H

#include <stddef.h>
#include "core/manifest.h"
#include "lib/strvec.h"

/*
 * A hand edit: a "patches" entry with a "diff" (docs/manifest.md), the
 * author's own patch file, for the uses no rule can express. It applies
 * with git apply, whole or not at all, in manifest order.
 *
 * Apply entry i's diff to the tree dir. It may change only candidates
 * (files holding a token: a hand edit is for uses of the API), none that
 * the rules changed (rules_changed: it was written against the tree, and
 * its commit would take the rules' changes with it). The files it touched
 * go to touched. 0, or -1 after an error that names the entry, its file
 * and the reason (git's, when it does not apply).
 */
int hand_edit_apply(const struct manifest *m, size_t i, const char *dir,
		    const struct strvec *candidates, const struct strvec *rules_changed,
		    struct strvec *touched);

#endif
