/*
 * Source change or compiler choice (sourcediff.h). Why the unit before
 * macro expansion: a macro a function uses stays a name in its text, so a
 * changed macro of a header is an item of its closure that differs, and its
 * hunk says whose change it was (an expanded text would only differ).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kbuild/cmdfile.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "proof/sourcediff.h"

/* Kbuild's compiler line for obj, as gcc -E -fdirectives-only (caller frees), or NULL. */
static char *unit_command(const char *o_dir, const char *obj)
{
	char *cmdf = cmdfile_path(o_dir, obj), *cmd = read_file(cmdf);
	/* the line proof's -E -dD expands macros; this one keeps them whole */
	char *out = cmd ? cmdfile_compile_as(cmd, obj, "-E -fdirectives-only") : NULL;

	free(cmd);
	free(cmdf);
	return out;
}

int source_unit_write(const char *o_dir, const char *obj, const char *out, char **why)
{
	char *cmd = unit_command(o_dir, obj), *line, *text = NULL;
	int rc;

	if (!cmd) {
		*why = xstrfmt("%s: no compiler line in its .cmd file", obj);
		return -1;
	}
	make_parents(out, 0777);
	line = xstrfmt("%s -o '%s'", cmd, out);
	rc = run_capture(&text, o_dir, "sh", "-c", line, NULL);
	if (rc)
		*why = xstrfmt("%s: gcc -E -fdirectives-only failed: %.200s", obj,
			       run_capture_error() ? run_capture_error() : "?");
	free(text);
	free(line);
	free(cmd);
	return rc ? -1 : 0;
}

int source_units_load(struct source_units *su, const char *before_path, const char *o_dir,
		      const char *obj, const char *wt)
{
	char *after_path, *bt, *at = NULL;

	if (su->state)
		return su->state > 0 ? 0 : -1;
	su->state = -1;
	if (!(bt = read_file(before_path))) {
		su->why = xstrfmt("%s: no unit kept from before the series", obj);
		return -1;
	}
	after_path = xstrfmt("%s.after", before_path);
	if (!source_unit_write(o_dir, obj, after_path, &su->why) && !(at = read_file(after_path)))
		su->why = xstrfmt("%s: cannot read %s", obj, after_path);
	if (at) {
		unit_parse(&su->before, bt, o_dir, wt);
		unit_parse(&su->after, at, o_dir, wt);
		su->state = 1;
	}
	unlink(after_path);
	free(after_path);
	free(at);
	free(bt);
	return su->state > 0 ? 0 : -1;
}

static int cmp_hash(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;

	return x < y ? -1 : x > y;
}

/* The hashes of the marked items, sorted. */
static unsigned long long *closure_hashes(const struct unit *u, const unsigned char *marks, size_t *n)
{
	unsigned long long *v = xmalloc((u->nr + 1) * sizeof(*v));

	*n = 0;
	for (size_t i = 0; i < u->nr; i++)
		if (marks[i])
			v[(*n)++] = u->items[i].hash;
	qsort(v, *n, sizeof(*v), cmp_hash);
	return v;
}

/*
 * The hunk lines of side (after: added, else removed) inside it: 2 when one
 * is not the series', 1 when all are, 0 when none; *line the first.
 */
static int hunk_in(const struct hunks *h, const struct unit_item *it, int after, long *line)
{
	int found = 0;

	for (size_t i = 0; it->file && i < h->nr; i++) {
		struct hunk_side hs = hunk_side(&h->v[i], after);

		if (!hs.file || strcmp(hs.file, it->file))
			continue;
		for (size_t l = 0; l < hs.n; l++)
			if (hs.v[l].nr >= it->first && hs.v[l].nr <= it->last) {
				int kind = h->v[i].in_series ? 1 : 2;

				if (kind > found) {
					found = kind;
					*line = hs.v[l].nr;
				}
			}
	}
	return found;
}

/* Fold one differing item into j: the worst verdict wins, and names the item. */
static void differs(const struct unit *u, const struct unit_item *it, int after,
		    const struct hunks *h, struct source_judgement *j)
{
	long line = it->first;
	int found = hunk_in(h, it, after, &line);
	enum source_verdict v = found == 2 ? SOURCE_FOREIGN : found == 1 ? SOURCE_SERIES :
				SOURCE_UNEXPLAINED;

	if (j->item && v <= j->verdict)
		return;
	free(j->item);
	free(j->where);
	j->verdict = v;
	j->item = xstrdup(unit_item_name(u, it));
	j->where = xstrfmt("%s:%ld", it->file ? it->file : "(outside the tree)", line);
}

static void side_differs(const struct unit *u, const unsigned char *marks,
			 const unsigned long long *other, size_t nr_other, int after,
			 const struct hunks *h, struct source_judgement *j)
{
	for (size_t i = 0; i < u->nr; i++)
		if (marks[i] && !bsearch(&u->items[i].hash, other, nr_other, sizeof(*other), cmp_hash))
			differs(u, &u->items[i], after, h, j);
}

void source_judge(const struct source_units *su, const struct hunks *h, const char *fn,
		  struct source_judgement *j)
{
	unsigned char *mb, *ma;
	unsigned long long *hb, *ha;
	size_t nb, na;
	int rb, ra;

	memset(j, 0, sizeof(*j));
	if (su->state <= 0)
		return;
	mb = xcalloc(su->before.nr + 1, 1);
	ma = xcalloc(su->after.nr + 1, 1);
	rb = unit_closure(&su->before, fn, mb);
	ra = unit_closure(&su->after, fn, ma);
	if (rb && ra) {
		free(mb);
		free(ma);
		return;		/* made by a macro (SYSCALL_DEFINE): not a name of the unit */
	}
	hb = closure_hashes(&su->before, mb, &nb);
	ha = closure_hashes(&su->after, ma, &na);
	side_differs(&su->before, mb, ha, na, 0, h, j);
	side_differs(&su->after, ma, hb, nb, 1, h, j);
	if (!j->item)
		j->verdict = SOURCE_SAME;
	free(hb);
	free(ha);
	free(mb);
	free(ma);
}

static int defines_function(const struct unit *u, const char *name)
{
	long id = intern_find(&u->ids, name, strlen(name));

	for (size_t d = 0; id >= 0 && d < u->nr_defs[id]; d++)
		if (u->items[u->defs[id][d]].kind == UNIT_FUNCTION)
			return 1;
	return 0;
}

void source_functions_among(const struct source_units *su, const struct strvec *names,
			    struct strvec *out)
{
	for (size_t i = 0; su->state > 0 && i < names->nr; i++)
		if ((defines_function(&su->before, names->v[i]) ||
		     defines_function(&su->after, names->v[i])) && !strvec_contains(out, names->v[i]))
			strvec_push(out, names->v[i]);
}

void source_units_keep(const char *o_dir, const struct strvec *objs, const struct hunks *h,
		       const char *keep_dir, struct strvec *errors)
{
	for (size_t o = 0; o < objs->nr; o++) {
		char *cmdf = cmdfile_path(o_dir, objs->v[o]), *cmd = read_file(cmdf), *why = NULL;
		int reads = 0;

		for (size_t i = 0; cmd && i < h->nr && !reads; i++)
			reads = (h->v[i].old_file && cmdfile_reads(cmd, h->v[i].old_file)) ||
				(h->v[i].new_file && cmdfile_reads(cmd, h->v[i].new_file));
		if (reads) {
			char *out = xstrfmt("%s/%s.unit", keep_dir, objs->v[o]);

			if (source_unit_write(o_dir, objs->v[o], out, &why))
				strvec_push(errors, why);
			free(out);
		}
		free(why);
		free(cmd);
		free(cmdf);
	}
}

void source_judgement_clear(struct source_judgement *j)
{
	free(j->item);
	free(j->where);
	memset(j, 0, sizeof(*j));
}

void source_units_clear(struct source_units *su)
{
	if (su->state > 0) {
		unit_clear(&su->before);
		unit_clear(&su->after);
	}
	free(su->why);
	memset(su, 0, sizeof(*su));
}
