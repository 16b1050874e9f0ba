#ifndef KSERIES_LINEPROOF_H
#define KSERIES_LINEPROOF_H

#include "core/cscan.h"
#include "lib/strvec.h"
#include "proof/hunks.h"

/*
 * The line proof: every changed line of code was compiled on some arch.
 * For each built object that reads a changed file, its own compiler line
 * (from Kbuild's .cmd file) runs again with -E -dD; the line markers of
 * that output say which lines of which file the compiler saw. A line is
 * compiled when the #if group it sits in (cscan) had code in the output:
 * a whole group, so that a line the preprocessor folds into another (the
 * arguments of a macro call over several lines) still counts.
 */
struct proof_file {
	char *path;		/* relative to the tree */
	int after;		/* the file as the tip has it (else as the base) */
	struct cscan scan;
	int entered;		/* some object on some arch read it */
	unsigned char *active;	/* [group]: some object had code in it */
};

struct lineproof {
	const char *wt;
	struct hunks *h;
	struct proof_file *files;
	size_t nr_files;
	size_t preprocessed;	/* gcc -E runs */
	double seconds;		/* they took, with reading their output */
	struct strvec errors;	/* "arch: object: gcc -E failed: ..." */
};

void lineproof_init(struct lineproof *lp, const char *wt, struct hunks *h);
/*
 * One arch, one side: the tree wt is at the base (after 0: removed lines
 * are proven) or at the tip (after 1: added lines); objects: what this
 * arch's make step built, relative to o_dir (a folder target: every
 * object under it). Each compiled line gets bit arch_bit.
 */
void lineproof_arch(struct lineproof *lp, int after, unsigned arch_bit, const char *arch,
		    const char *o_dir, const struct strvec *objects);
/* After every arch: why each line no arch compiled was not compiled. */
void lineproof_finish(struct lineproof *lp);
void lineproof_clear(struct lineproof *lp);

#endif
