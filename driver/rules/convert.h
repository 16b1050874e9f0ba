#ifndef KSERIES_CONVERT_H
#define KSERIES_CONVERT_H

#include "core/manifest.h"
#include "lib/strvec.h"
#include "rules/rule_jobs.h"
#include "rules/rules.h"

/*
 * One conversion of one kernel tree: the manifest, the candidate files, the
 * parse check. rewrite and series both use it, so a fix here fixes both.
 */
struct convert {
	struct manifest m;
	struct rules_opts o;
	struct strvec order;		/* every rule, in whole-tree order */
	struct strvec files;		/* candidates: files holding a token */
	struct parse_failure *failures;
	size_t nr_failures;
	int parse_errors;		/* failures in code that uses the API */
	int check_problems;		/* the series' checks failed on what was written,
					   or a file was refused (mixed line endings) */
	int unchecked;			/* of those: written lines no check could see */
	struct strvec check_messages;	/* "file:line: what failed" */
	struct strvec check_notes;	/* "file:line: note" on what was written */
	struct strvec layout;		/* "file:line: ..." the written lines' width and
					   indentation (rules/layout.h): warnings */
	struct strvec patch_said;	/* the lines the rules printed in patch mode */
	struct strvec outside;		/* "file: a symbolic link to ...": API uses
					   behind links out of the tree, not rewritten */
	char *scratch;			/* scratch folder, removed at exit */
	char *macro_file;		/* the series' macro file, a path */
};

struct convert_opts {
	int jobs;
	struct strvec defines;	/* -D of the series options given (options.c) */
};

/*
 * Load the manifest, find the candidates under dir, parse-check them and
 * report the failures. Returns 0, or -1 after an error (bad environment).
 */
int convert_prepare(struct convert *c, const char *dir, const struct convert_opts *co);
/*
 * Run each job's rules (patch mode) on its files (rule_jobs.h: side by
 * side), tidy what they leave, run the series' checks once on all that
 * changed (a file that fails is put back and counted in check_problems),
 * and add to changed every file whose text changed, in the jobs' order.
 * Returns 0 or -1 (spatch failed).
 */
int convert_apply(struct convert *c, const char *dir, const struct rule_job *jobs, size_t n,
		  struct strvec *changed);
/*
 * Every candidate file under dir can be written (rewrite works in place):
 * 0, or -1 after an error that names the files.
 */
int convert_check_writable(const struct convert *c, const char *dir);
/*
 * The candidates the report (convert_report) found uses in: every use is
 * a finding (the residual check relies on it), so the rules have nothing
 * to change in the others (a token in a comment, a false friend).
 */
/* file is one of paths, or under one that ends in '/'. */
int convert_owned(const char *file, const struct strvec *paths);
/* Some manifest patch's paths hold file. */
int convert_owned_by_any(const struct manifest *m, const char *file);
/*
 * The series' own way (rewrite and series alike): each patch's rules on the
 * candidates with findings its paths hold, and every rule, in order, on
 * those no patch names; changed files are added to changed. 0 or -1.
 */
int convert_apply_owned(struct convert *c, const char *dir, const struct strvec *findings,
			struct strvec *changed);
/*
 * The patches whose rules changed none of the files with findings their
 * paths hold: a line each ("patch 3 (\"subject\"): ...") into idle.
 */
void convert_idle_patches(const struct convert *c, const struct strvec *findings,
			  const struct strvec *changed, struct strvec *idle);
void convert_files_with_findings(const struct convert *c, const struct strvec *findings,
				 struct strvec *files);
/* Every rule in report mode on every candidate; sorted lines into found. */
int convert_report(struct convert *c, const char *dir, struct strvec *found);
/* The same on some of the candidates. */
int convert_report_files(struct convert *c, const char *dir, const struct strvec *files,
			 struct strvec *found);
/*
 * The report after a change, from the report before it: files not in
 * changed keep their lines of before (same text, same defines, same
 * lines), the others are reported again. Sorted lines into found.
 */
int convert_report_again(struct convert *c, const char *dir, const struct strvec *before,
			 const struct strvec *changed, struct strvec *found);
void convert_clear(struct convert *c);

#endif
