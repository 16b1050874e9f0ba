#ifndef KSERIES_RUN_H
#define KSERIES_RUN_H

#include <sys/types.h>
#include "lib/strvec.h"

/*
 * One subprocess: an argv vector run with exec (never through a shell), an
 * optional working directory, and optionally captured output.
 */
struct child_process {
	struct strvec args;
	const char *dir;	/* chdir here in the child; NULL: stay */
	int capture_out;	/* collect stdout into ->out */
	int capture_err;	/* collect stderr into ->err */
	int quiet_err;		/* send stderr to /dev/null (ignored if capturing) */
	const char *in_file;	/* stdin from this file; NULL: /dev/null */
	const char *out_file;	/* send stdout to this file (truncated) */
	char *out, *err;	/* NUL-terminated captured output, or NULL */
	size_t out_len, err_len;
	const char *err_file;	/* send stderr to this file (truncated) */
	int err_to_out;		/* stderr to wherever stdout goes (out_file) */
	int timeout;		/* seconds; 0: as long as it takes (with progress notes) */
	const char *timeout_var;	/* the variable that sets it, named when it is hit */
	const char *tmp_dir;	/* TMPDIR in the child (a folder the cleanup removes) */
	/*
	 * The stack as large as the hard limit allows: spatch's parser recurses
	 * deep on long files ("Stack overflow"), its own advice is ulimit -s.
	 */
	int big_stack;
	/*
	 * A job of kseries itself (run_parallel): the forked child runs
	 * fn(fn_data) and exits with what it returns; args[0] names the job.
	 */
	int (*fn)(void *fn_data);
	void *fn_data;
	struct strvec env;	/* "NAME=VALUE" set in the child */
	/* called now and then while it runs (a progress line), in the parent */
	void (*tick)(void *tick_data);
	void *tick_data;

	/* set by start_command, for finish_command */
	pid_t pid;
	int status_fd, out_pipe, err_pipe;
	long start_ms;
	long end_ms;		/* when it ended (finish_command, run_parallel): its own time */
};

#define CHILD_PROCESS_INIT { .args = STRVEC_INIT, .env = STRVEC_INIT, .pid = -1, .status_fd = -1, \
	.out_pipe = -1, .err_pipe = -1 }

/*
 * Start cp (every redirection above is honoured here, whoever calls):
 * 0, or -1 after an error naming the program. Then finish_command reads
 * what it captures, waits for it and decodes its status as run_command
 * says. A started command must be finished.
 */
int start_command(struct child_process *cp);
int finish_command(struct child_process *cp);

/*
 * A quick query (a version, a probe) that should answer at once: its
 * timeout in seconds, KSERIES_QUERY_TIMEOUT or 60.
 */
int run_query_timeout(void);
/*
 * A tool of the tree or of the mail chain (get_maintainer.pl, checkpatch.pl,
 * b4, send-email) gets a time limit: KSERIES_TOOL_TIMEOUT seconds, or 600.
 */
void run_tool_limit(struct child_process *cp);

/*
 * Run the command to completion. Returns its exit status (0..255); 128+N
 * when it died of signal N (reported as an error); -1 when it could not be
 * started at all (missing program, bad directory) or ran past its timeout
 * (killed; reported as an error naming the command). A child still running
 * after KSERIES_PROGRESS seconds (default 60; 0: never) gets a note on
 * stderr, repeated at that interval, so a hang is never silent.
 */
int run_command(struct child_process *cp);
/* Free the argv and captured output; the struct can be reused after. */
void child_process_clear(struct child_process *cp);
/* Shorthand: run argv (NULL-terminated list) in dir, capture stdout into *out. */
int run_capture(char **out, const char *dir, ...);
/*
 * What the last run_capture that failed wrote on stderr, on one line (""
 * when it said nothing): the reason to give in the caller's error.
 */
const char *run_capture_error(void);
/*
 * The one scheduler: run n jobs (commands, or kseries' own fn jobs), at
 * most jobs at a time; a job starts as soon as any running one ends. The
 * same redirections, clocks and status as run_command; the pipes of every
 * running job are read together. results[i] gets each status. Returns 0
 * when all exited 0, else -1.
 */
int run_parallel(struct child_process *cps, size_t n, int jobs, int *results);
/* Search PATH for an executable; 1 if found. */
int program_exists(const char *name);

#endif
