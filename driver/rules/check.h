#ifndef KSERIES_CHECK_H
#define KSERIES_CHECK_H

#include <stddef.h>
#include "core/manifest.h"
#include "lib/strvec.h"
#include "rules/rules.h"

/*
 * The series' own checks on what a rewrite wrote (the manifest's "checks":
 * report-mode rules and the tokens of the lines they must see). Kept apart
 * from the rules that wrote the code, so a rule's mistake cannot hide itself.
 */

/* Line numbers, sorted and unique. */
struct linelist {
	int *v;
	size_t nr, alloc;
};

#define LINELIST_INIT { NULL, 0, 0 }

void linelist_add(struct linelist *l, int line);
int linelist_has(const struct linelist *l, int line);
void linelist_clear(struct linelist *l);

/* New-file line numbers a `diff -U0` output adds or changes. */
void check_diff_added(const char *diff, struct linelist *added);

/*
 * Judge one file's check output (lines "FILE:L:C: seen", "FILE:L:C: note:
 * text" and "FILE:L:C: msg [l1,l2,...]", FILE relative). Notes on written
 * lines go to notes. Findings that involve a written line are printed as
 * errors and pushed to messages, and so is every written line the check never
 * saw (a function spatch could not parse is unchecked, never passed).
 * Returns the number of problems; *unchecked gets how many were unseen lines.
 */
int check_judge(const char *file, const struct strvec *output, const struct linelist *written,
		int *unchecked, struct strvec *messages, struct strvec *notes);

/*
 * Run the manifest's checks on files (relative to dir) against their texts
 * before the rewrite (before[i] for files->v[i]). Files where a check fails
 * are pushed to bad: the caller puts them back as they were. Returns the
 * number of problems, or -1 when a check could not run.
 */
int check_written(const struct rules_opts *o, const struct manifest *m, const char *dir,
		  const struct strvec *files, char *const *before, struct strvec *bad,
		  int *unchecked, struct strvec *messages, struct strvec *notes);

/* git diff -U0 of before (a text) against the file at path; NULL after an error. */
char *check_diff_u0(const char *tmp_dir, const char *path, const char *before);
/*
 * The layout of what the rules wrote in each of files (relative to dir;
 * before: their texts before the rules): rules/layout.h's findings into
 * findings. 0, or -1 after an error.
 */
int check_layout(const char *tmp_dir, const char *dir, const struct strvec *files,
		 char *const *before, struct strvec *findings);

#endif
