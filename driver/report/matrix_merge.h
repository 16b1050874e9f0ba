#ifndef KSERIES_MATRIX_MERGE_H
#define KSERIES_MATRIX_MERGE_H

#include <jansson.h>

/* Which runs two reports come from, for the messages. */
struct merge_side {
	const char *into_name, *from_name;	/* the output folders given */
	int from_is_newer;			/* set by merge_report */
};

/*
 * Merge from (one revision's report.json from another run) into into:
 * the build cells by arch, the proof's hunks by place, the revision
 * failed when one run says so. Two runs that made different series, or
 * built one cell with different results, are a conflict (*conflict says
 * it, caller frees; -1), unless prefer_newest: then the run that
 * finished last wins ("finished"; a tie goes to from).
 */
int merge_report(json_t *into, json_t *from, const struct merge_side *s, int prefer_newest,
		 char **conflict);

#endif
