#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "lib/run.h"
#include "lib/usage.h"
#include "rules/rule_jobs.h"

/* One job as a process: its own scratch folder (file groups, the tree's link). */
struct job_run {
	struct rules_opts o;
	const char *dir;
	const struct strvec *rules;
	const struct strvec *files;
};

/* said: the FILE:LINE: lines the rules print in patch mode (a "by hand" finding) */
static int run_rules(const struct rules_opts *o, const char *dir, const struct strvec *rules,
		     const struct strvec *files, struct strvec *said)
{
	for (size_t r = 0; r < rules->nr; r++) {
		verbose("patch: %s on %zu files", rules->v[r], files->nr);
		if (rules_run(o, dir, rules->v[r], "patch", files, said))
			return -1;
	}
	return 0;
}

/* In the job's own process: what its rules said goes to its stdout, for the parent. */
static int job_fn(void *data)
{
	const struct job_run *j = data;
	struct strvec said = STRVEC_INIT;
	int ret = run_rules(&j->o, j->dir, j->rules, j->files, &said) ? 1 : 0;

	for (size_t i = 0; i < said.nr; i++)
		printf("%s\n", said.v[i]);
	fflush(stdout);
	strvec_clear(&said);
	return ret;
}

static int shares_a_file(const struct rule_job *jobs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = i + 1; k < n; k++)
			for (size_t f = 0; f < jobs[i].files.nr; f++)
				if (strvec_contains(&jobs[k].files, jobs[i].files.v[f]))
					return 1;
	return 0;
}

/* Up to slots batches of one job's files, round robin (the same rules each). */
static size_t cut(const struct rule_job *job, int slots, struct strvec *batches)
{
	size_t nr = job->files.nr < (size_t)slots ? job->files.nr : (size_t)slots;

	for (size_t f = 0; f < job->files.nr; f++)
		strvec_push(&batches[f % nr], job->files.v[f]);
	return nr;
}

static int run_side_by_side(const struct rules_opts *o, const char *dir,
			    const struct strvec *rules, const struct strvec *files, size_t n,
			    struct strvec *said)
{
	struct child_process *cps = xcalloc(n, sizeof(*cps));
	struct job_run *runs = xcalloc(n, sizeof(*runs));
	int *results = xcalloc(n, sizeof(*results)), slots = o->jobs > 0 ? o->jobs : 1, ret;

	for (size_t i = 0; i < n; i++) {
		char *tmp = xstrfmt("%s/job-%zu", o->tmp_dir, i);

		if (mkdir(tmp, 0700) && errno != EEXIST)
			error_errno("cannot create %s", tmp);
		runs[i] = (struct job_run){ *o, dir, &rules[i], &files[i] };
		/* spatch keeps its --jobs: the last job running alone gets every CPU */
		runs[i].o.tmp_dir = tmp;
		cps[i] = (struct child_process)CHILD_PROCESS_INIT;
		strvec_pushf(&cps[i].args, "kseries rules (%zu files)", files[i].nr);
		cps[i].fn = job_fn;
		cps[i].fn_data = &runs[i];
		cps[i].capture_out = 1;
	}
	ret = run_parallel(cps, n, slots, results);
	for (size_t i = 0; i < n; i++) {
		if (results[i] > 128)
			error("kseries' rule job on %zu files (%s first) crashed (signal %d)",
			      files[i].nr, files[i].v[0], results[i] - 128);
		strvec_split_lines(said, cps[i].out ? cps[i].out : "");
		free((char *)runs[i].o.tmp_dir);
		child_process_clear(&cps[i]);
	}
	free(cps);
	free(runs);
	free(results);
	return ret ? -1 : 0;
}

int rule_jobs_run(const struct rules_opts *o, const char *dir, const struct rule_job *jobs,
		  size_t n, struct strvec *said)
{
	int slots = o->jobs > 0 ? o->jobs : 1, ret = 0;
	struct strvec *rules, *files;
	size_t nr = 0, room = n > (size_t)slots ? n : (size_t)slots;

	if (slots == 1 || shares_a_file(jobs, n)) {
		for (size_t i = 0; !ret && i < n; i++)
			ret = run_rules(o, dir, jobs[i].rules, &jobs[i].files, said);
		return ret;
	}
	/* one entry per process: the jobs, or one job's batches */
	rules = xcalloc(room, sizeof(*rules));
	files = xcalloc(room, sizeof(*files));
	if (n == 1) {
		nr = cut(&jobs[0], slots, files);
		for (size_t i = 0; i < nr; i++)
			strvec_pushv(&rules[i], (const char *const *)jobs[0].rules->v);
	} else {
		for (size_t i = 0; i < n; i++) {
			strvec_pushv(&rules[i], (const char *const *)jobs[i].rules->v);
			strvec_pushv(&files[i], (const char *const *)jobs[i].files.v);
		}
		nr = n;
	}
	ret = nr == 1 ? run_rules(o, dir, &rules[0], &files[0], said)
		      : run_side_by_side(o, dir, rules, files, nr, said);
	for (size_t i = 0; i < room; i++) {
		strvec_clear(&rules[i]);
		strvec_clear(&files[i]);
	}
	free(rules);
	free(files);
	return ret;
}
