#ifndef KSERIES_MANIFEST_H
#define KSERIES_MANIFEST_H

#include "lib/strvec.h"

/* One patch of the series, as cocci/series.json describes it. */
struct manifest_patch {
	char *subject;
	char *message;		/* the shared "preamble", a blank line, the patch's own */
	struct strvec rules;	/* rule files, relative to the cocci folder */
	struct strvec paths;	/* files this patch owns */
	char *diff;		/* a hand edit: the author's patch file (relative to the
				   series folder), applied instead of rules */
	/* "message_with": {"NAME": message}: the message when that option (or probe) is on */
	struct strvec with_option, with_message;
};

/*
 * A list of objects whose fields are all strings, kept row by row:
 * cell(t, row, col) is field col of object row, in the order the loader
 * names the fields.
 */
struct manifest_table {
	struct strvec cells;
	size_t rows, cols;
};

static inline const char *cell(const struct manifest_table *t, size_t row, size_t col)
{
	return t->cells.v[row * t->cols + col];
}

/* The columns of each table. */
enum { OPTION_NAME, OPTION_DEFINE, OPTION_HELP };		/* "options" */
enum { PROBE_DEFINE, PROBE_TEXT };				/* "probes" */
enum { WATCH_NAME, WATCH_TEXT, WATCH_CONFIG };			/* "runtime"."watch" */
enum { KIND_PREFIX, KIND_KEY, KIND_LABEL };			/* "kinds" */
enum { TARGET_FILES, TARGET_BUILD_IN, TARGET_WHEN };		/* "build"."targets" */
enum { CONFIG_ARCH, CONFIG_SETTING };		/* "build"."config" and "defconfigs" */
enum { VARIANT_NAME, VARIANT_ARCH, VARIANT_FILES, VARIANT_WHY };	/* "build"."variants" */

/* The series as data: the driver knows nothing of any one refactoring. */
struct manifest {
	char *dir;		/* the series folder */
	char *name;
	char *cover;
	char *macro_file;	/* spatch --macro-file, relative to dir */
	/*
	 * "probes": -D DEFINE for the rules when some candidate file contains
	 * TEXT; "options": --NAME on the command line gives -D DEFINE.
	 */
	struct manifest_table probes, options;
	/*
	 * Per option (options' rows): what the cover letter says with it on
	 * ("said_on") and off ("said_off"), "" for nothing; and whether the
	 * stable trees' form (--stable) turns it on ("stable": true).
	 */
	struct strvec option_said_on, option_said_off;
	int *option_stable;
	/* "kinds": findings whose message starts with PREFIX, counted as KEY/LABEL */
	struct manifest_table kinds;
	/* "build": Kconfig settings per arch ("all" for every arch), and targets */
	struct manifest_table config, targets;
	struct manifest_table defconfigs;	/* "build"."defconfigs": ARCH -> defconfig */
	/*
	 * "build"."variants": extra cells, an arch configured another way (its
	 * "config" rows are in config under the variant's name, and replace the
	 * series' own), building only the files under FILES (space-separated
	 * prefixes): a config the proof needs, such as one without the API.
	 */
	struct manifest_table variants;
	size_t api_patch;	/* the patch that removes the API: catch-alls go before it */
	/*
	 * "audit": rules run in report mode on out-of-tree code (each line a
	 * finding "FILE:LINE:COL: SEVERITY: MESSAGE [ID]"), and the program
	 * that writes a fix of a mode (python3 PROGRAM MODE DIR FINDINGS.json).
	 */
	struct strvec audit_rules, audit_fix_modes;
	struct strvec audit_convert;	/* rules --fix convert runs on a module's uses */
	struct strvec audit_convert_ids;	/* the finding IDs they convert ("kseries-call") */
	char *audit_fix;
	/*
	 * "runtime" (kseries boot): the probe module's folder, the guest
	 * program's C files, the test kernel's init, runs per scenario, the
	 * Kconfig fragment over the build's, a distribution kernel's modules to
	 * load, and the kernel log lines to watch (NAME, TEXT, the CONFIG
	 * without which the check is vacuous).
	 */
	char *runtime_probe, *runtime_init;
	struct strvec runtime_guest, runtime_config, runtime_modules;
	struct manifest_table runtime_watch;
	long runtime_runs;
	struct strvec tokens;	/* prefilter: files must hold one of these */
	/*
	 * "exclude": paths (a folder ends in '/') or fnmatch patterns of files
	 * that are not the series' (a user-space copy of the API in tools/):
	 * never candidates, residuals or built.
	 */
	struct strvec exclude;
	/*
	 * The message prefixes of findings no rule converts ("by hand", and
	 * each "kinds" entry with "residual": true): such a finding holds the
	 * API removal back, whichever rule printed it.
	 */
	struct strvec residual_kinds;
	struct strvec order;	/* every rule file, in the order a whole-tree run applies them */
	/*
	 * Checks run on every file a rewrite changed ("checks": rules in report
	 * mode, and the tokens whose lines the check must have seen).
	 */
	struct strvec check_rules;
	struct strvec check_tokens;
	char *catchall_subject;	/* printf format, %s: the file's subject prefix */
	char *catchall_message;	/* with the preamble too */
	struct manifest_table catchall_prefixes;	/* FOLDER, PREFIX: subject prefixes by folder */
	struct manifest_patch *patches;
	size_t nr_patches;
};

/* Load DIR/series.json; returns 0, or -1 after an error naming the problem. */
int manifest_load(struct manifest *m, const char *cocci_dir);
/* file (relative to the tree) is left out by "exclude" */
int manifest_excluded(const struct manifest *m, const char *file);
/* message (a finding's, after "FILE:LINE:COL: ") is of a residual kind */
int manifest_residual_kind(const struct manifest *m, const char *message);
/* Every rule file of the series once, in "order" (or order of first use). */
void manifest_rules(const struct manifest *m, struct strvec *out);
void manifest_clear(struct manifest *m);
/* The row of "options" called name, or -1. */
long manifest_option(const struct manifest *m, const char *name);
/*
 * A patch's message: its "message_with" for an option or probe that is on
 * (its define in defines: the convert's, probes and options), else its own.
 */
const char *manifest_message(const struct manifest *m, const struct manifest_patch *p,
			     const struct strvec *defines);
/*
 * What the cover letter says of the series' options: each option's
 * "said_on" or "said_off", by whether its define is in defines, one
 * paragraph; NULL when none says anything (caller frees).
 */
char *manifest_options_said(const struct manifest *m, const struct strvec *defines);

#endif
