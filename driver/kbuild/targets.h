#ifndef KSERIES_TARGETS_H
#define KSERIES_TARGETS_H

#include "core/manifest.h"
#include "lib/strvec.h"

/*
 * The make targets for one arch: file.c -> file.o, or the folder a row of
 * the series' "targets" names ({arch}: srcarch) when its "when" file exists.
 */
void targets_of_files(const char *wt, const char *srcarch, const struct strvec *files,
		      const struct manifest_table *rows, struct strvec *targets);
/* The targets that did not fail (a folder: when none of its objects did) into built. */
void targets_built(const struct strvec *targets, const struct strvec *failed,
		   struct strvec *built);
/* Keep the targets under one of the folders of only ("mm/ fs/"). */
void targets_only_under(struct strvec *targets, const char *only);

#endif
