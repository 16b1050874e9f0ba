/*
 * The line proof (see lineproof.h): the compiler's own preprocessor says
 * which lines it saw, with each object's own flags, so a line counts only
 * when the config that arch built really compiles it. Why not mutate the
 * changed lines and rebuild (JMake): that costs a build per revision and
 * arch; gcc -E of an object costs a tenth of a second.
 */
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "kbuild/cmdfile.h"
#include "lib/clock.h"
#include "lib/fileio.h"
#include "lib/paths.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "proof/lineproof.h"

void lineproof_init(struct lineproof *lp, const char *wt, struct hunks *h)
{
	memset(lp, 0, sizeof(*lp));
	lp->wt = wt;
	lp->h = h;
	/* a line of code is what cscan says of the file it belongs to, on its side */
	for (size_t i = 0; i < h->nr; i++)
		for (int after = 0; after < 2; after++) {
			struct hunk_side hs = hunk_side(&h->v[i], after);
			const char *path = hs.file;

			if (!path || !hs.n)
				continue;
			size_t f;

			for (f = 0; f < lp->nr_files; f++)
				if (lp->files[f].after == after && !strcmp(lp->files[f].path, path))
					break;
			if (f < lp->nr_files)
				continue;
			lp->files = xrealloc(lp->files, (lp->nr_files + 1) * sizeof(*lp->files));
			memset(&lp->files[lp->nr_files], 0, sizeof(*lp->files));
			lp->files[lp->nr_files].path = xstrdup(path);
			lp->files[lp->nr_files++].after = after;
		}
}

static int is_source(const char *path)
{
	size_t n = strlen(path);

	return n > 2 && path[n - 2] == '.' && (path[n - 1] == 'c' || path[n - 1] == 'h' ||
					       path[n - 1] == 'S');
}

/* Read the side's file (the tree is there now) once; code lines of its hunks marked. */
static void load_side(struct lineproof *lp, int after)
{
	for (size_t f = 0; f < lp->nr_files; f++) {
		struct proof_file *pf = &lp->files[f];
		char *path, *text;

		if (pf->after != after || pf->scan.group)
			continue;
		path = xstrfmt("%s/%s", lp->wt, pf->path);
		text = is_source(pf->path) ? read_file(path) : NULL;
		cscan_text(&pf->scan, text ? text : "");
		pf->active = xcalloc(pf->scan.nr_groups + 1, 1);
		for (size_t i = 0; i < lp->h->nr; i++) {
			struct hunk_side hs = hunk_side(&lp->h->v[i], after);

			for (size_t l = 0; hs.file && !strcmp(hs.file, pf->path) && l < hs.n; l++)
				hs.v[l].code = text && hs.v[l].nr > 0 &&
					       (size_t)hs.v[l].nr <= pf->scan.nr_lines &&
					       pf->scan.code[hs.v[l].nr];
		}
		free(text);
		free(path);
	}
}


/* Marker paths ("# 12 \"/tree/mm/rmap.c\" 2") to the proof file they are, cached. */
struct path_map {
	const struct lineproof *lp;
	const char *o_dir;
	char *wt_real;
	int after;
	char *keys[4096];
	int vals[4096];
};

static int map_path(struct path_map *pm, const char *path, size_t n)
{
	unsigned h = 2166136261u;
	char *rel, *key = xstrndup(path, n);
	int val = -1;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)path[i]) * 16777619u;
	for (unsigned k = h % 4096, tries = 0; tries < 4096; k = (k + 1) % 4096, tries++) {
		if (!pm->keys[k])
			break;
		if (!strcmp(pm->keys[k], key)) {
			free(key);
			return pm->vals[k];
		}
	}
	rel = path_in_tree(key, pm->o_dir, pm->wt_real);
	for (size_t f = 0; rel && f < pm->lp->nr_files && val < 0; f++)
		if (pm->lp->files[f].after == pm->after && !strcmp(pm->lp->files[f].path, rel))
			val = (int)f;
	free(rel);
	for (unsigned k = h % 4096, tries = 0; tries < 4096; k = (k + 1) % 4096, tries++)
		if (!pm->keys[k]) {
			pm->keys[k] = key;
			pm->vals[k] = val;
			return val;
		}
	free(key);
	return val;
}

/*
 * Read one object's -E -dD output: seen[f][line] for the lines of proof
 * file f that had text in it (an #include line: where the file resumes).
 */
static void read_markers(struct path_map *pm, const char *text, unsigned char **seen)
{
	int cur = -1;
	long line = 1;

	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");

		if (p[0] == '#' && p[1] == ' ' && p[2] >= '0' && p[2] <= '9') {
			char *end;
			long nr = strtol(p + 2, &end, 10);
			const char *q = strchr(end, '"'), *qe = q ? strchr(q + 1, '"') : NULL;

			if (q && qe && qe < p + n) {
				cur = map_path(pm, q + 1, (size_t)(qe - q - 1));
				line = nr;
				if (cur >= 0) {
					struct proof_file *pf = &pm->lp->files[cur];

					if (!seen[cur])
						seen[cur] = xcalloc(pf->scan.nr_lines + 2, 1);
					seen[cur][0] = 1;	/* entered */
					/* " 2": back from an #include, which was the line before */
					if (strstr(qe, " 2") && nr > 1 && (size_t)nr - 1 <= pf->scan.nr_lines)
						seen[cur][nr - 1] = 1;
				}
			}
		} else {
			if (cur >= 0 && line > 0 && (size_t)line <= pm->lp->files[cur].scan.nr_lines &&
			    strspn(p, " \t") < n)
				seen[cur][line] = 1;
			line++;
		}
		p += n + (p[n] == '\n');
	}
}

/* What one object saw: its groups with code (and their parents), then its lines. */
static void apply_object(struct lineproof *lp, int after, unsigned bit, unsigned char **seen)
{
	for (size_t f = 0; f < lp->nr_files; f++) {
		struct proof_file *pf = &lp->files[f];
		unsigned char *act;

		if (!seen[f])
			continue;
		act = xcalloc(pf->scan.nr_groups + 1, 1);
		act[0] = 1;
		for (size_t l = 1; l <= pf->scan.nr_lines; l++)
			for (int g = seen[f][l] ? pf->scan.group[l] : -1; g > 0 && !act[g];
			     g = pf->scan.groups[g].parent)
				act[g] = 1;
		pf->entered = 1;
		for (size_t g = 0; g < pf->scan.nr_groups; g++)
			pf->active[g] |= act[g];
		for (size_t i = 0; i < lp->h->nr; i++) {
			struct hunk_side hs = hunk_side(&lp->h->v[i], after);

			for (size_t l = 0; hs.file && !strcmp(hs.file, pf->path) && l < hs.n; l++)
				if (hs.v[l].code && act[pf->scan.group[hs.v[l].nr]])
					hs.v[l].archs |= bit;
		}
		free(act);
	}
}

/* The objects of this side that read a proof file: their gcc -E commands. */
static size_t cpp_jobs(struct lineproof *lp, int after, const char *arch, const char *o_dir,
		       const struct strvec *objs, struct child_process **cps, struct strvec *outs)
{
	size_t n = 0;

	*cps = xcalloc(objs->nr + 1, sizeof(**cps));
	for (size_t o = 0; o < objs->nr; o++) {
		char *cmdf = cmdfile_path(o_dir, objs->v[o]), *cmd = read_file(cmdf), *cpp = NULL;
		int wanted = 0;

		for (size_t f = 0; cmd && f < lp->nr_files && !wanted; f++)
			wanted = lp->files[f].after == after && cmdfile_reads(cmd, lp->files[f].path);
		if (wanted && !(cpp = cmdfile_cpp_command(cmd, objs->v[o])))
			strvec_pushf(&lp->errors, "%s: %s: no compiler line in %s", arch, objs->v[o], cmdf);
		if (cpp) {
			struct child_process *cp = &(*cps)[n++];
			char *out = xstrfmt("%s/.kseries-cpp-%zu.i", o_dir, o);

			*cp = (struct child_process)CHILD_PROCESS_INIT;
			strvec_pushl(&cp->args, "sh", "-c", NULL);
			strvec_pushf(&cp->args, "%s -o '%s'", cpp, out);
			cp->dir = o_dir;
			cp->capture_err = 1;
			strvec_push(outs, out);
			strvec_push(outs, objs->v[o]);
			free(out);
		}
		free(cpp);
		free(cmd);
		free(cmdf);
	}
	return n;
}

void lineproof_arch(struct lineproof *lp, int after, unsigned arch_bit, const char *arch,
		    const char *o_dir, const struct strvec *objects)
{
	struct strvec objs = STRVEC_INIT, outs = STRVEC_INIT;
	struct child_process *cps;
	struct path_map *pm = xcalloc(1, sizeof(*pm));
	struct timespec t0;
	size_t n;
	int *results;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	load_side(lp, after);
	cmdfile_objects(o_dir, objects, &objs);
	n = cpp_jobs(lp, after, arch, o_dir, &objs, &cps, &outs);
	results = xcalloc(n + 1, sizeof(*results));
	if (n)
		run_parallel(cps, n, 2, results);
	pm->lp = lp;
	pm->o_dir = o_dir;
	pm->after = after;
	pm->wt_real = realpath(lp->wt, NULL);
	for (size_t i = 0; i < n; i++) {
		char *text = read_file(outs.v[2 * i]);
		unsigned char **seen = xcalloc(lp->nr_files + 1, sizeof(*seen));

		if (results[i] || !text || !pm->wt_real) {
			strvec_pushf(&lp->errors, "%s: %s: gcc -E failed: %.200s", arch, outs.v[2 * i + 1],
				     cps[i].err ? cps[i].err : "no output");
		} else {
			read_markers(pm, text, seen);
			apply_object(lp, after, arch_bit, seen);
		}
		for (size_t f = 0; f < lp->nr_files; f++)
			free(seen[f]);
		free(seen);
		free(text);
		unlink(outs.v[2 * i]);
		child_process_clear(&cps[i]);
	}
	lp->preprocessed += n;
	for (size_t k = 0; k < 4096; k++)
		free(pm->keys[k]);
	free(pm->wt_real);
	free(pm);
	free(cps);
	free(results);
	strvec_clear(&objs);
	strvec_clear(&outs);
	lp->seconds += seconds_since(&t0);
}

/* The config symbols a directive names ("CONFIG_X, CONFIG_Y"), or NULL. */
static char *config_symbols(const char *directive)
{
	struct strvec ids = STRVEC_INIT, syms = STRVEC_INIT;
	char *out = NULL;

	cscan_identifiers(directive, &ids);
	for (size_t i = 0; i < ids.nr; i++)
		if (!strncmp(ids.v[i], "CONFIG_", 7))
			strvec_push(&syms, ids.v[i]);
	if (syms.nr)
		out = strvec_join(&syms, syms.nr, ", ");
	strvec_clear(&ids);
	strvec_clear(&syms);
	return out;
}

/* Why no arch compiled line nr of pf: the file, or the outermost #if group that was off. */
static char *why_not(const struct proof_file *pf, long nr)
{
	size_t n = strlen(pf->path);
	int g;

	if (!pf->entered)
		return xstrdup(n > 2 && !strcmp(pf->path + n - 2, ".h") ?
			       "no built object includes this header" : "file not built on any arch");
	g = pf->scan.group[nr];
	while (g > 0 && !pf->active[pf->scan.groups[g].parent])
		g = pf->scan.groups[g].parent;
	if (g <= 0)
		return xstrdup("no object's preprocessed text holds it");
	{
		const struct cgroup *cg = &pf->scan.groups[g];
		char *syms = config_symbols(cg->directive), *why;
		int negated = !strncmp(cg->directive, "#else", 5) || strstr(cg->directive, "#ifndef");

		why = xstrfmt("under '%s' (%s:%ld), off on every arch built%s%s%s", cg->directive,
			      pf->path, cg->line, syms ? ": " : "", syms ? syms : "",
			      syms ? (negated ? " set" : " not set") : "");
		free(syms);
		return why;
	}
}

void lineproof_finish(struct lineproof *lp)
{
	for (size_t i = 0; i < lp->h->nr; i++)
		for (int after = 0; after < 2; after++) {
			struct hunk_side hs = hunk_side(&lp->h->v[i], after);

			for (size_t f = 0; hs.file && f < lp->nr_files; f++) {
				const struct proof_file *pf = &lp->files[f];

				if (pf->after != after || strcmp(pf->path, hs.file) || !pf->scan.group)
					continue;
				for (size_t l = 0; l < hs.n; l++)
					if (hs.v[l].code && !hs.v[l].archs && !hs.v[l].why)
						hs.v[l].why = why_not(pf, hs.v[l].nr);
			}
		}
}

void lineproof_clear(struct lineproof *lp)
{
	for (size_t f = 0; f < lp->nr_files; f++) {
		free(lp->files[f].path);
		free(lp->files[f].active);
		cscan_clear(&lp->files[f].scan);
	}
	free(lp->files);
	strvec_clear(&lp->errors);
	memset(lp, 0, sizeof(*lp));
}
