#ifndef KSERIES_IDENTITY_H
#define KSERIES_IDENTITY_H

#include "core/cscan.h"
#include "lib/strvec.h"
#include "proof/blame.h"
#include "proof/hunks.h"

/*
 * Object identity: every function the diff does not touch compiles to the
 * same code before and after it. Touched: the diff changes the function's
 * text, or something it names that the diff changes (a function, a macro,
 * a variable, a member or tag of a type whose definition changed), to a
 * fixed point over the object's source, so an inlined touched helper
 * touches its callers.
 */
struct ident_result {
	size_t objects, identical, changed, unexpected;
	size_t compiler;		/* code changed, source did not: gcc's whole-unit choice */
	struct strvec changed_list;	/* "mm/rmap.o: try_to_unmap_one" */
	struct strvec unexpected_list;	/* "mm/rmap.o: foo: why" */
	struct strvec compiler_list;	/* "drivers/x.o: foo: ... (the series changed: bar)" */
};

struct source_scan {
	char *rev, *path;
	struct cscan scan;
	int present;
};

struct identity {
	const char *wt, *base, *tip;
	struct hunks *h;
	struct strvec touched;		/* names of functions the diff touches */
	struct strvec ids;		/* identifiers whose meaning the diff changes */
	struct strvec foreign;		/* "fn\tfile:line": changed by a hunk not of the series */
	struct source_scan **sources;	/* the sources read so far (git show) */
	struct strvec unit_errors;	/* units that could not be made: judged by the .c text */
	struct blame blame;		/* the commit of a line: named in what is unexpected */
	size_t nr_sources;
	double seconds;
};

/*
 * What the diff of h touches. tokens: which hunks are the series' (they, or
 * a hunk of what a line naming a token names, name one; NULL: all of them).
 * Only the series' hunks touch; what others change is unexpected. expect
 * (full shas, or NULL): commits whose every hunk is the series' too (a
 * vendor's own commits, build --expect).
 */
void identity_init(struct identity *id, const char *wt, struct hunks *h, const char *base,
		   const char *tip, const struct strvec *tokens, const struct strvec *expect);
/*
 * Compare each object of objects (relative to o_dir; folder targets
 * expanded) with its copy in before_dir, with cross's objdump. A function
 * the diff's text does not touch is judged by its source in the unit
 * (sourcediff.h): before_dir/<obj>.unit, kept by identity_keep_units.
 */
void identity_arch(struct identity *id, const char *cross, const char *before_dir,
		   const char *o_dir, const struct strvec *objects, struct ident_result *res);
/*
 * Code that differs only in numbers the diff explains: line numbers it
 * moved (__LINE__ immediates), offsets of data objects it moved (from the
 * objects bo and ao, or NULL).
 */
struct objcode;
int identity_same_but_lines(struct identity *id, const struct objcode *bo, const struct objcode *ao,
			    const char *before, const char *after);
/* Before the series: the units of the objects of o_dir that read a changed file. */
void identity_keep_units(struct identity *id, const char *o_dir, const struct strvec *objects,
			 const char *before_dir);
void identity_clear(struct identity *id);
void ident_result_clear(struct ident_result *res);

#endif
