#ifndef KSERIES_OPTIONS_H
#define KSERIES_OPTIONS_H

#include <stdio.h>
#include "lib/strvec.h"

/*
 * One option parser for every command, on glibc's getopt_long: a command
 * gives a table of its options (in the manner of git's parse-options), and
 * the same table prints its usage. Every command also takes --help,
 * --quiet, --verbose, --series DIR and the options the series declares
 * (series.json "options"), each of which selects a -D for the rules.
 */
enum opt_kind {
	OPT_KIND_END,
	OPT_KIND_FLAG,		/* int *: set to ->set_to */
	OPT_KIND_STRING,	/* const char **: the last one given */
	OPT_KIND_LIST,		/* struct strvec *: every one given, in order */
	OPT_KIND_JOBS,		/* int *: a whole number from 1 to 1024 */
};

struct opt {
	enum opt_kind kind;
	const char *name;	/* long name, without "--" */
	int short_name;		/* 0: none */
	void *value;
	const char *arg;	/* what the value is called in the usage ("DIR") */
	const char *help;	/* one line; the table prints it beside the option */
	int set_to;
};

#define OPT_FLAG(l, s, v, h)		{ OPT_KIND_FLAG, l, s, v, NULL, h, 1 }
#define OPT_CLEAR(l, v, h)		{ OPT_KIND_FLAG, l, 0, v, NULL, h, 0 }
#define OPT_STRING(l, s, v, a, h)	{ OPT_KIND_STRING, l, s, v, a, h, 0 }
#define OPT_LIST(l, s, v, a, h)		{ OPT_KIND_LIST, l, s, v, a, h, 0 }
#define OPT_JOBS(v)			{ OPT_KIND_JOBS, "jobs", 'j', v, "N", \
	"at most N processes at once (spatch workers, revisions); default: the CPUs", 0 }
#define OPT_END()			{ OPT_KIND_END, NULL, 0, NULL, NULL, NULL, 0 }

struct command_usage {
	const char *name;	/* "rewrite" */
	const char *synopsis;	/* after "kseries NAME ": "[options] DIR" */
	const char *about;	/* what it does, before the options */
	const char *after;	/* exit status and the like, after the options */
	int min_args, max_args;	/* positional arguments; max -1: any */
};

/*
 * Parse argv (argv[0] is the command's name) against opts and the common
 * options; positional arguments go to args, the -D defines of the series
 * options given go to defines. --help prints the usage and exits 0; any
 * error is one line naming the option, and exit 2.
 */
/* Did the command line turn the series option of this define off (--no-NAME)? */
int option_turned_off(const char *define);
void parse_options(int argc, char **argv, const struct command_usage *u, const struct opt *opts,
		   struct strvec *args, struct strvec *defines);
/* The usage of a command, as --help prints it. */
void print_options_usage(FILE *f, const struct command_usage *u, const struct opt *opts);
/* The default of OPT_JOBS: the number of CPUs online. */
int default_jobs(void);

#endif
