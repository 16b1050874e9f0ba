#ifndef KSERIES_RULES_INTERNAL_H
#define KSERIES_RULES_INTERNAL_H

#include "lib/run.h"
#include "lib/strvec.h"

struct rules_opts;

/*
 * The pieces of a spatch run rules.c makes and rule_run.c (the runs of
 * rule files, with their results kept by content) puts together.
 */

/* A folder for spatch's own temporary files inside the scratch folder. Caller frees. */
char *rules_spatch_tmp_dir(const struct rules_opts *o);
/*
 * The file groups file o->tmp_dir/name: one group per file, each seen
 * through the link "tree" to dir (or an alias for a name that is not
 * UTF-8). Its path, or NULL after an error. Caller frees.
 */
char *rules_file_groups(const struct rules_opts *o, const char *dir, const struct strvec *files,
			const char *name);
/* The spatch command of one rule file on groups into cp: 1 nothing to do in mode, 0, -1. */
int rules_rule_process(const struct rules_opts *o, const char *rule, const char *mode,
		       const char *groups, const char *prefix, const char *tmp,
		       struct child_process *cp);
/* What one run's status and output mean: its report lines into report; 0, or -1 named. */
int rules_rule_result(const char *rule, const char *mode, int ret, const struct child_process *cp,
		      const struct strvec *files, struct strvec *report);

#endif
