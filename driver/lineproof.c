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
#include "fileio.h"
#include "build.h"
#include "lineproof.h"
#include "run.h"
#include "strbuf.h"
#include "usage.h"

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

/* One shell word of a Kbuild command line: its end (quotes kept as they are). */
/*
 * A word in front of the compiler that is not the compiler: ccache, and a
 * compile wrapper (distcc, icecc, or --cc-wrapper's own program).
 */
static int is_launcher(const char *word, size_t n)
{
	static const char *const known[] = { "ccache", "distcc", "icecc" };
	const char *w = build_cc_wrapper(), *slash = memrchr(word, '/', n);
	size_t wn = w ? strcspn(w, " \t") : 0;

	if (slash) {
		n -= (size_t)(slash + 1 - word);
		word = slash + 1;
	}
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strlen(known[i]) == n && !strncmp(word, known[i], n))
			return 1;
	if (w && memrchr(w, '/', wn)) {
		const char *ws = memrchr(w, '/', wn);

		wn -= (size_t)(ws + 1 - w);
		w = ws + 1;
	}
	return w && wn == n && !strncmp(word, w, n);
}

static const char *word_end(const char *p)
{
	while (*p && *p != ' ' && *p != '\t' && *p != ';') {
		if (*p == '\'' || *p == '"') {
			char q = *p++;

			while (*p && *p != q)
				p += (*p == '\\' && q == '"' && p[1]) ? 2 : 1;
		} else if (*p == '\\' && p[1]) {
			p++;
		}
		if (*p)
			p++;
	}
	return p;
}

/* "a/b/../../c/d.o" -> "c/d.o": Kbuild names an object through the folder that builds it */
static char *normal_path(const char *path, size_t n)
{
	struct strvec parts = STRVEC_INIT;
	char *out;

	for (const char *p = path; p < path + n;) {
		size_t k = strcspn(p, "/");

		if (k > n - (size_t)(p - path))
			k = n - (size_t)(p - path);
		if (k == 2 && !strncmp(p, "..", 2) && parts.nr)
			strvec_remove(&parts, parts.nr - 1);
		else if (k && !(k == 1 && *p == '.'))
			strvec_pushf(&parts, "%.*s", (int)k, p);
		p += k + 1;
	}
	out = strvec_join(&parts, parts.nr, "/");
	strvec_clear(&parts);
	return out;
}

/* The value of the .cmd's "cmd_OBJ := " line (OBJ as Kbuild spelt it), or NULL. */
static const char *cmd_line(const char *cmd, const char *obj)
{
	for (const char *p = cmd; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		const char *eq = strstr(p, " := ");
		char *key;
		int same;

		if (strncmp(p, "cmd_", 4) || !eq || eq > p + strcspn(p, "\n"))
			continue;
		key = normal_path(p + 4, (size_t)(eq - p - 4));
		same = !strcmp(key, obj);
		free(key);
		if (same)
			return eq + 4;
	}
	return NULL;
}

char *lineproof_cpp_command(const char *cmd, const char *obj)
{
	const char *line = cmd_line(cmd, obj), *p;
	struct strbuf out = STRBUF_INIT, raw = STRBUF_INIT;
	int words = 0;

	if (!line)
		return NULL;
	/* Kbuild writes $ as $$ and # as \# (make's escapes) */
	for (p = line; *p && *p != '\n'; p++) {
		if ((p[0] == '$' && p[1] == '$') || (p[0] == '\\' && p[1] == '#'))
			p++;
		strbuf_addch(&raw, *p);
	}
	/* the compiler's own words: the first command, without what writes files */
	for (p = strbuf_str(&raw); *p && *p != ';';) {
		const char *e;

		p += strspn(p, " \t");
		e = word_end(p);
		if (e == p)
			break;
		size_t n = (size_t)(e - p);
		int skip_next = (n == 2 && !strncmp(p, "-o", 2)) || (n == 3 && !strncmp(p, "-MF", 3)) ||
				(n == 3 && !strncmp(p, "-MT", 3));
		int drop = skip_next || (n == 2 && !strncmp(p, "-c", 2)) ||
			   (n == 3 && !strncmp(p, "-MD", 3)) || (n == 4 && !strncmp(p, "-MMD", 4)) ||
			   !strncmp(p, "-Wp,-MD,", 8) || !strncmp(p, "-Wp,-MMD,", 9) ||
			   (!words && is_launcher(p, n));

		if (!drop) {
			strbuf_add(&out, p, n);
			strbuf_addch(&out, ' ');
			words++;
		}
		p = e;
		if (skip_next) {
			p += strspn(p, " \t");
			p = word_end(p);
		}
	}
	strbuf_release(&raw);
	if (!words) {
		strbuf_release(&out);
		return NULL;
	}
	strbuf_addstr(&out, "-E -dD");
	return strbuf_detach(&out);
}

/* dir/file.o -> dir/.file.o.cmd */
static char *cmd_path(const char *o_dir, const char *obj)
{
	const char *slash = strrchr(obj, '/'), *base = slash ? slash + 1 : obj;

	return xstrfmt("%s/%.*s.%s.cmd", o_dir, (int)(base - obj), obj, base);
}

/* The objects of a folder target: every dir/.x.o.cmd under it of a compiled object. */
static struct strvec *folder_objects;
static size_t folder_prefix;
static const char *folder_o_dir;

/*
 * obj, or what it is linked from: a compiled object has "source_X :=" in
 * its .cmd; a composite (built-in.o, a module linked from parts) names its
 * members on its ld line, which may live outside the folder (dir/../../other/).
 */
static void add_object(const char *o_dir, const char *obj, struct strvec *objs, int depth)
{
	char *path = cmd_path(o_dir, obj), *cmd = read_file(path);
	const char *line = cmd ? cmd_line(cmd, obj) : NULL;

	if (cmd && strstr(cmd, "\nsource_")) {
		if (!strvec_contains(objs, obj))
			strvec_push(objs, obj);
	} else if (line && depth < 8) {
		for (const char *p = line; *p && *p != '\n';) {
			size_t n = strcspn(p, " \t\n");

			/* the member objects; not the -o output */
			if (n > 2 && !strncmp(p + n - 2, ".o", 2) && strncmp(p - 3 >= line ? p - 3 : p, "-o ", 3)) {
				char *member = normal_path(p, n);

				if (strcmp(member, obj))
					add_object(o_dir, member, objs, depth + 1);
				free(member);
			}
			p += n;
			p += strspn(p, " \t");
		}
	}
	free(cmd);
	free(path);
}

static int collect_cmd(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	const char *base = path + ftw->base;
	size_t n = strlen(base);

	(void)st;
	if (flag == FTW_F && base[0] == '.' && n > 6 && !strcmp(base + n - 6, ".o.cmd")) {
		char *obj = xstrfmt("%.*s%.*s", (int)(ftw->base - (int)folder_prefix),
				    path + folder_prefix, (int)(n - 5), base + 1);

		add_object(folder_o_dir, obj, folder_objects, 0);
		free(obj);
	}
	return 0;
}

void objects_of_targets(const char *o_dir, const struct strvec *targets, struct strvec *objs)
{
	for (size_t t = 0; t < targets->nr; t++) {
		const char *tg = targets->v[t];
		size_t n = strlen(tg);

		if (n > 2 && !strcmp(tg + n - 2, ".o")) {
			strvec_push(objs, tg);
		} else {
			char *dir = xstrfmt("%s/%s", o_dir, tg);

			folder_objects = objs;
			folder_prefix = strlen(o_dir) + 1;
			folder_o_dir = o_dir;
			nftw(dir, collect_cmd, 16, FTW_PHYS);
			free(dir);
		}
	}
}

/* Does a .cmd's dependency list (or source) name path of the tree? */
static int reads_file(const char *cmd, const char *path)
{
	size_t n = strlen(path);

	for (const char *p = strstr(cmd, path); p; p = strstr(p + 1, path))
		if ((p == cmd || p[-1] == '/' || p[-1] == ' ') &&
		    (p[n] == ' ' || p[n] == '\n' || p[n] == '\\' || p[n] == '\0' || p[n] == ')'))
			return 1;
	return 0;
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
	char *full, *real, *key = xstrndup(path, n);
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
	full = key[0] == '/' ? xstrdup(key) : xstrfmt("%s/%s", pm->o_dir, key);
	real = key[0] == '<' ? NULL : realpath(full, NULL);
	if (real && !strncmp(real, pm->wt_real, strlen(pm->wt_real)) && real[strlen(pm->wt_real)] == '/') {
		const char *rel = real + strlen(pm->wt_real) + 1;

		for (size_t f = 0; f < pm->lp->nr_files && val < 0; f++)
			if (pm->lp->files[f].after == pm->after && !strcmp(pm->lp->files[f].path, rel))
				val = (int)f;
	}
	free(real);
	free(full);
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
		char *cmdf = cmd_path(o_dir, objs->v[o]), *cmd = read_file(cmdf), *cpp = NULL;
		int wanted = 0;

		for (size_t f = 0; cmd && f < lp->nr_files && !wanted; f++)
			wanted = lp->files[f].after == after && reads_file(cmd, lp->files[f].path);
		if (wanted && !(cpp = lineproof_cpp_command(cmd, objs->v[o])))
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
	objects_of_targets(o_dir, objects, &objs);
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
