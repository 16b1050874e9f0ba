/*
 * The proof of a diff over the build matrix (proof.h): its parts set up,
 * joined to the matrix by its per-cell hooks, and the figures once every
 * arch has been built.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kbuild/cmdfile.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "proof/newwarn.h"
#include "proof/proof.h"

int proof_init(struct build_proof *p, const char *wt, const char *base, const char *tip,
	       const struct strvec *tokens, const struct strvec *expect)
{
	memset(p, 0, sizeof(*p));
	if (hunks_read(&p->hunks, wt, base, tip))
		return -1;
	lineproof_init(&p->lines, wt, &p->hunks);
	identity_init(&p->ident, wt, &p->hunks, base, tip, tokens, expect);
	return 0;
}

/* The per-cell figures of cells 0..n-1, made as the matrix reaches them. */
static void proof_cells(struct build_proof *p, size_t n)
{
	if (n <= p->nr_cells)
		return;
	p->cells = xrealloc(p->cells, n * sizeof(*p->cells));
	memset(p->cells + p->nr_cells, 0, (n - p->nr_cells) * sizeof(*p->cells));
	p->nr_cells = n;
}

/*
 * The proof's part before the series: the removed lines, from the objects
 * this step built; and those objects kept (hard links: the next step
 * unlinks before it rebuilds) in <arch>-before/ for the identity.
 */
static void proof_before(void *data, size_t i, const struct build_cell *c, const char *out_dir,
			 const char *o_dir, const struct strvec *built)
{
	struct build_proof *p = data;
	struct strvec objs = STRVEC_INIT;
	char *keep = xstrfmt("%s/%s-before", out_dir, c->arch);

	proof_cells(p, i + 1);
	lineproof_arch(&p->lines, 0, 1u << i, c->arch, o_dir, built);
	identity_keep_units(&p->ident, o_dir, built, keep);
	cmdfile_objects(o_dir, built, &objs);
	for (size_t o = 0; o < objs.nr; o++) {
		char *from = xstrfmt("%s/%s", o_dir, objs.v[o]), *to = xstrfmt("%s/%s", keep, objs.v[o]);

		make_parents(to, 0777);
		unlink(to);
		if (link(from, to)) {
			char *text = NULL;

			/* another file system: a copy (run_capture of cp keeps it simple) */
			run_capture(&text, NULL, "cp", from, to, NULL);
			free(text);
		}
		free(from);
		free(to);
	}
	p->cells[i].proved = 1;
	strvec_clear(&objs);
	free(keep);
}

/* The warnings of this cell's makes, after the series against before it. */
static void compare_warnings(struct build_proof *p, struct proof_cell *pc, const char *out_dir,
			     const char *arch)
{
	char *blog = xstrfmt("%s/%s-before.log", out_dir, arch), *alog = xstrfmt("%s/%s.log", out_dir, arch);
	char *o_dir = xstrfmt("%s/%s", out_dir, arch);
	char *bt = read_file(blog), *at = read_file(alog);
	struct build_warnings before, after;

	warnings_parse(&before, bt, p->lines.wt, o_dir);
	warnings_parse(&after, at, p->lines.wt, o_dir);
	warnings_new(&before, &after, &p->hunks, &pc->new_warnings, &pc->warnings_old);
	pc->warnings_after = after.nr;
	pc->warned = 1;
	warnings_clear(&before);
	warnings_clear(&after);
	free(bt);
	free(at);
	free(o_dir);
	free(blog);
	free(alog);
}

/* After the series: the added lines, and each object's functions against the kept ones. */
static char *proof_after(void *data, size_t i, const struct build_cell *c, const char *out_dir,
			 const char *o_dir)
{
	struct build_proof *p = data;
	struct proof_cell *pc;
	char *keep, *reason = NULL;

	if (i >= p->nr_cells || !p->cells[i].proved)
		return NULL;	/* nothing kept from before the series to compare with */
	pc = &p->cells[i];
	keep = xstrfmt("%s/%s-before", out_dir, c->arch);
	lineproof_arch(&p->lines, 1, 1u << i, c->arch, o_dir, &c->built);
	identity_arch(&p->ident, cell_arch(c)->cross, keep, o_dir, &c->built, &pc->ident);
	if (c->warnings)
		compare_warnings(p, pc, out_dir, c->arch);
	if (pc->ident.unexpected)
		reason = xstrfmt("%zu functions changed that the diff does not touch: %s",
				 pc->ident.unexpected, pc->ident.unexpected_list.v[0]);
	else if (pc->new_warnings.nr)
		reason = xstrfmt("%zu new warning%s: %s", pc->new_warnings.nr,
				 pc->new_warnings.nr == 1 ? "" : "s", pc->new_warnings.v[0]);
	free(keep);
	return reason;
}

struct matrix_hooks proof_hooks(struct build_proof *p, int warnings)
{
	struct matrix_hooks h = { p, proof_before, proof_after, warnings, NULL };

	return h;
}

/* kseries' arch whose arch/ folder is srcarch[0..len): "x86" -> "x86_64", or NULL. */
static const char *arch_of_folder(const char *srcarch, size_t len)
{
	for (size_t i = 0; arch_names[i]; i++) {
		const struct arch_desc *a = arch_find(arch_names[i]);

		if (a && strlen(a->srcarch) == len && !strncmp(a->srcarch, srcarch, len))
			return arch_names[i];
	}
	return NULL;
}

/*
 * A line of arch/X/ when no cell of arch X was built: that is the reason,
 * not the file. An arch the run left out (not in --arch) leaves its lines
 * to another run: named, not a failure; a cell that was skipped or failed
 * proves nothing, and its lines stay unproven.
 */
static void arch_not_built(struct build_proof *p, struct hunk_line *v, size_t n,
			   const char *file, const struct build_cell *cells, size_t nr_cells)
{
	const char *name;
	size_t len;
	int asked = 0;

	if (!file || strncmp(file, "arch/", 5))
		return;
	len = strcspn(file + 5, "/");
	for (size_t i = 0; i < nr_cells; i++) {
		const char *src = cell_srcarch(&cells[i]);

		if (!src || strlen(src) != len || strncmp(src, file + 5, len))
			continue;
		if (p->cells[i].proved)
			return;
		asked = 1;
	}
	name = asked ? NULL : arch_of_folder(file + 5, len);
	for (size_t l = 0; l < n; l++) {
		if (!v[l].code || v[l].archs || v[l].why)
			continue;
		if (name) {
			v[l].elsewhere = 1;
			v[l].why = xstrfmt("arch/%.*s is not built in this run (add --arch %s)", (int)len,
					   file + 5, name);
			if (!strvec_contains(&p->not_in_run, name))
				strvec_push(&p->not_in_run, name);
		} else {
			v[l].why = xstrfmt("arch/%.*s is not built in this run (its cell was skipped or "
					   "failed, or kseries builds no such arch)", (int)len, file + 5);
		}
	}
}

/*
 * No cell built its objects (every one failed at configure or prepare, or
 * was skipped): no line was read as code or compiled, so none is proven.
 */
static void nothing_built(struct hunk_line *v, size_t n)
{
	for (size_t l = 0; l < n; l++) {
		v[l].code = 1;
		if (!v[l].why)
			v[l].why = xstrdup("no cell built its objects (see each cell's reason): "
					   "nothing was compiled");
	}
}

void proof_finish(struct build_proof *p, const struct build_cell *cells, size_t nr_cells)
{
	int proved = 0;

	proof_cells(p, nr_cells);

	for (size_t i = 0; i < nr_cells; i++)
		proved |= p->cells[i].proved;
	for (size_t i = 0; !proved && i < p->hunks.nr; i++) {
		nothing_built(p->hunks.v[i].removed, p->hunks.v[i].nr_removed);
		nothing_built(p->hunks.v[i].added, p->hunks.v[i].nr_added);
	}
	for (size_t i = 0; i < p->hunks.nr; i++) {
		struct hunk *hk = &p->hunks.v[i];

		arch_not_built(p, hk->removed, hk->nr_removed, hk->old_file, cells, nr_cells);
		arch_not_built(p, hk->added, hk->nr_added, hk->new_file, cells, nr_cells);
	}
	lineproof_finish(&p->lines);
	for (size_t i = 0; i < nr_cells; i++) {
		p->cells[i].hunks_compiled = 0;
		for (size_t k = 0; p->cells[i].proved && k < p->hunks.nr; k++) {
			const struct hunk *hk = &p->hunks.v[k];
			int all = 1;

			for (size_t l = 0; l < hk->nr_removed; l++)
				all &= !hk->removed[l].code || !!(hk->removed[l].archs & (1u << i));
			for (size_t l = 0; l < hk->nr_added; l++)
				all &= !hk->added[l].code || !!(hk->added[l].archs & (1u << i));
			p->cells[i].hunks_compiled += all;
		}
	}
}

int proof_judge(const struct build_proof *p, int allow_unproven, int *incomplete)
{
	size_t proven = 0, total = 0, elsewhere = p ? hunks_elsewhere(&p->hunks) : 0;

	if (p)
		hunks_count(&p->hunks, &proven, &total);
	*incomplete = !p || proven + elsewhere < total;
	if (elsewhere) {
		char *add = strvec_join(&p->not_in_run, p->not_in_run.nr, " --arch ");

		note("proof: %zu hunks only arches this run left out compile: not built in this run "
		     "(--arch %s proves them)", elsewhere, add);
		free(add);
	}
	if (*incomplete)
		info("proof: %zu of %zu hunks compiled on some arch%s", proven, total,
		     allow_unproven ? " (--allow-unproven: reported only)" : ": incomplete");
	return *incomplete && !allow_unproven;
}

void proof_clear(struct build_proof *p)
{
	lineproof_clear(&p->lines);
	identity_clear(&p->ident);
	hunks_clear(&p->hunks);
	strvec_clear(&p->not_in_run);
	for (size_t i = 0; i < p->nr_cells; i++) {
		ident_result_clear(&p->cells[i].ident);
		strvec_clear(&p->cells[i].new_warnings);
	}
	free(p->cells);
}
