/*
 * Object identity (identity.h). The touched set is read from the sources
 * at both ends of the diff (git show), never from the worktree, which is
 * at one end only.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "kbuild/cmdfile.h"
#include "lib/clock.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "proof/identity.h"
#include "proof/objcode.h"
#include "proof/sourcediff.h"

static const struct cscan *source(struct identity *id, const char *rev, const char *path)
{
	struct source_scan *s;
	char *spec, *text = NULL;

	for (size_t i = 0; i < id->nr_sources; i++)
		if (!strcmp(id->sources[i]->rev, rev) && !strcmp(id->sources[i]->path, path))
			return id->sources[i]->present ? &id->sources[i]->scan : NULL;
	/* one allocation each: the scans handed out stay where they are */
	id->sources = xrealloc(id->sources, (id->nr_sources + 1) * sizeof(*id->sources));
	s = id->sources[id->nr_sources++] = xcalloc(1, sizeof(*s));
	s->rev = xstrdup(rev);
	s->path = xstrdup(path);
	spec = xstrfmt("%s:%s", rev, path);
	s->present = !run_capture(&text, id->wt, "git", "show", spec, NULL) && text;
	cscan_text(&s->scan, s->present ? text : "");
	free(text);
	free(spec);
	return s->present ? &s->scan : NULL;
}

static void add_unique(struct strvec *sv, const char *s)
{
	if (s && *s && !strvec_contains(sv, s))
		strvec_push(sv, s);
}

/* The name a file-scope line declares: "#define NAME", "int name(", "long name;" */
static char *declared_name(const char *text)
{
	const char *p = text + strspn(text, " \t");
	struct strvec ids = STRVEC_INIT;
	char *name = NULL;

	if (*p == '#') {
		p += 1 + strspn(p + 1, " \t");
		if (!strncmp(p, "define", 6)) {
			p += 6 + strspn(p + 6, " \t");
			name = xstrndup(p, strcspn(p, " \t("));
		}
		return name;
	}
	{
		size_t n = strcspn(p, "(;=[");
		char *head = xstrndup(p, n);

		cscan_identifiers(head, &ids);
		if (ids.nr)
			name = xstrdup(ids.v[ids.nr - 1]);
		free(head);
	}
	strvec_clear(&ids);
	return name;
}

/*
 * The first line of the statement v[i] is in, as far as the hunk has it: a
 * prototype over three lines declares its name on the first.
 */
static const char *statement_start(const struct hunk_line *v, size_t i)
{
	while (i > 0 && v[i - 1].nr == v[i].nr - 1) {
		const char *t = v[i - 1].text;
		size_t n = strlen(t);

		while (n && isspace((unsigned char)t[n - 1]))
			n--;
		if (!n || strchr(";{}", t[n - 1]) || t[strspn(t, " \t")] == '#')
			break;
		i--;
	}
	return v[i].text;
}

/* What one changed line touches: its function, or what a file-scope line declares. */
static void touch_line(struct identity *id, const struct cscan *s, const struct hunk_line *v,
		       size_t i, int series, const char *file)
{
	const struct hunk_line *l = &v[i];
	const struct cextent *e = s ? cscan_extent_at(s, l->nr) : NULL;

	/* a comment or a blank line changes no code */
	if (!s || l->nr < 1 || (size_t)l->nr > s->nr_lines || !s->code[l->nr])
		return;
	if (!series) {
		if (e && e->kind == EXTENT_FUNCTION)
			strvec_pushf(&id->foreign, "%s\t%s:%ld", e->name, file, l->nr);
		return;
	}
	if (e && e->kind == EXTENT_FUNCTION) {
		add_unique(&id->touched, e->name);
	} else if (e) {
		/* a type's layout: every member may have moved; an initialiser's variable */
		add_unique(&id->ids, e->name);
		for (size_t m = 0; m < e->members.nr; m++)
			add_unique(&id->ids, e->members.v[m]);
	} else {
		char *name = declared_name(statement_start(v, i));

		add_unique(&id->ids, name);
		free(name);
	}
}

/* The name a changed line belongs to: its extent's, or what a file-scope line declares. */
static char *line_owner(const struct cscan *s, const struct hunk_line *v, size_t i)
{
	const struct cextent *e = s ? cscan_extent_at(s, v[i].nr) : NULL;

	return e ? xstrdup(e->name) : declared_name(statement_start(v, i));
}

static int names_token(const char *text, const struct strvec *tokens)
{
	for (size_t t = 0; t < tokens->nr; t++)
		if (strstr(text, tokens->v[t]))
			return 1;
	return 0;
}

/*
 * Which hunks are the series': those that name a token, and those whose
 * lines belong to (a function, a declaration of) something a line naming
 * a token names: the other hunks of a converted function, the prototype
 * of a deleted callback. tokens NULL: every hunk is.
 */
static void series_scope(struct identity *id, const struct strvec *tokens,
			 const struct strvec *expect)
{
	struct hunks *h = id->h;
	struct strvec names = STRVEC_INIT;

	for (size_t i = 0; i < h->nr; i++) {
		struct hunk *hk = &h->v[i];

		hk->in_series = !tokens;
		for (int side = 0; tokens && side < 2; side++) {
			struct hunk_side hs = hunk_side(hk, side);
			const struct hunk_line *v = hs.v;
			size_t n = hs.n;
			const struct cscan *s = hs.file ? source(id, side ? id->tip : id->base, hs.file) : NULL;

			for (size_t l = 0; l < n; l++) {
				char *owner;

				if (!names_token(v[l].text, tokens))
					continue;
				hk->in_series = 1;
				cscan_identifiers(v[l].text, &names);
				if ((owner = line_owner(s, v, l)))
					add_unique(&names, owner);
				free(owner);
			}
		}
	}
	/* a hunk the expected commits made whole is meant, as the series' own */
	for (size_t i = 0; tokens && expect && expect->nr && i < h->nr; i++)
		if (!h->v[i].in_series)
			h->v[i].in_series = blame_hunk_in(&id->blame, &h->v[i], expect);
	for (size_t i = 0; tokens && i < h->nr; i++) {
		struct hunk *hk = &h->v[i];

		for (int side = 0; !hk->in_series && side < 2; side++) {
			struct hunk_side hs = hunk_side(hk, side);
			const struct hunk_line *v = hs.v;
			size_t n = hs.n;
			const struct cscan *s = hs.file ? source(id, side ? id->tip : id->base, hs.file) : NULL;

			for (size_t l = 0; l < n && !hk->in_series; l++) {
				char *owner = line_owner(s, v, l);

				hk->in_series = owner && strvec_contains(&names, owner);
				free(owner);
			}
		}
	}
	strvec_clear(&names);
}

void identity_init(struct identity *id, const char *wt, struct hunks *h, const char *base,
		   const char *tip, const struct strvec *tokens, const struct strvec *expect)
{
	memset(id, 0, sizeof(*id));
	id->wt = wt;
	id->h = h;
	id->base = base;
	id->tip = tip;
	id->blame = (struct blame){ wt, base, tip, h };
	series_scope(id, tokens, expect);
	for (size_t i = 0; i < h->nr; i++) {
		const struct hunk *hk = &h->v[i];
		const struct cscan *os = hk->old_file ? source(id, base, hk->old_file) : NULL;
		const struct cscan *ns = hk->new_file ? source(id, tip, hk->new_file) : NULL;

		for (size_t l = 0; l < hk->nr_removed; l++)
			touch_line(id, os, hk->removed, l, hk->in_series, hk->old_file);
		for (size_t l = 0; l < hk->nr_added; l++)
			touch_line(id, ns, hk->added, l, hk->in_series, hk->new_file);
	}
}

static int mentions_any(const char *body, const struct strvec *names)
{
	for (size_t i = 0; body && i < names->nr; i++)
		if (cscan_mentions(body, names->v[i]))
			return 1;
	return 0;
}

/*
 * Is x touched through another function of the source? It names something
 * touched (a touched helper may be inlined into it); or it is static and a
 * touched function calls it (the compiler inlines, clones or drops a static
 * function by how its callers use it: one caller fewer and it is inlined).
 */
static int touched_through(const struct identity *id, const struct cscan *const *sides,
			   const struct cextent *x)
{
	if (mentions_any(x->body, &id->ids) || mentions_any(x->body, &id->touched))
		return 1;
	for (int s = 0; x->is_static && s < 2; s++)
		for (size_t e = 0; sides[s] && e < sides[s]->nr_extents; e++) {
			const struct cextent *t = &sides[s]->extents[e];

			if (t->kind == EXTENT_FUNCTION && t->body && strvec_contains(&id->touched, t->name) &&
			    cscan_mentions(t->body, x->name))
				return 1;
		}
	return 0;
}

/* Close the touched set over one source, to a fixed point. */
static void close_over(struct identity *id, const char *path)
{
	const struct cscan *sides[2] = { source(id, id->base, path), source(id, id->tip, path) };
	int grew = 1;

	while (grew) {
		grew = 0;
		for (int s = 0; s < 2; s++)
			for (size_t e = 0; sides[s] && e < sides[s]->nr_extents; e++) {
				const struct cextent *x = &sides[s]->extents[e];

				if (x->kind != EXTENT_FUNCTION || strvec_contains(&id->touched, x->name))
					continue;
				if (touched_through(id, sides, x)) {
					strvec_push(&id->touched, x->name);
					grew = 1;
				}
			}
	}
}

/* "0x1a2", "418": a number (its value in *v), as objdump writes immediates. */
static int number(const char *tok, size_t n, long *v)
{
	char *t = xstrndup(tok, n), *end;
	int ok = n && isdigit((unsigned char)t[0]);

	*v = ok ? strtol(t, &end, 0) : 0;
	ok = ok && !*end;
	free(t);
	return ok;
}

/*
 * Is after the line before moved to by the diff, in some file it changes?
 * before must be a line of that file that the diff kept: a constant that
 * only looks like a line number (-1, a mask) is not one.
 */
static int moved_line(struct identity *id, long before, long after)
{
	const struct hunks *h = id->h;

	for (size_t i = 0; before > 0 && before != after && i < h->nr; i++) {
		const struct cscan *s = h->v[i].old_file ? source(id, id->base, h->v[i].old_file) : NULL;

		if (s && (size_t)before <= s->nr_lines &&
		    hunks_map_line(h, h->v[i].old_file, before) == after)
			return 1;
	}
	return 0;
}

static const struct objsym *data_sym(const struct objcode *oc, const char *name, const char *sec)
{
	for (size_t i = 0; oc && i < oc->nr_data; i++)
		if (!strcmp(oc->data[i].name, name) && !strcmp(oc->data[i].section, sec))
			return &oc->data[i];
	return NULL;
}

/*
 * Is (before, after) the offset of one data object, from its section or a
 * section anchor (.LANCHOR0), in each build? A changed object before it
 * (an ops table one member shorter) moves it: that is the diff's doing.
 */
static int moved_data(const struct objcode *b, const struct objcode *a, long before, long after)
{
	for (size_t i = 0; b && before != after && i < b->nr_data; i++) {
		const struct objsym *sb = &b->data[i];
		const struct objsym *sa = data_sym(a, sb->name, sb->section);

		if (!sa || sb->value == sa->value)
			continue;
		if ((long)sb->value == before && (long)sa->value == after)
			return 1;
		for (size_t k = 0; k < b->nr_data; k++) {
			const struct objsym *ab = &b->data[k];
			const struct objsym *aa;

			if (strncmp(ab->name, ".LANCHOR", 8) || strcmp(ab->section, sb->section) ||
			    !(aa = data_sym(a, ab->name, ab->section)))
				continue;
			if ((long)(sb->value - ab->value) == before && (long)(sa->value - aa->value) == after)
				return 1;
		}
	}
	return 0;
}

/* arm's mov and movw both load an immediate: which one depends on the number */
static int same_word(const char *a, size_t an, const char *b, size_t bn)
{
	return (an == bn && !memcmp(a, b, an)) ||
	       ((an == 3 || an == 4) && (bn == 3 || bn == 4) && !strncmp(a, "mov", 3) &&
		!strncmp(b, "mov", 3) && (an == 3 || a[3] == 'w') && (bn == 3 || b[3] == 'w'));
}

/* Two instructions that differ only in numbers the diff explains (lines, data moved). */
static int same_but_line_numbers(struct identity *id, const struct objcode *bo,
				 const struct objcode *ao, const char *a, size_t an, const char *b,
				 size_t bn)
{
	size_t i = 0, j = 0;

	while (i < an && j < bn) {
		size_t ti = 0, tj = 0;
		long va, vb;

		while (i + ti < an && isalnum((unsigned char)a[i + ti]))
			ti++;
		while (j + tj < bn && isalnum((unsigned char)b[j + tj]))
			tj++;
		if (!ti && !tj) {
			if (a[i] != b[j])
				return 0;
			i++;
			j++;
			continue;
		}
		if (!same_word(a + i, ti, b + j, tj) &&
		    !(number(a + i, ti, &va) && number(b + j, tj, &vb) &&
		      (moved_line(id, va, vb) || moved_data(bo, ao, va, vb))))
			return 0;
		i += ti;
		j += tj;
	}
	return i == an && j == bn;
}

int identity_same_but_lines(struct identity *id, const struct objcode *bo, const struct objcode *ao,
			    const char *before, const char *after)
{
	const char *a = before, *b = after;

	while (*a && *b) {
		size_t an = strcspn(a, "\n"), bn = strcspn(b, "\n");

		if ((an != bn || memcmp(a, b, an)) && !same_but_line_numbers(id, bo, ao, a, an, b, bn))
			return 0;
		a += an + (a[an] == '\n');
		b += bn + (b[bn] == '\n');
	}
	return !*a && !*b;
}

/* The source function a symbol comes from: "foo.constprop#2" -> "foo" (caller frees). */
static char *source_name(const char *sym)
{
	return xstrndup(sym, strcspn(sym, ".#"));
}

static const char *foreign_at(const struct identity *id, const char *fn)
{
	size_t n = strlen(fn);

	for (size_t i = 0; i < id->foreign.nr; i++)
		if (!strncmp(id->foreign.v[i], fn, n) && id->foreign.v[i][n] == '\t')
			return id->foreign.v[i] + n + 1;
	return NULL;
}

/* One object being compared, and its units once a function needs them. */
struct object_check {
	const char *obj, *o_dir, *before_dir;
	struct source_units su;
};

/* " in commit 0123456789ab ("subject")" of where ("file:line"), or "" (caller frees). */
static char *in_commit(const struct identity *id, const char *where)
{
	char *c = blame_where(&id->blame, where), *out;

	out = c ? xstrfmt(" in commit %s", c) : xstrdup("");
	free(c);
	return out;
}

/* sym's own text changed by a hunk that is not the series' (at where): named with its commit. */
static void foreign_change(const struct identity *id, const char *obj, const char *sym,
			   const char *how, const char *where, struct ident_result *res)
{
	char *commit = in_commit(id, where);

	strvec_pushf(&res->unexpected_list, "%s: %s: code %s by a change that is not part of the "
		     "series (%s%s)", obj, sym, how, where, commit);
	free(commit);
}

static void old_judgement(const struct identity *id, const char *obj, const char *fn, const char *sym,
			  const char *how, struct ident_result *res)
{
	const char *where = foreign_at(id, fn);

	if (where)
		foreign_change(id, obj, sym, how, where, res);
	else
		strvec_pushf(&res->unexpected_list, "%s: %s: code %s, yet the diff touches "
			     "neither it nor anything it names", obj, sym, how);
}

/* A function the text does not touch: by its source in the unit, or as before. */
static void judge_source(struct identity *id, struct object_check *oc, const char *fn,
			 const char *sym, const char *how, struct ident_result *res)
{
	struct source_judgement j;
	char *unit = xstrfmt("%s/%s.unit", oc->before_dir, oc->obj);

	if (source_units_load(&oc->su, unit, oc->o_dir, oc->obj, id->wt) && oc->su.why &&
	    !strvec_contains(&id->unit_errors, oc->su.why))
		strvec_push(&id->unit_errors, oc->su.why);
	free(unit);
	source_judge(&oc->su, id->h, fn, &j);
	switch (j.verdict) {
	case SOURCE_SAME: {
		struct strvec fns = STRVEC_INIT;
		char *list;

		source_functions_among(&oc->su, &id->touched, &fns);
		list = strvec_join(&fns, 4, ", ");
		res->compiler++;
		strvec_pushf(&res->compiler_list, "%s: %s: code %s, its source did not: the compiler's "
			     "whole-unit choice%s%s%s", oc->obj, sym, how, fns.nr ? " (the series touches " : "",
			     fns.nr ? list : "", fns.nr ? ")" : "");
		free(list);
		strvec_clear(&fns);
		break;
	}
	case SOURCE_SERIES:
		res->changed++;
		strvec_pushf(&res->changed_list, "%s: %s (through %s, %s)", oc->obj, sym, j.item, j.where);
		break;
	case SOURCE_FOREIGN:
		res->unexpected++;
		if (!strcmp(j.item, fn)) {
			foreign_change(id, oc->obj, sym, how, j.where, res);
		} else {
			char *commit = in_commit(id, j.where);

			strvec_pushf(&res->unexpected_list, "%s: %s: code %s through %s (%s%s), which a "
				     "change that is not part of the series changes", oc->obj, sym, how,
				     j.item, j.where, commit);
			free(commit);
		}
		break;
	case SOURCE_UNEXPLAINED:
		res->unexpected++;
		strvec_pushf(&res->unexpected_list, "%s: %s: code %s through %s (%s), which no line of "
			     "the diff changes", oc->obj, sym, how, j.item, j.where);
		break;
	default:
		res->unexpected++;
		old_judgement(id, oc->obj, fn, sym, how, res);
	}
	source_judgement_clear(&j);
}

/* One function that is not the same: changed as the diff says, or judged by its source. */
static void judge(struct identity *id, struct object_check *oc, const char *sym, const char *what,
		  struct ident_result *res)
{
	char *fn = source_name(sym);

	if (strvec_contains(&id->touched, fn)) {
		res->changed++;
		strvec_pushf(&res->changed_list, "%s: %s%s", oc->obj, sym, what);
	} else {
		judge_source(id, oc, fn, sym, what[0] ? what + 2 : "changed", res);
	}
	free(fn);
}

static void compare_object(struct identity *id, struct object_check *oc, const struct objcode *b,
			   const struct objcode *a, struct ident_result *res)
{
	for (size_t i = 0; i < b->nr; i++) {
		const struct objfunc *fa = objcode_find(a, b->funcs[i].name);

		if (!fa)
			judge(id, oc, b->funcs[i].name, ": gone", res);
		else if (!strcmp(fa->code, b->funcs[i].code) ||
			 identity_same_but_lines(id, b, a, b->funcs[i].code, fa->code))
			res->identical++;
		else
			judge(id, oc, b->funcs[i].name, "", res);
	}
	for (size_t i = 0; i < a->nr; i++)
		if (!objcode_find(b, a->funcs[i].name))
			judge(id, oc, a->funcs[i].name, ": new", res);
}

void identity_arch(struct identity *id, const char *cross, const char *before_dir,
		   const char *o_dir, const struct strvec *objects, struct ident_result *res)
{
	struct strvec objs = STRVEC_INIT;
	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	cmdfile_objects(o_dir, objects, &objs);
	for (size_t o = 0; o < objs.nr; o++) {
		char *bpath = xstrfmt("%s/%s", before_dir, objs.v[o]);
		char *apath = xstrfmt("%s/%s", o_dir, objs.v[o]);
		struct objcode b, a;
		char *why_b = NULL, *why_a = NULL;

		if (!access(bpath, R_OK) && !access(apath, R_OK)) {
			if (objcode_read(&b, cross, bpath, &why_b) || objcode_read(&a, cross, apath, &why_a)) {
				res->unexpected++;
				strvec_pushf(&res->unexpected_list, "%s: cannot compare: %s", objs.v[o],
					     why_b ? why_b : why_a);
			} else {
				size_t n = strlen(objs.v[o]);
				char *src = xstrfmt("%.*s.c", (int)(n - 2), objs.v[o]);

				struct object_check oc = { .obj = objs.v[o], .o_dir = o_dir, .before_dir = before_dir };
				char *unit = xstrfmt("%s/%s.unit", before_dir, objs.v[o]);

				close_over(id, src);
				compare_object(id, &oc, &b, &a, res);
				res->objects++;
				source_units_clear(&oc.su);
				unlink(unit);	/* a unit is megabytes: kept only until compared */
				free(unit);
				free(src);
			}
			objcode_clear(&b);
			objcode_clear(&a);
		}
		free(why_b);
		free(why_a);
		free(bpath);
		free(apath);
	}
	strvec_clear(&objs);
	id->seconds += seconds_since(&t0);
}

void identity_keep_units(struct identity *id, const char *o_dir, const struct strvec *objects,
			 const char *before_dir)
{
	struct strvec objs = STRVEC_INIT;
	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	cmdfile_objects(o_dir, objects, &objs);
	source_units_keep(o_dir, &objs, id->h, before_dir, &id->unit_errors);
	strvec_clear(&objs);
	id->seconds += seconds_since(&t0);
}

void identity_clear(struct identity *id)
{
	for (size_t i = 0; i < id->nr_sources; i++) {
		free(id->sources[i]->rev);
		free(id->sources[i]->path);
		cscan_clear(&id->sources[i]->scan);
		free(id->sources[i]);
	}
	free(id->sources);
	strvec_clear(&id->touched);
	strvec_clear(&id->ids);
	strvec_clear(&id->foreign);
	strvec_clear(&id->unit_errors);
	memset(id, 0, sizeof(*id));
}

void ident_result_clear(struct ident_result *res)
{
	strvec_clear(&res->changed_list);
	strvec_clear(&res->unexpected_list);
	strvec_clear(&res->compiler_list);
	memset(res, 0, sizeof(*res));
}
