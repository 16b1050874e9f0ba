/*
 * The proof of a diff over the build matrix (build.h): its parts set up,
 * and the figures once every arch has been built.
 */
#include <string.h>
#include "build.h"
#include "usage.h"

int build_proof_init(struct build_proof *p, const char *wt, const char *base, const char *tip,
		     const struct strvec *tokens)
{
	memset(p, 0, sizeof(*p));
	if (hunks_read(&p->hunks, wt, base, tip))
		return -1;
	lineproof_init(&p->lines, wt, &p->hunks);
	identity_init(&p->ident, wt, &p->hunks, base, tip, tokens);
	return 0;
}

/* A line of arch/X/ when no cell of arch X was built: that is the reason, not the file. */
static void arch_not_built(struct hunk_line *v, size_t n, const char *file,
			   const struct build_cell *cells, size_t nr_cells)
{
	size_t len;

	if (!file || strncmp(file, "arch/", 5))
		return;
	len = strcspn(file + 5, "/");
	for (size_t i = 0; i < nr_cells; i++) {
		const char *src = build_cell_srcarch(&cells[i]);

		if (cells[i].proved && src && strlen(src) == len && !strncmp(src, file + 5, len))
			return;
	}
	for (size_t l = 0; l < n; l++)
		if (v[l].code && !v[l].archs && !v[l].why)
			v[l].why = xstrfmt("arch/%.*s is not built in this run (its cell is not in "
					   "--arch, or it was skipped or failed)", (int)len, file + 5);
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

void build_proof_finish(struct build_proof *p, struct build_cell *cells, size_t nr_cells)
{
	int proved = 0;

	for (size_t i = 0; i < nr_cells; i++)
		proved |= cells[i].proved;
	for (size_t i = 0; !proved && i < p->hunks.nr; i++) {
		nothing_built(p->hunks.v[i].removed, p->hunks.v[i].nr_removed);
		nothing_built(p->hunks.v[i].added, p->hunks.v[i].nr_added);
	}
	for (size_t i = 0; i < p->hunks.nr; i++) {
		struct hunk *hk = &p->hunks.v[i];

		arch_not_built(hk->removed, hk->nr_removed, hk->old_file, cells, nr_cells);
		arch_not_built(hk->added, hk->nr_added, hk->new_file, cells, nr_cells);
	}
	lineproof_finish(&p->lines);
	for (size_t i = 0; i < nr_cells; i++) {
		cells[i].hunks_compiled = 0;
		for (size_t k = 0; cells[i].proved && k < p->hunks.nr; k++) {
			const struct hunk *hk = &p->hunks.v[k];
			int all = 1;

			for (size_t l = 0; l < hk->nr_removed; l++)
				all &= !hk->removed[l].code || !!(hk->removed[l].archs & (1u << i));
			for (size_t l = 0; l < hk->nr_added; l++)
				all &= !hk->added[l].code || !!(hk->added[l].archs & (1u << i));
			cells[i].hunks_compiled += all;
		}
	}
}

int build_judge_proof(const struct build_proof *p, int allow_unproven, int *incomplete)
{
	size_t proven = 0, total = 0;

	if (p)
		hunks_count(&p->hunks, &proven, &total);
	*incomplete = !p || proven < total;
	if (*incomplete)
		info("proof: %zu of %zu hunks compiled on some arch%s", proven, total,
		     allow_unproven ? " (--allow-unproven: reported only)" : ": incomplete");
	return *incomplete && !allow_unproven;
}

void build_proof_clear(struct build_proof *p)
{
	lineproof_clear(&p->lines);
	identity_clear(&p->ident);
	hunks_clear(&p->hunks);
}
