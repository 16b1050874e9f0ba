#ifndef KSERIES_RULE_JOBS_H
#define KSERIES_RULE_JOBS_H

#include <stddef.h>
#include "lib/strvec.h"
#include "rules/rules.h"

/* Some rule files, in order, in patch mode, on some files. */
struct rule_job {
	const struct strvec *rules;
	struct strvec files;
};

/*
 * Run every job's rules on its files, up to o->jobs jobs at once, each in a
 * process of its own: files are converted independently, so jobs on
 * different files may run side by side (one slow file no longer holds the
 * others back). Jobs that share a file run one after the other, in order.
 * One job on many files is cut into batches, one per slot. The lines the
 * rules print in patch mode ("FILE:LINE:COL: by hand: ...") go to said.
 * Returns 0, or -1 when a spatch run failed (its error is shown).
 */
int rule_jobs_run(const struct rules_opts *o, const char *dir, const struct rule_job *jobs,
		  size_t n, struct strvec *said);

#endif
