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

void build_proof_finish(struct build_proof *p, struct build_cell *cells, size_t nr_cells)
{
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
