#ifndef KSERIES_MANIFEST_H
#define KSERIES_MANIFEST_H

#include "strvec.h"

/* One patch of the series, as cocci/series.json describes it. */
struct manifest_patch {
	char *subject;
	char *message;
	struct strvec rules;	/* rule files, relative to the cocci folder */
	struct strvec paths;	/* files this patch owns */
};

/* The series as data: the driver knows nothing of mmu_notifier itself. */
struct manifest {
	char *name;
	char *cover;
	char *api_member;	/* text whose presence enables api_has_* rules */
	struct strvec tokens;	/* prefilter: files must hold one of these */
	struct strvec order;	/* every rule file, in the order a whole-tree run applies them */
	/*
	 * Checks run on every file a rewrite changed ("checks": rules in report
	 * mode, and the tokens whose lines the check must have seen).
	 */
	struct strvec check_rules;
	struct strvec check_tokens;
	char *catchall_subject;	/* printf format, %s: the file's subject prefix */
	char *catchall_message;
	struct manifest_patch *patches;
	size_t nr_patches;
};

/* Load DIR/series.json; returns 0, or -1 after an error naming the problem. */
int manifest_load(struct manifest *m, const char *cocci_dir);
/* Every rule file of the series once, in "order" (or order of first use). */
void manifest_rules(const struct manifest *m, struct strvec *out);
void manifest_clear(struct manifest *m);

#endif
