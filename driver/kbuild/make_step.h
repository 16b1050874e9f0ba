#ifndef KSERIES_MAKE_STEP_H
#define KSERIES_MAKE_STEP_H

#include "lib/strvec.h"

/*
 * A make of Kbuild targets in an O= folder: one cell's, or several cells'
 * side by side (they share the worktree's checkout, each its own O=).
 */

/*
 * What one make step did. An object counts as built only when this step
 * wrote it: the step's targets are removed from the O= folder first, so an
 * object an earlier step built never stands in for one this step failed to
 * rebuild. broken: why the step as a whole cannot be judged (make died of
 * a signal, could not run, failed without naming a target, or "succeeded"
 * without writing its objects); then the cell fails.
 */
struct make_step {
	struct strvec failed;	/* objects make named as failed, or did not write */
	struct strvec other;	/* other failed targets: the build itself */
	char *broken;
};

struct make_job {
	const char *name;		/* the cell, in progress lines */
	const char *arch, *cross;	/* ARCH=, CROSS_COMPILE= ("": none) */
	const char *o_dir, *log;
	const struct strvec *targets;
	int warnings;			/* MAKE_W1 | MAKE_SPARSE: make W=1, C=2 */
	double seconds;			/* make_runs: this job's own make, side by side or not */
	int whole;			/* a whole-kernel make (bzImage): progress from its log */
	struct make_step st;		/* make_step's and make_steps' answer */
};

/* The extra checks a make runs: Kbuild's W=1 warnings, sparse on each source (C=2). */
#define MAKE_W1 1
#define MAKE_SPARSE 2

#define MAKE_JOB_INIT { .st = { STRVEC_INIT, STRVEC_INIT, NULL } }

/* make -k -jJOBS of job's targets, as they are (no removal, no judging): its status */
int make_run(const char *wt, struct make_job *job, int jobs);
/* Remove the targets, make them, judge what make did into job->st. */
void make_step(const char *wt, struct make_job *job, int jobs);
/* make_run of n jobs, cores of them at a time, one progress line for all: statuses */
void make_runs(const char *wt, struct make_job *jobs, size_t n, int cores, int *results);
/* make_step of n jobs, cores of them at a time */
void make_steps(const char *wt, struct make_job *jobs, size_t n, int cores);
void make_step_clear(struct make_step *st);

/*
 * Objects a make -k log says failed ("*** [...: dir/file.o] Error N") into
 * out; other failed targets (scripts/dtc/dtc, prepare0: the build itself,
 * not an object) into other when not NULL.
 */
void make_failed_objects(const char *log, struct strvec *out, struct strvec *other);

#endif
