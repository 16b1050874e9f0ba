/*
 * The build stage of a revision, for series and build alike: the matrix with
 * the proof joined to it, each patch on its own, the coverage.
 */
#include <stdlib.h>
#include <string.h>
#include "matrix/bisect.h"
#include "matrix/coverage.h"
#include "matrix/matrix.h"
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "proof/proof.h"
#include "series/build_stage.h"

/* Bisectability: every commit of the series but the last, built on its own. */
static int build_each_patch(const struct build_request *q, struct rev_result *r)
{
	struct strvec commits = STRVEC_INIT, subjects = STRVEC_INIT, *files;
	char *range = xstrfmt("%s..%s", q->base, q->head), *out = NULL;
	int failed = 0;

	run_capture(&out, q->wt, "git", "rev-list", "--reverse", "--first-parent", range, NULL);
	strvec_split_lines(&commits, out ? out : "");
	free(out);
	free(range);
	files = xcalloc(r->nr_patches + 1, sizeof(*files));
	for (size_t i = 0; i < r->nr_patches; i++) {
		strvec_pushv(&files[i], (const char *const *)r->patches[i].files.v);
		strvec_push(&subjects, r->patches[i].subject);
	}
	/* the last commit is the head the matrix has just built */
	if (commits.nr == r->nr_patches && commits.nr > 1) {
		commits.nr--;
		info("[%s] build: each patch on its own (bisectability)", r->rev);
		failed = bisect_patches(q->wt, &commits, files, &subjects, q->files, &q->m->targets,
				       r->cells, r->nr_cells, q->dir, q->jobs);
		commits.nr++;
	}
	for (size_t i = 0; i < r->nr_patches; i++)
		strvec_clear(&files[i]);
	free(files);
	strvec_clear(&commits);
	strvec_clear(&subjects);
	return failed;
}

int build_warning_checks(int wanted)
{
	static int said;

	if (!wanted)
		return 0;
	if (program_exists("sparse"))
		return MAKE_W1 | MAKE_SPARSE;
	if (!said++)
		note("sparse is not installed: new sparse warnings are not looked for (apt install sparse)");
	return MAKE_W1;
}

/* The first line of code no arch compiled, and how many: "mm/x.c:12: why" */
static size_t first_unproven(const struct build_proof *p, struct strbuf *first)
{
	size_t n = 0;

	for (size_t i = 0; i < p->hunks.nr; i++)
		for (int side = 0; side < 2; side++) {
			struct hunk_side hs = hunk_side(&p->hunks.v[i], side);

			for (size_t l = 0; l < hs.n; l++) {
				if (!hs.v[l].code || hs.v[l].archs || hs.v[l].elsewhere)
					continue;
				if (!n++)
					strbuf_addf(first, "%s:%ld: %s", hs.file, hs.v[l].nr,
						    hs.v[l].why ? hs.v[l].why : "?");
			}
		}
	return n;
}

char *build_failure(const struct rev_result *r, int allow_unproven)
{
	struct strbuf sb = STRBUF_INIT, first = STRBUF_INIT;
	size_t n;

	for (size_t i = 0; i < r->nr_cells; i++)
		if (r->cells[i].state == CELL_FAILED)
			strbuf_addf(&sb, "%s%s failed: %s", sb.len ? "; " : "", r->cells[i].arch,
				    r->cells[i].reason ? r->cells[i].reason : "see report.txt");
	if (r->proof_incomplete && !allow_unproven && r->proof &&
	    (n = first_unproven(r->proof, &first)))
		strbuf_addf(&sb, "%s%zu lines of code no arch compiled (first %s; --allow-unproven "
			    "reports them only)", sb.len ? "; " : "", n, strbuf_str(&first));
	else if (r->proof_incomplete && !allow_unproven && !r->proof)
		strbuf_addf(&sb, "%sno proof: the diff could not be read", sb.len ? "; " : "");
	strbuf_release(&first);
	if (!sb.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

/* The proof's part of the statement: lines, functions, warnings. */
static void proof_statement(struct strbuf *sb, const struct rev_result *r)
{
	const struct build_proof *p = r->proof;
	size_t proven, total, compiler = 0, unexpected = 0, newwarn = 0, warned = 0, sparse = 0;

	if (!p) {
		strbuf_addstr(sb, " The proof could not run.");
		return;
	}
	hunks_count(&p->hunks, &proven, &total);
	for (size_t i = 0; i < p->nr_cells && i < r->nr_cells; i++) {
		compiler += p->cells[i].ident.compiler;
		unexpected += p->cells[i].ident.unexpected;
		newwarn += p->cells[i].new_warnings.nr;
		warned += p->cells[i].warned;
		sparse += p->cells[i].warned && (r->cells[i].warnings & MAKE_SPARSE);
	}
	strbuf_addf(sb, " %zu of %zu hunks had every line of code compiled on some of them", proven, total);
	if (hunks_elsewhere(&p->hunks)) {
		char *add = strvec_join(&p->not_in_run, p->not_in_run.nr, ", ");

		strbuf_addf(sb, "; %zu more compile only on %s, not built here", hunks_elsewhere(&p->hunks), add);
		free(add);
	}
	if (proven + hunks_elsewhere(&p->hunks) < total)
		strbuf_addf(sb, "; %zu no arch built compiles", total - proven - hunks_elsewhere(&p->hunks));
	strbuf_addf(sb, ". %s", unexpected ? "Some functions the series does not touch compile differently: "
		    "see the report." : "Every function the series does not touch compiles to the same code");
	if (!unexpected && compiler)
		strbuf_addf(sb, " but %zu, whose source is the same, that gcc inlines or clones otherwise",
			    compiler);
	if (!unexpected)
		strbuf_addch(sb, '.');
	if (warned)
		strbuf_addf(sb, " %s (W=1%s).", newwarn ? "It adds warnings: see the report" :
			    "It adds no warning", sparse ? ", and sparse on x86_64" : "");
}

char *build_statement(const struct rev_result *r, int bisect, int allow_unproven)
{
	struct strbuf sb = STRBUF_INIT, ok = STRBUF_INIT, skipped = STRBUF_INIT;
	char *why = r->build_failed ? build_failure(r, allow_unproven) : NULL;
	size_t patches = 0;

	if (r->build_failed) {
		strbuf_addf(&sb, "kseries built this series and the build failed: %s. Do not post it "
			    "as it is.", why ? why : "see the report");
		free(why);
		return strbuf_detach(&sb);
	}
	for (size_t i = 0; i < r->nr_cells; i++) {
		const struct build_cell *c = &r->cells[i];

		/* a vendor's .config is no defconfig: name its file */
		if (c->state == CELL_OK && c->kconfig)
			strbuf_addf(&ok, "%s%s (from %s, --kconfig)", ok.len ? ", " : "", c->arch,
				    strrchr(c->kconfig, '/') + 1);
		else if (c->state == CELL_OK)
			strbuf_addf(&ok, "%s%s", ok.len ? ", " : "", c->arch);
		else
			strbuf_addf(&skipped, "%s%s (%s)", skipped.len ? "; " : "", c->arch,
				    c->reason ? c->reason : cell_state_name(c->state));
		patches = c->patches_built > patches ? c->patches_built : patches;
	}
	strbuf_addf(&sb, "Built by kseries with each arch's defconfig and the series' settings, "
		    "before and after the series, on %s: no object that built before fails after "
		    "it.", ok.len ? strbuf_str(&ok) : "no arch");
	if (bisect && patches)
		strbuf_addf(&sb, " Each of the first %zu patches builds on its own.", patches);
	proof_statement(&sb, r);
	if (skipped.len)
		strbuf_addf(&sb, " Not built: %s.", strbuf_str(&skipped));
	strbuf_release(&ok);
	strbuf_release(&skipped);
	return strbuf_detach(&sb);
}

int series_build(const struct build_request *q, struct rev_result *r)
{
	struct strvec changed = STRVEC_INIT;
	struct matrix_hooks hooks = { 0 };
	int n;

	r->proof = xcalloc(1, sizeof(*r->proof));
	if (proof_init(r->proof, q->wt, q->base, q->head, q->scope, q->expect)) {
		free(r->proof);
		r->proof = NULL;
	}
	if (r->proof)
		hooks = proof_hooks(r->proof, q->warnings);
	hooks.kconfigs = q->kconfigs;
	n = build_matrix(q->wt, q->base, q->head, q->files, q->archs, q->m, q->dir, q->jobs,
			 &hooks, &r->cells, &r->nr_cells);
	if (r->proof)
		proof_finish(r->proof, r->cells, r->nr_cells);
	if (n >= 0)
		n += proof_judge(r->proof, q->allow_unproven, &r->proof_incomplete);
	if (n >= 0 && q->bisect)
		n += build_each_patch(q, r);
	for (size_t i = 0; i < r->nr_patches; i++)
		for (size_t f = 0; f < r->patches[i].files.nr; f++)
			if (!strvec_contains(&changed, r->patches[i].files.v[f]))
				strvec_push(&changed, r->patches[i].files.v[f]);
	coverage_of(q->dir, r->cells, r->nr_cells, &changed, &r->compiled, &r->not_compiled);
	strvec_clear(&changed);
	return n;
}

