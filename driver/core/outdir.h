#ifndef KSERIES_OUTDIR_H
#define KSERIES_OUTDIR_H

#include "lib/strvec.h"

/*
 * The output folder of `series`: one run at a time, revision folders whose
 * names never collide, and --force meaning "only this run's output".
 */

/*
 * The folder name of a revision, reversible so two revisions never share
 * one: letters, digits and "-._+,=@" stay, every other byte is %XX
 * ("origin/master" -> "origin%2Fmaster").
 */
char *outdir_rev_name(const char *rev);
/* The revision of a folder name outdir_rev_name made, or NULL for any other name (caller frees). */
char *outdir_rev_of_name(const char *name);
/* The revision folders a kseries run made in out (a report, a marker, a series), sorted. */
void outdir_rev_dirs(const char *out, struct strvec *names);

/*
 * Make or take over out (dies with the fix on bad input): created when
 * missing; when it exists, refused without force, and with force emptied of
 * what an earlier kseries run wrote there (revision folders, matrix, markers,
 * snapshot). A folder holding anything else is refused, never emptied.
 * Removed revision worktrees are pruned from repo (NULL: none). Takes the
 * run's lock first: a second run on the same out is refused, naming the pid
 * of the first.
 */
void outdir_prepare(const char *out, int force, const char *repo);

#endif
