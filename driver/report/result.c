/*
 * What one revision's run found and did: the structs every stage fills in
 * and report and posting both read (result.h).
 */
#include <stdlib.h>
#include <string.h>
#include "proof/proof.h"
#include "report/result.h"

const char *rev_state_name(enum rev_state s)
{
	return s == REV_CONVERTED ? "converted" : s == REV_ALREADY_CONVERTED ? "already-converted" :
	       "failed";
}

void posting_result_clear(struct posting_result *p)
{
	free(p->base_describe);
	free(p->recipients);
	free(p->previous);
	free(p->range_diff);
	free(p->stable);
	strvec_clear(&p->cover_to);
	strvec_clear(&p->cover_cc);
	strvec_clear(&p->lists);
	strvec_clear(&p->added);
	strvec_clear(&p->dropped);
	strvec_clear(&p->changed);
	strvec_clear(&p->upstream_log);
	strvec_clear(&p->checks);
	memset(p, 0, sizeof(*p));
}

void rev_result_clear(struct rev_result *r)
{
	free(r->rev);
	free(r->commit);
	free(r->error);
	free(r->branch);
	free(r->checkpatch);
	free(r->build_note);
	strvec_clear(&r->compiled);
	strvec_clear(&r->not_compiled);
	cells_free(r->cells, r->nr_cells);
	if (r->proof)
		proof_clear(r->proof);
	free(r->proof);
	strvec_clear(&r->findings);
	strvec_clear(&r->residuals);
	strvec_clear(&r->parse_failures);
	strvec_clear(&r->check_failures);
	strvec_clear(&r->check_notes);
	strvec_clear(&r->layout);
	strvec_clear(&r->idle_patches);
	free(r->api_note);
	for (size_t i = 0; i < r->nr_patches; i++) {
		free(r->patches[i].subject);
		strvec_clear(&r->patches[i].files);
		strvec_clear(&r->patches[i].cp_messages);
		strvec_clear(&r->patches[i].to);
		strvec_clear(&r->patches[i].cc);
		free(r->patches[i].cc_error);
		free(r->patches[i].upstream);
	}
	posting_result_clear(&r->post);
	free(r->patches);
	memset(r, 0, sizeof(*r));
}
