/* The proof's part of the report (report.json, report.txt, the matrix). */
#include <string.h>
#include "lib/json_strings.h"
#include "lib/strbuf.h"
#include "report/report_proof.h"

/* The arches of mask, by the cells' order. */
static json_t *arch_list(unsigned mask, const struct build_cell *cells, size_t nr_cells)
{
	json_t *a = json_array();

	for (size_t i = 0; i < nr_cells; i++)
		if (mask & (1u << i))
			json_array_append_new(a, json_string(cells[i].arch));
	return a;
}

static unsigned side_mask(const struct hunk_line *v, size_t n)
{
	unsigned m = 0;

	for (size_t i = 0; i < n; i++)
		m |= v[i].archs;
	return m;
}

static void unproven_lines(json_t *out, const char *file, const char *side,
			   const struct hunk_line *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		json_t *l;

		if (!v[i].code || v[i].archs)
			continue;
		l = json_object();
		json_object_set_new(l, "file", json_string(file));
		json_object_set_new(l, "line", json_integer(v[i].nr));
		json_object_set_new(l, "side", json_string(side));
		json_object_set_new(l, "text", json_string(v[i].text));
		json_object_set_new(l, "why", v[i].why ? json_string(v[i].why) : json_null());
		json_object_set_new(l, "elsewhere", json_boolean(v[i].elsewhere));
		json_array_append_new(out, l);
	}
}

static json_t *hunk_json(const struct hunk *hk, const struct build_cell *cells, size_t nr_cells)
{
	json_t *o = json_object(), *un = json_array();

	json_object_set_new(o, "file", json_string(hk->new_file ? hk->new_file : hk->old_file));
	json_object_set_new(o, "old_line", json_integer(hk->old_start));
	json_object_set_new(o, "new_line", json_integer(hk->new_start));
	json_object_set_new(o, "in_series", json_boolean(hk->in_series));
	json_object_set_new(o, "proven", json_boolean(hunk_proven(hk)));
	json_object_set_new(o, "elsewhere", json_boolean(hunk_elsewhere(hk)));
	json_object_set_new(o, "before_archs", arch_list(side_mask(hk->removed, hk->nr_removed), cells,
							 nr_cells));
	json_object_set_new(o, "after_archs", arch_list(side_mask(hk->added, hk->nr_added), cells,
							nr_cells));
	if (hk->old_file)
		unproven_lines(un, hk->old_file, "before", hk->removed, hk->nr_removed);
	if (hk->new_file)
		unproven_lines(un, hk->new_file, "after", hk->added, hk->nr_added);
	json_object_set_new(o, "unproven", un);
	return o;
}

json_t *proof_json(const struct build_proof *p, const struct build_cell *cells, size_t nr_cells,
		   int incomplete)
{
	json_t *o = json_object(), *hunks = json_array();
	size_t proven = 0, total = 0;

	if (!p)
		return json_null();
	hunks_count(&p->hunks, &proven, &total);
	json_object_set_new(o, "complete", json_boolean(!incomplete));
	json_object_set_new(o, "hunks_proven", json_integer((json_int_t)proven));
	json_object_set_new(o, "hunks_total", json_integer((json_int_t)total));
	json_object_set_new(o, "hunks_elsewhere", json_integer((json_int_t)hunks_elsewhere(&p->hunks)));
	json_object_set_new(o, "not_in_run", json_strings(&p->not_in_run));
	json_object_set_new(o, "preprocessed", json_integer((json_int_t)p->lines.preprocessed));
	json_object_set_new(o, "line_seconds", json_real(p->lines.seconds));
	json_object_set_new(o, "identity_seconds", json_real(p->ident.seconds));
	json_object_set_new(o, "errors", json_strings(&p->lines.errors));
	json_object_set_new(o, "unit_errors", json_strings(&p->ident.unit_errors));
	for (size_t i = 0; i < p->hunks.nr; i++)
		json_array_append_new(hunks, hunk_json(&p->hunks.v[i], cells, nr_cells));
	json_object_set_new(o, "hunks", hunks);
	return o;
}

json_t *proof_cell_json(const struct build_proof *p, size_t i)
{
	const struct proof_cell *c;
	json_t *o;

	if (!p || i >= p->nr_cells || !p->cells[i].proved)
		return json_null();
	c = &p->cells[i];
	o = json_object();
	json_object_set_new(o, "hunks_compiled", json_integer((json_int_t)c->hunks_compiled));
	json_object_set_new(o, "hunks_total", json_integer((json_int_t)p->hunks.nr));
	json_object_set_new(o, "objects_compared", json_integer((json_int_t)c->ident.objects));
	json_object_set_new(o, "identical", json_integer((json_int_t)c->ident.identical));
	json_object_set_new(o, "changed", json_integer((json_int_t)c->ident.changed));
	json_object_set_new(o, "unexpected", json_integer((json_int_t)c->ident.unexpected));
	json_object_set_new(o, "changed_functions", json_strings(&c->ident.changed_list));
	json_object_set_new(o, "unexpected_functions", json_strings(&c->ident.unexpected_list));
	json_object_set_new(o, "compiler_choice", json_integer((json_int_t)c->ident.compiler));
	json_object_set_new(o, "compiler_choice_functions", json_strings(&c->ident.compiler_list));
	if (c->warned) {
		json_t *w = json_object();

		json_object_set_new(w, "after", json_integer((json_int_t)c->warnings_after));
		json_object_set_new(w, "already_there", json_integer((json_int_t)c->warnings_old));
		json_object_set_new(w, "new", json_strings(&c->new_warnings));
		json_object_set_new(o, "warnings", w);
	} else {
		json_object_set_new(o, "warnings", json_null());
	}
	return o;
}

static void cell_names(struct strbuf *sb, unsigned mask, const struct build_cell *cells,
		       size_t nr_cells)
{
	for (size_t i = 0; i < nr_cells; i++)
		if (mask & (1u << i))
			strbuf_addf(sb, "%s%s", sb->len ? " " : "", cells[i].arch);
	if (!sb->len)
		strbuf_addstr(sb, "-");
}

static void text_unproven(FILE *f, const char *file, const struct hunk_line *v, size_t n,
			  const char *side)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].code && !v[i].archs)
			fprintf(f, "      %s %s:%ld (%s): %s\n        %s\n",
				v[i].elsewhere ? "NOT BUILT HERE" : "UNPROVEN", file, v[i].nr, side,
				v[i].why ? v[i].why : "?", v[i].text);
}

void proof_text(FILE *f, const struct build_proof *p, const struct build_cell *cells,
		size_t nr_cells, int incomplete)
{
	size_t proven, total;

	if (!p) {
		fprintf(f, "\nproof: not run (the diff could not be read)\n");
		return;
	}
	hunks_count(&p->hunks, &proven, &total);
	fprintf(f, "\nproof: %zu of %zu hunks compiled on some arch%s (%zu gcc -E, %.1f s; identity %.1f s)\n",
		proven, total, incomplete ? ": INCOMPLETE" : "", p->lines.preprocessed,
		p->lines.seconds, p->ident.seconds);
	if (p->not_in_run.nr) {
		char *add = strvec_join(&p->not_in_run, p->not_in_run.nr, " --arch ");

		fprintf(f, "  %zu hunks only arches this run left out compile: not built in this run, "
			"not a failure (--arch %s proves them)\n", hunks_elsewhere(&p->hunks), add);
		free(add);
	}
	for (size_t i = 0; i < p->hunks.nr; i++) {
		const struct hunk *hk = &p->hunks.v[i];
		struct strbuf b = STRBUF_INIT, a = STRBUF_INIT;

		cell_names(&b, side_mask(hk->removed, hk->nr_removed), cells, nr_cells);
		cell_names(&a, side_mask(hk->added, hk->nr_added), cells, nr_cells);
		fprintf(f, "  %s %s:%ld  before: %s  after: %s%s\n",
			hunk_proven(hk) ? "ok  " : hunk_elsewhere(hk) ? "skip" : "FAIL",
			hk->new_file ? hk->new_file : hk->old_file, hk->new_file ? hk->new_start : hk->old_start,
			hk->nr_removed ? strbuf_str(&b) : "(none)", hk->nr_added ? strbuf_str(&a) : "(none)",
			hk->in_series ? "" : "  (not the series')");
		if (hk->old_file)
			text_unproven(f, hk->old_file, hk->removed, hk->nr_removed, "removed");
		if (hk->new_file)
			text_unproven(f, hk->new_file, hk->added, hk->nr_added, "added");
		strbuf_release(&b);
		strbuf_release(&a);
	}
	for (size_t i = 0; i < p->lines.errors.nr; i++)
		fprintf(f, "  ERROR %s\n", p->lines.errors.v[i]);
	for (size_t i = 0; i < p->ident.unit_errors.nr; i++)
		fprintf(f, "  note: judged by the .c text alone: %s\n", p->ident.unit_errors.v[i]);
	for (size_t i = 0; i < nr_cells && i < p->nr_cells; i++) {
		const struct proof_cell *c = &p->cells[i];

		if (!c->proved)
			continue;
		fprintf(f, "  %-8s hunks compiled %zu/%zu; functions in %zu objects: %zu identical, "
			"%zu changed as the diff says, %zu by the compiler's whole-unit choice, "
			"%zu unexpected\n", cells[i].arch, c->hunks_compiled, p->hunks.nr, c->ident.objects,
			c->ident.identical, c->ident.changed, c->ident.compiler, c->ident.unexpected);
		for (size_t j = 0; j < c->ident.unexpected_list.nr; j++)
			fprintf(f, "           UNEXPECTED %s\n", c->ident.unexpected_list.v[j]);
		for (size_t j = 0; j < c->ident.compiler_list.nr; j++)
			fprintf(f, "           compiler   %s\n", c->ident.compiler_list.v[j]);
		if (c->warned)
			fprintf(f, "           warnings (W=1%s): %zu after the series, %zu already there, %zu new\n",
				cells[i].warnings & MAKE_SPARSE ? ", sparse" : "", c->warnings_after,
				c->warnings_old, c->new_warnings.nr);
		else
			fprintf(f, "           warnings: not looked for (--no-warnings)\n");
		for (size_t j = 0; j < c->new_warnings.nr; j++)
			fprintf(f, "           NEW WARNING %s\n", c->new_warnings.v[j]);
	}
}

void proof_column(json_t *report, char *buf, size_t size)
{
	json_t *build = json_object_get(report, "build"), *p = json_object_get(build, "proof"), *cell;
	json_int_t unexpected = 0;
	size_t k;

	if (!json_is_object(p)) {
		snprintf(buf, size, "-");
		return;
	}
	json_array_foreach(json_object_get(build, "archs"), k, cell)
		unexpected += json_integer_value(json_object_get(json_object_get(cell, "proof"), "unexpected"));
	snprintf(buf, size, "%lld/%lld%s", json_integer_value(json_object_get(p, "hunks_proven")),
		 json_integer_value(json_object_get(p, "hunks_total")),
		 json_is_true(json_object_get(p, "complete")) ? "" : ":incomplete");
	if (unexpected) {
		size_t n = strlen(buf);

		snprintf(buf + n, size - n, ":%lld-unexpected", unexpected);
	}
}
