#ifndef KSERIES_RULES_H
#define KSERIES_RULES_H

#include "lib/strvec.h"

/* How one run of the rules is set up; every spatch option is explicit. */
struct rules_opts {
	const char *cocci_dir;	/* the series folder: where the rule files live */
	const char *macro_file;	/* spatch --macro-file, a path */
	const char *tmp_dir;	/* scratch folder of this run (file groups, -j) */
	int jobs;
	struct strvec defines;	/* extra -D virtuals */
};

/*
 * Files under dir (relative paths) that hold any of the tokens: git grep in a
 * git work tree, grep -r elsewhere. Returns 0 or -1.
 */
int rules_candidates(const char *dir, const struct strvec *tokens, struct strvec *files);
/* 1 if any of files (relative to dir) contains text. */
int rules_any_file_contains(const char *dir, const struct strvec *files, const char *text);

/* A spot spatch could not parse. */
struct parse_failure {
	char *file;
	int line;
	int first, last;	/* the lines spatch skipped around it (its "bad:" lines) */
	char *function;		/* best guess, or "?" */
	int holds_tokens;	/* the unparsed code holds a token: an error */
	int in_macro;		/* the failure is inside a #define body */
	int attribute;		/* the error line holds an __attribute__ (no macro helps) */
	int whole_file;		/* spatch's parser died on the file (a rule run would too) */
};

/* files without those spatch's parser died on (parse_failure.whole_file) */
void parse_failures_drop_dead(struct strvec *files, const struct parse_failure *f, size_t nr);

/* Parse each file with spatch --parse-c; collect what failed. */
int rules_parse_check(const struct rules_opts *o, const char *dir, const struct strvec *files,
		      const struct strvec *tokens, struct parse_failure **out, size_t *nr);
void parse_failures_free(struct parse_failure *f, size_t nr);
/* Parse spatch --parse-c output of one file into failures; exposed for tests. */
void rules_parse_output(const char *file, const char *text, const struct strvec *tokens,
			struct parse_failure **out, size_t *nr);

/*
 * Run one rule file in mode "patch" (in place) or "report" on files (relative
 * to dir). Report lines are appended to *report (sorted by the caller).
 * Returns 0, or -1 when spatch failed (its stderr is shown).
 */
int rules_run(const struct rules_opts *o, const char *dir, const char *rule, const char *mode,
	      const struct strvec *files, struct strvec *report);
/*
 * The same for each of rules, side by side (at most o->jobs spatch runs
 * at once): for independent runs only (report mode; patch mode on rule
 * files that change different things). Report lines in rules' order.
 */
int rules_run_each(const struct rules_opts *o, const char *dir, const struct strvec *rules,
		   const char *mode, const struct strvec *files, struct strvec *report);

#endif
