/* The tree's own scripts/checkpatch.pl on each patch of a series. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "posting/checkpatch.h"
#include "posting/cp_origin.h"

/* "FILE:LINE: ERROR: ..." lines into p: counts, and the messages named by the patch's file name */
static void take_messages(const char *out, const char *patch, struct patch_result *p)
{
	struct strvec lines = STRVEC_INIT;
	const char *base = strrchr(patch, '/');

	base = base ? base + 1 : patch;
	strvec_split_lines(&lines, out);
	p->cp_errors = p->cp_warnings = 0;
	for (size_t j = 0; j < lines.nr; j++) {
		const char *l = lines.v[j];
		int err = !!strstr(l, ": ERROR:");

		if (!err && !strstr(l, ": WARNING:"))
			continue;
		if (err)
			p->cp_errors++;
		else
			p->cp_warnings++;
		if (!strncmp(l, patch, strlen(patch)))
			strvec_pushf(&p->cp_messages, "%s%s", base, l + strlen(patch));
		else
			strvec_push(&p->cp_messages, l);
	}
	strvec_clear(&lines);
}

/*
 * checkpatch on each patch reversed: its findings on the old lines are the
 * tree's, so the same findings on the new lines were there before.
 */
static void already_there(const char *wt, const char *script, const struct strvec *patches,
			  size_t n, struct rev_result *r, int jobs)
{
	struct child_process *cps = xcalloc(n, sizeof(*cps));
	int *results = xcalloc(n, sizeof(*results));
	char **texts = xcalloc(n, sizeof(*texts)), **revs = xcalloc(n, sizeof(*revs));

	for (size_t i = 0; i < n; i++) {
		char *path = xstrfmt("%s/.git-kseries-reverse-%zu.patch", wt, i);

		cps[i] = (struct child_process)CHILD_PROCESS_INIT;
		texts[i] = read_file(patches->v[i]);
		revs[i] = texts[i] ? cp_reverse_patch(texts[i]) : NULL;
		if (revs[i] && !write_file(path, revs[i]))
			strvec_pushl(&cps[i].args, "perl", script, "--no-tree", "--terse",
				     "--no-summary", path, NULL);
		else
			strvec_pushl(&cps[i].args, "false", NULL);
		cps[i].dir = wt;
		cps[i].capture_out = 1;
		cps[i].quiet_err = 1;
		run_tool_limit(&cps[i]);
		free(path);
	}
	run_parallel(cps, n, jobs, results);
	for (size_t i = 0; i < n; i++) {
		char *path = xstrfmt("%s/.git-kseries-reverse-%zu.patch", wt, i);

		/* a reverse run that did not finish marks nothing: every finding stays the series' */
		if (revs[i] && results[i] >= 0 && results[i] < 128)
			cp_mark_already(&r->patches[i], texts[i], revs[i], cps[i].out);
		unlink(path);
		free(path);
		free(texts[i]);
		free(revs[i]);
		child_process_clear(&cps[i]);
	}
	free(texts);
	free(revs);
	free(cps);
	free(results);
}

void checkpatch_patches(const char *wt, const struct strvec *patches, struct rev_result *r,
			int jobs)
{
	char *script = xstrfmt("%s/scripts/checkpatch.pl", wt);
	size_t n = patches->nr < r->nr_patches ? patches->nr : r->nr_patches;
	struct child_process *cps;
	int *results;

	if (access(script, R_OK))
		r->checkpatch = xstrdup("skipped: the tree has no scripts/checkpatch.pl");
	else if (!program_exists("perl"))
		r->checkpatch = xstrdup("skipped: perl is not installed (apt-get install perl)");
	else
		r->checkpatch = xstrdup("run (the tree's scripts/checkpatch.pl --no-tree --terse)");
	if (strncmp(r->checkpatch, "run", 3) || !n) {
		free(script);
		return;
	}
	/* one perl per patch, side by side: each reads only its own patch */
	cps = xcalloc(n, sizeof(*cps));
	results = xcalloc(n, sizeof(*results));
	for (size_t i = 0; i < n; i++) {
		cps[i] = (struct child_process)CHILD_PROCESS_INIT;
		strvec_pushl(&cps[i].args, "perl", script, "--no-tree", "--terse", "--no-summary",
			     patches->v[i], NULL);
		cps[i].dir = wt;
		cps[i].capture_out = 1;
		cps[i].quiet_err = 1;
		run_tool_limit(&cps[i]);
	}
	run_parallel(cps, n, jobs, results);
	for (size_t i = 0; i < n; i++) {
		take_messages(cps[i].out ? cps[i].out : "", patches->v[i], &r->patches[i]);
		/* a checkpatch that never finished found nothing: never "clean" */
		if (results[i] < 0 || results[i] >= 128) {
			r->patches[i].cp_errors++;
			strvec_pushf(&r->patches[i].cp_messages, "checkpatch.pl %s: not checked",
				     results[i] < 0 ? "did not finish (KSERIES_TOOL_TIMEOUT) or could not run" :
				     "died of a signal");
		}
		child_process_clear(&cps[i]);
	}
	free(cps);
	free(results);
	already_there(wt, script, patches, n, r, jobs);
	free(script);
}

void checkpatch_shift(struct patch_result *p, long after_line, long delta)
{
	for (size_t i = 0; delta && i < p->cp_messages.nr; i++) {
		char *m = p->cp_messages.v[i], *colon = strchr(m, ':'), *end;
		long n = colon ? strtol(colon + 1, &end, 10) : 0;

		if (!colon || end == colon + 1 || *end != ':' || n <= after_line)
			continue;
		p->cp_messages.v[i] = xstrfmt("%.*s:%ld%s", (int)(colon - m), m, n + delta, end);
		free(m);
	}
}

long checkpatch_mail_lines(const char *path, long *headers_end)
{
	char *text = read_file(path);
	long n = 0;

	*headers_end = 0;
	for (const char *p = text; p && *p; n++) {
		size_t len = strcspn(p, "\n");

		if (!len && !*headers_end)
			*headers_end = n + 1;
		p += len + (p[len] == '\n');
	}
	free(text);
	return n;
}
