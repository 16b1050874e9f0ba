#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "lib/fileio.h"
#include "lib/json_strings.h"
#include "lib/usage.h"
#include "report/report.h"
#include "report/report_html.h"
#include "report/report_proof.h"

size_t report_count(const struct strvec *findings, const char *kind)
{
	size_t n = 0, len = strlen(kind);

	/* "file:line:col-col: kind ..." */
	for (size_t i = 0; i < findings->nr; i++) {
		const char *msg = strstr(findings->v[i], ": ");

		n += msg && !strncmp(msg + 2, kind, len);
	}
	return n;
}

/* "path:line:col-col: msg" -> "path" (caller frees) */
static char *finding_file(const char *line)
{
	const char *colon = strchr(line, ':');

	return colon ? xstrndup(line, colon - line) : xstrdup(line);
}

static size_t count_in(const struct strvec *lines, const char *file, const char *kind)
{
	size_t n = 0, len = strlen(file);

	for (size_t i = 0; i < lines->nr; i++) {
		const char *msg = strstr(lines->v[i], ": ");

		if (!strncmp(lines->v[i], file, len) && lines->v[i][len] == ':' &&
		    (!kind || (msg && !strncmp(msg + 2, kind, strlen(kind)))))
			n++;
	}
	return n;
}

/* The patch (1-based) that holds file, or 0. */
static size_t patch_of(const struct rev_result *r, const char *file)
{
	for (size_t i = 0; i < r->nr_patches; i++)
		if (strvec_contains(&r->patches[i].files, file))
			return i + 1;
	return 0;
}

/* Every file with a finding before or after: what was found, what is left. */
static void files_with_findings(const struct rev_result *r, struct strvec *files)
{
	for (size_t i = 0; i < r->findings.nr + r->residuals.nr; i++) {
		const char *l = i < r->findings.nr ? r->findings.v[i] : r->residuals.v[i - r->findings.nr];
		char *f = finding_file(l);

		if (!strvec_contains(files, f))
			strvec_push(files, f);
		free(f);
	}
	strvec_sort(files);
}


static json_t *build_json(const struct rev_result *r)
{
	json_t *o = json_object(), *cells = json_array();

	json_object_set_new(o, "note", r->build_note ? json_string(r->build_note) : json_null());
	for (size_t i = 0; i < r->nr_cells; i++) {
		const struct build_cell *c = &r->cells[i];
		json_t *cell = json_object();

		json_object_set_new(cell, "arch", json_string(c->arch));
		json_object_set_new(cell, "state", json_string(cell_state_name(c->state)));
		json_object_set_new(cell, "reason", c->reason ? json_string(c->reason) : json_null());
		json_object_set_new(cell, "built", json_strings(&c->built));
		json_object_set_new(cell, "regressions", json_strings(&c->regressions));
		json_object_set_new(cell, "regression_errors", json_strings(&c->regression_errors));
		json_object_set_new(cell, "not_buildable", json_strings(&c->not_buildable));
		json_object_set_new(cell, "not_enabled", json_strings(&c->not_enabled));
		json_object_set_new(cell, "not_buildable_errors", json_strings(&c->not_buildable_errors));
		json_object_set_new(cell, "defconfig", c->defconfig ? json_string(c->defconfig) : json_null());
		json_object_set_new(cell, "defconfig_note",
				    c->defconfig_note ? json_string(c->defconfig_note) : json_null());
		json_object_set_new(cell, "cross_compile", c->cross ? json_string(c->cross) : json_null());
		json_object_set_new(cell, "fragment_dropped", json_strings(&c->fragment_dropped));
		json_object_set_new(cell, "fragment_dropped_why", json_strings(&c->fragment_why));
		json_object_set_new(cell, "config_not_in_tree", json_strings(&c->not_in_tree));
		json_object_set_new(cell, "patches_built", json_integer(c->patches_built));
		json_object_set_new(cell, "bisect_failures", json_strings(&c->bisect_failures));
		json_object_set_new(cell, "proof", proof_cell_json(r->proof, i));
		json_object_set_new(cell, "seconds", json_real(c->seconds));
		json_array_append_new(cells, cell);
	}
	json_object_set_new(o, "archs", cells);
	if (r->nr_cells) {
		json_t *cov = json_object();

		json_object_set_new(cov, "compiled", json_strings(&r->compiled));
		json_object_set_new(cov, "not_compiled", json_strings(&r->not_compiled));
		json_object_set_new(o, "coverage", cov);
		json_object_set_new(o, "proof", proof_json(r->proof, r->cells, r->nr_cells,
							   r->proof_incomplete));
	}
	return o;
}

/* report.json's "patches": each with its files, recipients, upstream commit, checkpatch */
static json_t *patches_json(const struct rev_result *r)
{
	json_t *patches = json_array();

	for (size_t i = 0; i < r->nr_patches; i++) {
		json_t *p = json_object();

		json_object_set_new(p, "number", json_integer(i + 1));
		json_object_set_new(p, "subject", json_string(r->patches[i].subject));
		json_object_set_new(p, "files", json_strings(&r->patches[i].files));
		json_object_set_new(p, "catch_all", json_boolean(r->patches[i].catch_all));
		json_object_set_new(p, "to", json_strings(&r->patches[i].to));
		json_object_set_new(p, "cc", json_strings(&r->patches[i].cc));
		json_object_set_new(p, "cc_error", r->patches[i].cc_error ?
				    json_string(r->patches[i].cc_error) : json_null());
		json_object_set_new(p, "upstream", r->patches[i].upstream ?
				    json_string(r->patches[i].upstream) : json_null());
		if (r->patches[i].cp_errors >= 0) {
			json_t *cp = json_object();

			json_object_set_new(cp, "errors", json_integer(r->patches[i].cp_errors));
			json_object_set_new(cp, "warnings", json_integer(r->patches[i].cp_warnings));
			json_object_set_new(cp, "already_there", json_integer(r->patches[i].cp_already));
			json_object_set_new(cp, "messages", json_strings(&r->patches[i].cp_messages));
			json_object_set_new(cp, "stable_line_not_counted",
					    json_boolean(r->patches[i].cp_stable_line));
			json_object_set_new(p, "checkpatch", cp);
		} else {
			json_object_set_new(p, "checkpatch", json_null());
		}
		json_array_append_new(patches, p);
	}
	return patches;
}

static json_t *posting_json(const struct posting_result *p)
{
	json_t *o = json_object();

	if (!p->base_describe)
		return json_null();
	json_object_set_new(o, "base_describe", json_string(p->base_describe));
	json_object_set_new(o, "version", json_integer(p->version));
	json_object_set_new(o, "recipients", json_string(p->recipients ? p->recipients : ""));
	json_object_set_new(o, "cover_to", json_strings(&p->cover_to));
	json_object_set_new(o, "cover_cc", json_strings(&p->cover_cc));
	json_object_set_new(o, "lists", json_strings(&p->lists));
	json_object_set_new(o, "previous", p->previous ? json_string(p->previous) : json_null());
	json_object_set_new(o, "previous_version", p->previous ? json_integer(p->previous_version) :
			    json_null());
	json_object_set_new(o, "added", json_strings(&p->added));
	json_object_set_new(o, "dropped", json_strings(&p->dropped));
	json_object_set_new(o, "changed", json_strings(&p->changed));
	json_object_set_new(o, "stable", p->stable ? json_string(p->stable) : json_null());
	json_object_set_new(o, "checks", json_strings(&p->checks));
	json_object_set_new(o, "check_errors", json_integer(p->check_errors));
	return o;
}

static json_t *to_json(const struct rev_result *r, const struct manifest_table *kinds)
{
	json_t *o = json_object(), *found = json_object();

	json_object_set_new(o, "revision", json_string(r->rev));
	json_object_set_new(o, "commit", r->commit ? json_string(r->commit) : json_null());
	json_object_set_new(o, "state", json_string(rev_state_name(r->state)));
	json_object_set_new(o, "error", r->error ? json_string(r->error) : json_null());
	json_object_set_new(o, "candidate_files", json_integer(r->candidates));
	for (size_t k = 0; k < kinds->rows; k++)
		json_object_set_new(found, cell(kinds, k, KIND_KEY),
				    json_integer(report_count(&r->findings, cell(kinds, k, KIND_PREFIX))));
	json_object_set_new(o, "found", found);
	json_object_set_new(o, "findings", json_strings(&r->findings));
	{
		struct strvec files = STRVEC_INIT;
		json_t *per_file = json_array();

		files_with_findings(r, &files);
		for (size_t i = 0; i < files.nr; i++) {
			json_t *f = json_object();
			size_t patch = patch_of(r, files.v[i]);

			json_object_set_new(f, "file", json_string(files.v[i]));
			for (size_t k = 0; k < kinds->rows; k++)
				json_object_set_new(f, cell(kinds, k, KIND_KEY),
						    json_integer(count_in(&r->findings, files.v[i],
									  cell(kinds, k, KIND_PREFIX))));
			json_object_set_new(f, "residuals",
					    json_integer(count_in(&r->residuals, files.v[i], NULL)));
			json_object_set_new(f, "patch", patch ? json_integer(patch) : json_null());
			json_array_append_new(per_file, f);
		}
		json_object_set_new(o, "files", per_file);
		strvec_clear(&files);
	}
	json_object_set_new(o, "patches", patches_json(r));
	json_object_set_new(o, "files_changed", json_integer(r->files_changed));
	json_object_set_new(o, "insertions", json_integer(r->insertions));
	json_object_set_new(o, "deletions", json_integer(r->deletions));
	json_object_set_new(o, "residuals", json_strings(&r->residuals));
	json_object_set_new(o, "parse_failures", json_strings(&r->parse_failures));
	json_object_set_new(o, "parse_errors", json_integer(r->parse_errors));
	json_object_set_new(o, "check_failures", json_strings(&r->check_failures));
	json_object_set_new(o, "unchecked", json_integer(r->unchecked));
	json_object_set_new(o, "check_notes", json_strings(&r->check_notes));
	json_object_set_new(o, "layout", json_strings(&r->layout));
	json_object_set_new(o, "idle_patches", json_strings(&r->idle_patches));
	json_object_set_new(o, "api_note", r->api_note ? json_string(r->api_note) : json_null());
	json_object_set_new(o, "posting", posting_json(&r->post));
	json_object_set_new(o, "build", build_json(r));
	json_object_set_new(o, "branch", r->branch ? json_string(r->branch) : json_null());
	json_object_set_new(o, "checkpatch", json_string(r->checkpatch ? r->checkpatch : "not run"));
	json_object_set_new(o, "seconds", json_real(r->seconds));
	{
		/* when the run ended: `kseries matrix --prefer newest` compares it */
		char when[32];
		time_t now = time(NULL);

		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
		json_object_set_new(o, "finished", json_string(when));
	}
	return o;
}

/* "3 callers, 9 callbacks" and the per-file table: the series' kinds */
static void write_kinds(FILE *f, const struct rev_result *r, const struct manifest_table *kinds)
{
	struct strvec files = STRVEC_INIT;

	fprintf(f, "found before:");
	for (size_t k = 0; k < kinds->rows; k++)
		fprintf(f, "%s %zu %s", k ? "," : "",
			report_count(&r->findings, cell(kinds, k, KIND_PREFIX)), cell(kinds, k, KIND_LABEL));
	fprintf(f, "\n\nper file:");
	for (size_t k = 0; k < kinds->rows; k++) {
		fputc(' ', f);
		for (const char *p = cell(kinds, k, KIND_LABEL); *p; p++)
			fputc(*p == ' ' ? '-' : *p, f);
	}
	fprintf(f, " -> left, patch\n");
	files_with_findings(r, &files);
	for (size_t i = 0; i < files.nr; i++) {
		size_t patch = patch_of(r, files.v[i]), left = count_in(&r->residuals, files.v[i], NULL);

		fprintf(f, "  %-52s", files.v[i]);
		for (size_t k = 0; k < kinds->rows; k++)
			fprintf(f, " %zu", count_in(&r->findings, files.v[i], cell(kinds, k, KIND_PREFIX)));
		fprintf(f, " -> %zu left, ", left);
		if (patch)
			fprintf(f, "patch %zu\n", patch);
		else
			fprintf(f, "%s\n", left ? "NOT CONVERTED" : "no patch");
	}
	strvec_clear(&files);
}

/* A line "PREFIXs" for each string s of sv. */
static void each_line(FILE *f, const char *prefix, const struct strvec *sv)
{
	for (size_t i = 0; i < sv->nr; i++)
		fprintf(f, "%s%s\n", prefix, sv->v[i]);
}

/* "           TITLE a b c", or nothing when there are none */
static void strings_line(FILE *f, const char *title, const struct strvec *sv)
{
	if (!sv->nr)
		return;
	fprintf(f, "           %s", title);
	for (size_t j = 0; j < sv->nr; j++)
		fprintf(f, " %s", sv->v[j]);
	fputc('\n', f);
}

/* report.txt's patches: subject, files, upstream commit, Cc count, checkpatch */
static void patches_text(FILE *f, const struct rev_result *r)
{
	fprintf(f, "\npatches: %zu (%d files changed, %d insertions(+), %d deletions(-))\n",
		r->nr_patches, r->files_changed, r->insertions, r->deletions);
	for (size_t i = 0; i < r->nr_patches; i++) {
		fprintf(f, "  %04zu %s%s\n", i + 1, r->patches[i].subject,
			r->patches[i].catch_all ? "   [catch-all: no manifest entry]" : "");
		for (size_t j = 0; j < r->patches[i].files.nr; j++)
			fprintf(f, "         %s\n", r->patches[i].files.v[j]);
		if (r->patches[i].upstream)
			fprintf(f, "         upstream: commit %s\n", r->patches[i].upstream);
		if (r->patches[i].to.nr || r->patches[i].cc.nr || r->patches[i].cc_error)
			fprintf(f, "         to: %zu, cc: %zu addresses%s%s\n", r->patches[i].to.nr,
				r->patches[i].cc.nr,
				r->patches[i].cc_error ? "; " : "",
				r->patches[i].cc_error ? r->patches[i].cc_error : "");
		if (r->patches[i].cp_errors >= 0)
			fprintf(f, "         checkpatch: %d errors, %d warnings, %d of them already "
				"there before the series%s\n",
				r->patches[i].cp_errors, r->patches[i].cp_warnings,
				r->patches[i].cp_already,
				r->patches[i].cp_stable_line ? " (not counted: its GIT_COMMIT_ID "
				"error on the stable form's \"commit <sha> upstream.\" line)" : "");
		for (size_t j = 0; j < r->patches[i].cp_messages.nr; j++)
			fprintf(f, "           %s\n", r->patches[i].cp_messages.v[j]);
	}
}

/* What posting needs: base, version, recipients, changes since, the mail tools' verdict. */
static void posting_text(FILE *f, const struct posting_result *p)
{
	if (!p->base_describe)
		return;
	fprintf(f, "\nposting: version %d, base %s (base-commit in the cover letter)\n", p->version,
		p->base_describe);
	fprintf(f, "  recipients: %s\n", p->recipients ? p->recipients : "none");
	if (p->cover_to.nr || p->cover_cc.nr)
		fprintf(f, "  cover letter To: %zu addresses; Cc: %zu addresses, %zu of them lists\n",
			p->cover_to.nr, p->cover_cc.nr, p->lists.nr);
	each_line(f, "    list ", &p->lists);
	if (p->previous) {
		fprintf(f, "  changes since v%d (%s; range-diff.txt): %zu changed, %zu added, "
			"%zu dropped\n", p->previous_version, p->previous, p->changed.nr,
			p->added.nr, p->dropped.nr);
		each_line(f, "    changed ", &p->changed);
		each_line(f, "    added ", &p->added);
		each_line(f, "    dropped ", &p->dropped);
	}
	if (p->stable)
		fprintf(f, "  stable form: against %s\n", p->stable);
	fprintf(f, "  checks: %d failed\n", p->check_errors);
	each_line(f, "    ", &p->checks);
}

static void write_text(FILE *f, const struct rev_result *r, const struct manifest_table *kinds)
{
	fprintf(f, "kseries report for %s (%s)\n\n", r->rev, r->commit ? r->commit : "?");
	fprintf(f, "state: %s\n", rev_state_name(r->state));
	if (r->error)
		fprintf(f, "error: %s\n", r->error);
	/* a search that never finished found nothing: never "0 files" */
	if (r->searched)
		fprintf(f, "files holding the tokens: %zu\n", r->candidates);
	else
		fprintf(f, "files holding the tokens: unknown (the run stopped before the search "
			"finished)\n");
	write_kinds(f, r, kinds);
	fprintf(f, "\nfindings before the series:\n");
	each_line(f, "  ", &r->findings);
	patches_text(f, r);
	fprintf(f, "checkpatch: %s\n", r->checkpatch ? r->checkpatch : "not run");
	posting_text(f, &r->post);
	fprintf(f, "\nresiduals after the series: %zu\n", r->residuals.nr);
	if (r->api_note)
		fprintf(f, "  WARNING %s\n", r->api_note);
	each_line(f, "  ERROR ", &r->residuals);
	fprintf(f, "parse failures: %zu (%d in code that uses the API)\n",
		r->parse_failures.nr, r->parse_errors);
	each_line(f, "  ", &r->parse_failures);
	fprintf(f, "checks on what the rules wrote: %zu failures (%d unchecked)\n",
		r->check_failures.nr, r->unchecked);
	each_line(f, "  ERROR ", &r->check_failures);
	each_line(f, "  ", &r->check_notes);
	fprintf(f, "layout of the written lines: %zu findings\n", r->layout.nr);
	each_line(f, "  WARNING ", &r->layout);
	for (size_t i = 0; i < r->idle_patches.nr; i++)
		fprintf(f, "WARNING %s\n", r->idle_patches.v[i]);
	fprintf(f, "\nbuild:%s%s\n", r->build_note ? " " : "", r->build_note ? r->build_note : "");
	if (r->nr_cells) {
		fprintf(f, "  changed files compiled on some arch after the series: %zu of %zu\n",
			r->compiled.nr, r->compiled.nr + r->not_compiled.nr);
		for (size_t i = 0; i < r->not_compiled.nr; i++)
			fprintf(f, "    not compiled anywhere: %s\n", r->not_compiled.v[i]);
	}
	for (size_t i = 0; i < r->nr_cells; i++) {
		const struct build_cell *c = &r->cells[i];

		fprintf(f, "  %-8s %-8s %zu built, %zu regressions, %zu not buildable before either "
			"(%zu not enabled here, %zu failing) (%.0fs)%s%s\n",
			c->arch, cell_state_name(c->state), c->built.nr, c->regressions.nr,
			c->not_buildable.nr, c->not_enabled.nr, c->not_buildable_errors.nr, c->seconds,
			c->reason ? ": " : "", c->reason ? c->reason : "");
		for (size_t j = 0; j < c->regressions.nr; j++)
			fprintf(f, "           ERROR fails after the series: %s\n", c->regressions.v[j]);
		for (size_t j = 0; j < c->regression_errors.nr; j++)
			fprintf(f, "             %s\n", c->regression_errors.v[j]);
		if (c->patches_built)
			fprintf(f, "           patches built one by one before the last: %zu\n",
				c->patches_built);
		for (size_t j = 0; j < c->bisect_failures.nr; j++)
			fprintf(f, "           ERROR does not build after patch %s\n", c->bisect_failures.v[j]);
		for (size_t j = 0; j < c->not_buildable.nr; j++)
			fprintf(f, "           not buildable before the series either: %s\n",
				c->not_buildable.v[j]);
		each_line(f, "             ", &c->not_enabled);
		each_line(f, "             fails: ", &c->not_buildable_errors);
		if (c->defconfig)
			fprintf(f, "           config: %s%s%s\n", c->defconfig_note ? c->defconfig_note : c->defconfig,
				c->cross ? ", compiler " : "", c->cross ? c->cross : "");
		else if (c->defconfig_note)
			fprintf(f, "           config: %s\n", c->defconfig_note);
		for (size_t j = 0; j < c->fragment_why.nr; j++)
			fprintf(f, "           config fragment dropped: %s\n", c->fragment_why.v[j]);
		strings_line(f, "config fragment not in this tree:", &c->not_in_tree);
	}
	if (r->nr_cells)
		proof_text(f, r->proof, r->cells, r->nr_cells, r->proof_incomplete);
	if (r->branch)
		fprintf(f, "branch: %s\n", r->branch);
	fprintf(f, "time: %.1f s\n", r->seconds);
}

int report_write(const char *dir, const struct rev_result *r, const struct manifest_table *kinds)
{
	char *txt = xstrfmt("%s/report.txt", dir), *js = xstrfmt("%s/report.json", dir);
	json_t *o = to_json(r, kinds);
	FILE *f = fopen(txt, "w");
	int ret = 0;

	if (!f || (write_text(f, r, kinds), fclose(f)))
		ret = error_write(txt);
	if (json_dump_file(o, js, JSON_INDENT(1) | JSON_PRESERVE_ORDER))
		ret = error_write(js);
	json_decref(o);
	free(txt);
	free(js);
	return ret;
}

/*
 * The runtime proof's verdict of a revision (kseries boot, series --boot:
 * REV_DIR/boot/runtime.json) for its matrix row, or NULL: not booted.
 */
static json_t *runtime_cell(const char *rev_dir, char *text, size_t len)
{
	char *path = xstrfmt("%s/boot/runtime.json", rev_dir);
	json_t *o = json_load_file(path, 0, NULL), *cell;
	const char *verdict;

	free(path);
	if (!o)
		return NULL;
	verdict = json_string_value(json_object_get(o, "verdict"));
	snprintf(text, len, "%s, fixes %zu", verdict ? verdict : "?",
		 json_array_size(json_object_get(o, "fixed")));
	cell = json_pack("{s:s, s:O}", "verdict", verdict ? verdict : "?", "fixed",
			 json_object_get(o, "fixed"));
	json_decref(o);
	return cell;
}

/* One revision's line of matrix.txt and its row of matrix.json, from its report.json. */
static json_t *matrix_row(FILE *f, const char *rev, const char *rev_dir, const char *dir)
{
	char *path = xstrfmt("%s/report.json", rev_dir), pm[32], build[256] = "", proof[64], rt[64];
	json_error_t jerr;
	json_t *o = json_load_file(path, 0, &jerr), *row = json_object(), *cells, *cell, *runtime;
	size_t k;

	free(path);
	json_object_set_new(row, "revision", json_string(rev));
	json_object_set_new(row, "dir", json_string(dir));
	if (!o) {
		/* a revision that died before its report: say so, never skip it */
		json_object_set_new(row, "state", json_string("incomplete"));
		fprintf(f, "%-24s %-18s\n", rev, "incomplete");
		return row;
	}
	snprintf(pm, sizeof(pm), "+%lld/-%lld", json_integer_value(json_object_get(o, "insertions")),
		 json_integer_value(json_object_get(o, "deletions")));
	cells = json_object_get(json_object_get(o, "build"), "archs");
	json_array_foreach(cells, k, cell) {
		size_t len = strlen(build);

		snprintf(build + len, sizeof(build) - len, "%s%s:%s", k ? " " : "",
			 json_string_value(json_object_get(cell, "arch")),
			 json_string_value(json_object_get(cell, "state")));
	}
	proof_column(o, proof, sizeof(proof));
	runtime = runtime_cell(rev_dir, rt, sizeof(rt));
	fprintf(f, "%-24s %-18s %7zu %6lld %12s %9zu %6lld %-22s %s%s%s\n", rev,
		json_string_value(json_object_get(o, "state")),
		json_array_size(json_object_get(o, "patches")),
		json_integer_value(json_object_get(o, "files_changed")), pm,
		json_array_size(json_object_get(o, "residuals")),
		json_integer_value(json_object_get(o, "parse_errors")), proof, *build ? build : "not run",
		runtime ? "  runtime: " : "", runtime ? rt : "");
	json_object_set(row, "state", json_object_get(o, "state"));
	/* why a failed row failed, on the page too: its cells may all be green */
	json_object_set(row, "error", json_object_get(o, "error"));
	if (runtime)
		json_object_set_new(row, "runtime", runtime);
	json_object_set_new(row, "patches", json_integer(json_array_size(json_object_get(o, "patches"))));
	json_object_set(row, "files_changed", json_object_get(o, "files_changed"));
	json_object_set(row, "insertions", json_object_get(o, "insertions"));
	json_object_set(row, "deletions", json_object_get(o, "deletions"));
	json_object_set_new(row, "residuals",
			    json_integer(json_array_size(json_object_get(o, "residuals"))));
	json_object_set(row, "parse_errors", json_object_get(o, "parse_errors"));
	json_object_set(row, "build", json_object_get(json_object_get(o, "build"), "archs"));
	json_object_set_new(row, "proof", json_string(proof));
	json_decref(o);
	return row;
}

/* The columns: the arches in matrix order, then the variants, as the rows have them. */
static json_t *matrix_archs(json_t *rows)
{
	json_t *archs = json_array(), *row, *cell;
	struct strvec names = STRVEC_INIT;
	size_t k, c;

	for (size_t a = 0; arch_names[a]; a++)
		strvec_push(&names, arch_names[a]);
	json_array_foreach(rows, k, row)
		json_array_foreach(json_object_get(row, "build"), c, cell) {
			const char *arch = json_string_value(json_object_get(cell, "arch"));

			if (arch && !strvec_contains(&names, arch))
				strvec_push(&names, arch);
		}
	for (size_t a = 0; a < names.nr; a++)
		json_array_append_new(archs, json_string(names.v[a]));
	strvec_clear(&names);
	return archs;
}

int report_matrix(const char *out, const struct strvec *rev_dirs, const struct strvec *revs)
{
	char *txt = xstrfmt("%s/matrix.txt", out), *js = xstrfmt("%s/matrix.json", out);
	json_t *top = json_object(), *rows = json_array();
	FILE *f = fopen(txt, "w");
	size_t olen = strlen(out);
	int ret = 0;

	if (!f) {
		ret = error_write(txt);
	} else {
		fprintf(f, "%-24s %-18s %7s %6s %12s %9s %6s %-22s %s\n", "revision", "state", "patches",
			"files", "+/-", "residuals", "parse", "proof", "build");
		for (size_t i = 0; i < rev_dirs->nr; i++) {
			/* the revision's folder, relative to out (links of matrix.html) */
			const char *dir = strncmp(rev_dirs->v[i], out, olen) ? rev_dirs->v[i] :
					  rev_dirs->v[i] + olen + (rev_dirs->v[i][olen] == '/');

			json_array_append_new(rows, matrix_row(f, revs->v[i], rev_dirs->v[i], dir));
		}
		if (fclose(f))
			ret = error_write(txt);
		json_object_set(top, "revisions", rows);
		json_object_set_new(top, "archs", matrix_archs(rows));
		if (json_dump_file(top, js, JSON_INDENT(1) | JSON_PRESERVE_ORDER))
			ret = error_write(js);
		if (report_matrix_html(out, top))
			ret = -1;
	}
	json_decref(rows);
	json_decref(top);
	free(txt);
	free(js);
	return ret;
}

void report_show_matrix(const char *out)
{
	char *matrix = xstrfmt("%s/matrix.txt", out), *text = usage_quiet ? NULL : read_file(matrix);

	if (text)
		fputs(text, stdout);
	free(text);
	free(matrix);
}

