#ifndef KSERIES_FIXUPS_H
#define KSERIES_FIXUPS_H

#include "lib/strvec.h"

/*
 * Apply every kernel-fixups/build/NAME.fixup (dir) whose line is found in the
 * tree wt; the names of the ones applied go to applied. 0, or -1 on a
 * malformed fixup (named in the error).
 */
int fixups_apply(const char *dir, const char *wt, struct strvec *applied);
/* Where the fixups are: next to the rules (KSERIES_FIXUPS_DIR overrides). */
const char *kseries_fixups_dir(void);
/*
 * The fixups of the tree's own tools (kernel-fixups/tools: an old
 * get_maintainer.pl on today's Perl), applied to a scratch copy of the tool,
 * never to the tree (KSERIES_TOOL_FIXUPS_DIR overrides).
 */
const char *kseries_tool_fixups_dir(void);

#endif
