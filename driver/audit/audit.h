#ifndef KSERIES_AUDIT_H
#define KSERIES_AUDIT_H

#include <stddef.h>
#include <stdio.h>
#include <jansson.h>
#include "core/manifest.h"
#include "lib/strvec.h"

/* One finding: "FILE:LINE:COL: SEVERITY: MESSAGE [ID]", columns from 1. */
struct finding {
	char *file;		/* as the user gave its folder, e.g. "mydrv/mn.c" */
	long line, col;
	char *severity;		/* "error", "warning", "note" */
	char *message;
	char *id;		/* "kseries-verdict" */
};

struct audit {
	struct finding *f;
	size_t nr, alloc;
	size_t files;		/* C files holding the tokens */
	struct strvec roots;	/* per C file audited: the folder given, its path inside */
	struct strvec rels;	/* it, and its path as findings name it */
	struct strvec paths;
	char *patch_base;	/* what a fix patch's paths are relative to (fix_paths.h) */
};

/*
 * Parse one line a rule printed (columns from 0, as spatch gives them) with
 * file relative to root; 0, or -1 when it is not a finding.
 */
int audit_parse_line(struct audit *a, const char *root, const char *line);
void audit_add(struct audit *a, const char *file, long line, long col, const char *severity,
	       const char *message, const char *id);
/* Stable order: file, line, column, id, message. */
void audit_sort(struct audit *a);
/* 1 when a finding is a warning or an error (exit status 1). */
int audit_has_problems(const struct audit *a);
void audit_write_text(FILE *f, const struct audit *a);
/* One finding as a JSON object, its path given as file. */
json_t *audit_finding_json(const struct finding *f, const char *file);
/* JSON (docs/audit.md) or SARIF 2.1.0; 0 or -1. */
int audit_write_json(FILE *f, const struct audit *a);
int audit_write_sarif(FILE *f, const struct audit *a, const struct manifest *m);
void audit_clear(struct audit *a);

/* file's path in a fix patch (and in the copies it is made from): caller frees */
char *audit_patch_path(const struct audit *a, const char *file);
/*
 * The whole audit of paths (files or folders) with the series' audit rules:
 * the C files holding the tokens, notes for other files that mention them,
 * the parse check, the rules. 0, or -1 on an environment error.
 */
int audit_run(struct audit *a, const struct manifest *m, const struct strvec *paths,
	      const struct strvec *defines, int jobs,
	      const char *scratch);

#endif
