#ifndef KSERIES_AUDIT_PROOF_H
#define KSERIES_AUDIT_PROOF_H

#include <stdio.h>
#include "audit/audit.h"
#include "core/manifest.h"
#include "lib/strvec.h"

/* The module built against one kernel revision. */
struct proof {
	char *rev, *commit;
	int state;		/* PROOF_BUILDS, PROOF_FAILS, PROOF_SKIPPED */
	char *why;		/* why it failed or was skipped; the last error lines */
	struct strvec old_refs;	/* undefined symbols that still name the old API */
	struct strvec built;	/* objects of the audited files that were built */
	struct strvec failed;	/* objects make says failed */
	int no_symvers;		/* modpost had no Module.symvers to check symbols with */
	struct strvec probes;	/* "HAVE_X: defined": the module's probe macros on this tree */
};

enum { PROOF_BUILDS, PROOF_FAILS, PROOF_SKIPPED };

/*
 * Build the module folder (with the fixed files of fixed_dir over it, when
 * not NULL: SCRATCH/b of --fix) as an external module against each revision
 * of the kernel repo, each prepared once in an O= folder of its own under
 * scratch. Returns 0 (results in *out), or -1 on an environment error.
 */
int audit_prove(const struct audit *a, const struct manifest *m, const char *module,
		const char *repo, const struct strvec *revs, const char *arch,
		const char *fixed_dir, const char *scratch, int jobs, struct proof **out,
		size_t *nr);
/* Lines "build proof: REV (...): builds|does not build ..." */
void audit_proof_write(FILE *f, const struct proof *p, size_t nr, const char *arch);
int audit_proof_failed(const struct proof *p, size_t nr);
void audit_proof_free(struct proof *p, size_t nr);

#endif
