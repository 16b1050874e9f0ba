/* make of Kbuild targets in an O= folder, for one cell or several side by side. */
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "kbuild/make_count.h"
#include "kbuild/make_step.h"
#include "kbuild/toolchain.h"
#include "lib/clock.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/usage.h"

void make_failed_objects(const char *log, struct strvec *out, struct strvec *other)
{
	struct strvec lines = STRVEC_INIT;

	strvec_split_lines(&lines, log);
	for (size_t i = 0; i < lines.nr; i++) {
		const char *l = lines.v[i], *open = strstr(l, "*** ["), *close, *colon;

		if (!open || !strstr(l, "] Error"))
			continue;
		close = strstr(open, "] Error");
		/* "[scripts/Makefile.build:303: drivers/x/y.o]": the last ": " part */
		colon = open + 5;
		for (const char *p = colon; p < close; p++)
			if (p[0] == ':' && p[1] == ' ')
				colon = p + 2;
		if (close <= colon)
			continue;
		{
			size_t len = (size_t)(close - colon);
			char *target = xstrndup(colon, len);
			int object = len > 2 && !strncmp(close - 2, ".o", 2);
			/* the wrappers make puts around any failure */
			int wrapper = !strcmp(target, "sub-make") || !strcmp(target, "__build") ||
				      !strcmp(target, "_all") || !strcmp(target, "__sub-make");
			struct strvec *to = object ? out : wrapper ? NULL : other;

			if (to && !strvec_contains(to, target))
				strvec_push(to, target);
			free(target);
		}
	}
	strvec_clear(&lines);
}

/* What makes of objects show while they run: the objects on disk of those asked */
struct make_progress {
	const struct make_job *jobs;
	size_t n;
	struct timespec t0;
	struct make_count *whole;	/* a make of no objects (bzImage): its log's count */
	double plain_at;		/* when a plain line was last written (not a terminal) */
};

/* Not a terminal: a plain line now and then, so a log shows how far a long make got */
#define PLAIN_EVERY 60.0

static size_t objects_of(const struct make_job *job, int on_disk)
{
	size_t done = 0;

	for (size_t i = 0; i < job->targets->nr; i++) {
		const char *t = job->targets->v[i];
		char *path;

		if (!ends_with(t, ".o"))
			continue;
		/* the step removed them first (remove_object): on disk means built now */
		path = xstrfmt("%s/%s", job->o_dir, t);
		done += !on_disk || !access(path, F_OK);
		free(path);
	}
	return done;
}

/* "build: x86_64: 5/13 objects (12s)"; side by side "build: x86_64 5/13, arm 2/13 objects (12s)" */
/*
 * "build: WHAT (12s)": on a terminal updated in place; otherwise a plain
 * line now and then ("so far") and one at the end.
 */
static void say_progress(struct make_progress *p, int end, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void say_progress(struct make_progress *p, int end, const char *fmt, ...)
{
	double t = seconds_since(&p->t0);
	char what[640];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (end)
		progress_end("build: %s (%.0fs)", what, t);
	else if (isatty(STDERR_FILENO))
		progress_update("build: %s (%.0fs)", what, t);
	else if (t - p->plain_at >= PLAIN_EVERY) {
		p->plain_at = t;
		progress_end("build: %s so far (%.0fs)", what, t);
	}
}

static void show_whole(struct make_progress *p, int end)
{
	size_t n = make_count_read(p->whole);
	char of[128] = "";

	if (p->whole->expected)
		snprintf(of, sizeof(of), " of about %zu (the last build of this config)",
			 p->whole->expected);
	say_progress(p, end, "%s: %zu files compiled%s", p->jobs[0].name, n, of);
}

static void show_progress(struct make_progress *p, int end)
{
	char line[512];
	size_t len = 0;

	if (p->whole) {
		show_whole(p, end);
		return;
	}
	for (size_t i = 0; i < p->n && len < sizeof(line); i++)
		len += (size_t)snprintf(line + len, sizeof(line) - len, "%s%s%s %zu/%zu",
					i ? ", " : "", p->jobs[i].name, p->n == 1 ? ":" : "",
					objects_of(&p->jobs[i], 1), objects_of(&p->jobs[i], 0));
	if (len >= sizeof(line))
		len = sizeof(line) - 1;
	say_progress(p, end, "%.*s objects", (int)len, line);
}

static void make_tick(void *data)
{
	show_progress(data, 0);
}

static void make_command(struct child_process *cp, const char *wt, const struct make_job *job,
			 int jobs)
{
	strvec_pushl(&cp->args, "make", "-k", NULL);
	strvec_pushf(&cp->args, "-j%d", jobs > 0 ? jobs : 1);
	strvec_pushf(&cp->args, "O=%s", job->o_dir);
	strvec_pushf(&cp->args, "ARCH=%s", job->arch);
	if (*job->cross)
		strvec_pushf(&cp->args, "CROSS_COMPILE=%s", job->cross);
	toolchain_compiler(wt, job->cross, &cp->args, &cp->env);
	if (job->warnings & MAKE_W1)
		strvec_push(&cp->args, "W=1");
	if (job->warnings & MAKE_SPARSE)
		strvec_push(&cp->args, "C=2");
	strvec_pushv(&cp->args, (const char *const *)job->targets->v);
	cp->dir = wt;
	cp->out_file = job->log;
	cp->err_to_out = 1;
}

static int any_objects(const struct make_job *jobs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (objects_of(&jobs[i], 0))
			return 1;
	return 0;
}

int make_run(const char *wt, struct make_job *job, int jobs)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	struct make_progress p = { job, 1, { 0, 0 }, NULL, 0 };
	struct make_count whole;
	int ret, show = any_objects(job, 1);

	clock_gettime(CLOCK_MONOTONIC, &p.t0);
	make_command(&cp, wt, job, jobs);
	/* no object targets (bzImage modules): the log says how far it got */
	if (!show && job->whole && job->log) {
		make_count_start(&whole, job->log, job->o_dir);
		p.whole = &whole;
		show = 1;
	}
	if (show) {
		cp.tick = make_tick;
		cp.tick_data = &p;
	}
	ret = run_command(&cp);
	job->seconds = cp.end_ms > cp.start_ms ? (double)(cp.end_ms - cp.start_ms) / 1000 : 0;
	if (show)
		show_progress(&p, 1);
	if (p.whole && !ret)
		make_count_keep(p.whole);
	child_process_clear(&cp);
	return ret;
}

/*
 * Remove an object and the dependency lists that say what it read
 * (Kbuild's dir/.file.o.cmd, gcc -MD's dir/file.d): the header coverage
 * reads those, and must read only what this step wrote.
 */
static void remove_object(const char *obj)
{
	const char *slash = strrchr(obj, '/'), *base = slash ? slash + 1 : obj;
	int dir = (int)(base - obj);
	char *cmd = xstrfmt("%.*s.%s.cmd", dir, obj, base);
	char *dep = xstrdup(obj);

	dep[strlen(dep) - 1] = 'd';	/* file.o -> file.d (obj ends in .o) */
	unlink(obj);
	unlink(cmd);
	unlink(dep);
	free(cmd);
	free(dep);
}


/* nftw callback: remove every object under a folder target */
static int rm_object(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if (flag == FTW_F && ends_with(path, ".o"))
		remove_object(path);
	return 0;
}

void make_step_clear(struct make_step *st)
{
	strvec_clear(&st->failed);
	strvec_clear(&st->other);
	free(st->broken);
	st->broken = NULL;
}

static void remove_targets(const struct make_job *job)
{
	for (size_t t = 0; t < job->targets->nr; t++) {
		char *path = xstrfmt("%s/%s", job->o_dir, job->targets->v[t]);

		if (ends_with(job->targets->v[t], ".o"))
			remove_object(path);
		else
			nftw(path, rm_object, 16, FTW_PHYS);	/* a folder target's objects */
		free(path);
	}
}

/* What make (exit status ret) did to job's targets, from its log and the O= folder */
static void judge_step(int ret, struct make_job *job)
{
	struct make_step *st = &job->st;
	const struct strvec *targets = job->targets;
	struct strvec missing = STRVEC_INIT;
	char *text = read_file(job->log);
	const char *log = job->log;

	make_failed_objects(text ? text : "", &st->failed, &st->other);
	free(text);
	/* a folder target that failed (make names it with or without its "/") failed as a target */
	for (size_t o = st->other.nr; o-- > 0;) {
		const char *t = st->other.v[o];
		char *folder = t[strlen(t) - 1] == '/' ? xstrdup(t) : xstrfmt("%s/", t);

		if (strvec_contains(targets, folder)) {
			strvec_push(&st->failed, folder);
			strvec_remove(&st->other, o);
		}
		free(folder);
	}
	for (size_t t = 0; t < targets->nr; t++) {
		char *path = xstrfmt("%s/%s", job->o_dir, targets->v[t]);

		if (ends_with(targets->v[t], ".o") && access(path, F_OK) &&
		    !strvec_contains(&st->failed, targets->v[t])) {
			strvec_push(&st->failed, targets->v[t]);
			strvec_push(&missing, targets->v[t]);
		}
		free(path);
	}
	if (ret < 0)
		st->broken = xstrfmt("make could not run (or hung): see %s", log);
	else if (ret >= 128)
		st->broken = xstrfmt("make died of signal %d (%s): see %s", ret - 128,
				     strsignal(ret - 128), log);
	else if (ret && st->failed.nr == missing.nr && !st->other.nr)
		st->broken = xstrfmt("make exited %d without naming a failed target: see %s", ret, log);
	else if (!ret && missing.nr)
		st->broken = xstrfmt("make exited 0 but did not write %s%s: see %s", missing.v[0],
				     missing.nr > 1 ? " (and others)" : "", log);
	strvec_clear(&missing);
}


void make_step(const char *wt, struct make_job *job, int jobs)
{
	remove_targets(job);
	judge_step(make_run(wt, job, jobs), job);
}

/*
 * Several cells' makes at once: most of a small make is Kbuild's own serial
 * work (reading Makefiles, prepare's checks), which leaves cores idle when
 * the cells go one after another. Each make keeps -jCORES: the last one
 * running has the machine to itself.
 */
void make_runs(const char *wt, struct make_job *jobs, size_t n, int cores, int *results)
{
	struct child_process *cps = xcalloc(n, sizeof(*cps));
	struct make_progress p = { jobs, n, { 0, 0 }, NULL, 0 };
	int show = any_objects(jobs, n);

	if (n == 1) {
		results[0] = make_run(wt, jobs, cores);
		free(cps);
		return;
	}
	clock_gettime(CLOCK_MONOTONIC, &p.t0);
	for (size_t i = 0; i < n; i++) {
		struct child_process init = CHILD_PROCESS_INIT;

		cps[i] = init;
		make_command(&cps[i], wt, &jobs[i], cores);
		if (show) {
			cps[i].tick = make_tick;
			cps[i].tick_data = &p;
		}
	}
	run_parallel(cps, n, cores, results);
	if (show)
		show_progress(&p, 1);
	for (size_t i = 0; i < n; i++) {
		jobs[i].seconds = cps[i].end_ms > cps[i].start_ms ?
				  (double)(cps[i].end_ms - cps[i].start_ms) / 1000 : 0;
		child_process_clear(&cps[i]);
	}
	free(cps);
}

void make_steps(const char *wt, struct make_job *jobs, size_t n, int cores)
{
	int *results = xcalloc(n ? n : 1, sizeof(*results));

	for (size_t i = 0; i < n; i++)
		remove_targets(&jobs[i]);
	make_runs(wt, jobs, n, cores, results);
	for (size_t i = 0; i < n; i++)
		judge_step(results[i], &jobs[i]);
	free(results);
}
