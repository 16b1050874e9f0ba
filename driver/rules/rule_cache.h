#ifndef KSERIES_RULE_CACHE_H
#define KSERIES_RULE_CACHE_H

#include "lib/strvec.h"

/*
 * A rule file's result on one file, kept by content between runs (the
 * cache of core/cache.h, kind "rules"): what the rule wrote (patch mode)
 * and the lines it printed on that file. spatch runs every file on its
 * own (--no-includes, one file group each), so the result depends on the
 * key alone: the file's content, the rule file's text, the macro file's,
 * the -D defines given (the series' options and the probes of the tree),
 * the mode, spatch's identity (rules/spatch.h) and this format's version.
 * Patches apply in order, so a rule after another sees, and keys, the file
 * as the one before left it.
 */

/*
 * One file's key for a rule run (its path too: the lines it prints name it); NULL when it cannot be made, or when the
 * rule keeps python state from file to file (an @initialize: or
 * @finalize: rule: a look across the module), which is never cached.
 * Caller frees.
 */
char *rule_cache_key(const char *rule_text, const char *macro_file, const struct strvec *dflags,
		     const char *mode, const char *file, const char *content);
/*
 * The kept result of key, applied: in patch mode, file (dir/file) written
 * as the rule left it; the lines it printed on file appended to lines.
 * 1 when there was one, 0 when not (then nothing is touched).
 */
int rule_cache_apply(const char *key, const char *dir, const char *file, int patch,
		     struct strvec *lines);
/*
 * Keep the result of a run: the lines of report (spatch's, paths relative
 * to dir) that are file's, and in patch mode the file as it is now
 * (before: as it was: "same" is kept when they match).
 */
void rule_cache_store(const char *key, const char *dir, const char *file, int patch,
		      const char *before, const struct strvec *report);
/* Is this line of a report on file ("FILE:LINE:...")? */
int rule_cache_line_of(const char *line, const char *file);

#endif
