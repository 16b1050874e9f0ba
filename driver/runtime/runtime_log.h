#ifndef KSERIES_RUNTIME_LOG_H
#define KSERIES_RUNTIME_LOG_H

#include "lib/strvec.h"

/*
 * What one boot of a test kernel printed on its serial console: the lines
 * of the guest's init and scenario program ("kseries-rt: ..."), the
 * kernel's log (as printed, and as dmesg dumped at the end with
 * "kseries-dmesg: "), read into runs per scenario and problems.
 */
struct rt_scenario {
	char *name;
	int runs, pass, fail, skip;
	char *why;		/* the first failure's reasons, else the first skip's */
	char *counts;		/* callbacks of the first failing run, else of run 1 */
};

/* A kernel log line the series watches for ("watch": NAME, TEXT, CONFIG). */
struct rt_watch_hit {
	size_t hits;
	char *first;		/* the first line that matched */
};

struct rt_log {
	char *release;		/* uname -r: the kernel booted and ran /init */
	char *last;		/* the console's last line that is not the guest's, or NULL */
	int probe_loaded, begun, ended;
	struct strvec errors;	/* "kseries-rt: error ..." */
	struct strvec notes;	/* "kseries-rt: note ..." */
	struct strvec problems;	/* kernel oopses, BUGs, WARNINGs and panics */
	struct rt_scenario *sc;
	size_t nr_sc;
	struct rt_watch_hit *watch;	/* one per watched text */
	size_t nr_watch;
};

/* Read the console log text; watch: the texts to count in the kernel log. */
void rt_log_parse(struct rt_log *log, const char *text, const struct strvec *watch);
void rt_log_clear(struct rt_log *log);
/* The scenario called name, or NULL. */
const struct rt_scenario *rt_log_scenario(const struct rt_log *log, const char *name);

#endif
