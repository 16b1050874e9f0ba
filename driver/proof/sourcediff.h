#ifndef KSERIES_SOURCEDIFF_H
#define KSERIES_SOURCEDIFF_H

#include "lib/strvec.h"
#include "proof/hunks.h"
#include "proof/unit.h"

/*
 * Did a function's source change, or only its code? Its source is its own
 * text in the unit and that of everything it names there (functions it
 * calls, static and inline, of the .c and the headers; types; macros;
 * variables), to a fixed point (unit.h). Same source on both sides and
 * different code: gcc decided across the whole unit (inlining, cloning)
 * differently because other functions changed. Different source: the item
 * that differs says why, and the diff's hunk in it says whose change it is.
 */
enum source_verdict {
	SOURCE_UNKNOWN,		/* no unit, or no function of that name in it */
	SOURCE_SAME,		/* the compiler's whole-unit choice */
	SOURCE_SERIES,		/* changed through an item the series' hunks change */
	SOURCE_FOREIGN,		/* through an item a hunk that is not the series' changes */
	SOURCE_UNEXPLAINED,	/* through an item no hunk changes */
};

struct source_judgement {
	enum source_verdict verdict;
	char *item;		/* the item that differs: "set_mask_bits" */
	char *where;		/* its changed line, or its first: "include/linux/bitops.h:232" */
};

/* One object's two units, read when first asked for. */
struct source_units {
	struct unit before, after;
	int state;		/* 0: not read, 1: read, -1: cannot be */
	char *why;		/* when -1 */
};

/* The unit of o_dir's object obj (its Kbuild compiler line), into out. 0, or -1 with *why. */
int source_unit_write(const char *o_dir, const char *obj, const char *out, char **why);
/*
 * Before the series: the unit of each object of objs that reads a file the
 * diff changes, kept as keep_dir/<obj>.unit; what fails, into errors.
 */
void source_units_keep(const char *o_dir, const struct strvec *objs, const struct hunks *h,
		       const char *keep_dir, struct strvec *errors);
/* Read the before unit from before_path and make the after one now (the tree is at the tip). */
int source_units_load(struct source_units *su, const char *before_path, const char *o_dir,
		      const char *obj, const char *wt);
void source_judge(const struct source_units *su, const struct hunks *h, const char *fn,
		  struct source_judgement *j);
/* Which of names are functions the units define (either side), into out. */
void source_functions_among(const struct source_units *su, const struct strvec *names,
			    struct strvec *out);
void source_judgement_clear(struct source_judgement *j);
void source_units_clear(struct source_units *su);

#endif
