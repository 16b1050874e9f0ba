/*
 * The proof of a diff over the build matrix (build.h): which hunks are the
 * series', and the figures once every arch has been built.
 */
#include <string.h>
#include "build.h"
#include "usage.h"

static int mentions_token(const struct hunk *hk, const struct strvec *tokens)
{
	for (size_t t = 0; t < tokens->nr; t++) {
		if (hk->function && strstr(hk->function, tokens->v[t]))
			return 1;
		for (size_t l = 0; l < hk->nr_removed; l++)
			if (strstr(hk->removed[l].text, tokens->v[t]))
				return 1;
		for (size_t l = 0; l < hk->nr_added; l++)
			if (strstr(hk->added[l].text, tokens->v[t]))
				return 1;
	}
	return 0;
}

/*
 * A hunk is the series' when it names one of its tokens, or sits in the
 * same function (git's hunk context) of the same file as one that does.
 */
static void series_scope(struct hunks *h, const struct strvec *tokens)
{
	for (size_t i = 0; i < h->nr; i++)
		h->v[i].in_series = !tokens || mentions_token(&h->v[i], tokens);
	for (size_t i = 0; tokens && i < h->nr; i++) {
		struct hunk *hk = &h->v[i];

		for (size_t j = 0; !hk->in_series && hk->function && j < h->nr; j++)
			hk->in_series = h->v[j].in_series && h->v[j].function &&
					!strcmp(h->v[j].function, hk->function) && h->v[j].new_file &&
					hk->new_file && !strcmp(h->v[j].new_file, hk->new_file);
	}
}

int build_proof_init(struct build_proof *p, const char *wt, const char *base, const char *tip,
		     const struct strvec *tokens)
{
	memset(p, 0, sizeof(*p));
	if (hunks_read(&p->hunks, wt, base, tip))
		return -1;
	series_scope(&p->hunks, tokens);
	lineproof_init(&p->lines, wt, &p->hunks);
	identity_init(&p->ident, wt, &p->hunks, base, tip);
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
