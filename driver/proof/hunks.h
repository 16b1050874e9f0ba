#ifndef KSERIES_HUNKS_H
#define KSERIES_HUNKS_H

#include <stddef.h>

/*
 * One hunk of a diff (git diff -U0): the lines it removes from the old file
 * and adds to the new one, with their line numbers. The proof fills in, per
 * line, the arches that compiled it (a bit per arch) or why none did.
 */
struct hunk_line {
	long nr;		/* line number in its file */
	char *text;
	int code;		/* 1: holds code (not blank, comment or #endif-like only) */
	unsigned archs;		/* bit i: arch i compiled it */
	char *why;		/* no arch compiled it: the reason found, or NULL */
	int elsewhere;		/* only an arch this run left out compiles it (not a failure) */
};

struct hunk {
	char *old_file, *new_file;	/* NULL for a file created or deleted */
	long old_start, new_start;	/* where the hunk's old and new lines are */
	struct hunk_line *removed, *added;
	size_t nr_removed, nr_added;
	char *function;			/* git's hunk header context, or NULL */
	int in_series;			/* part of what the series means to change */
};

/* One side of a hunk: its removed lines in the old file (after 0), or its added ones. */
struct hunk_side {
	const char *file;	/* NULL: the file does not exist on that side */
	struct hunk_line *v;
	size_t n;
};

static inline struct hunk_side hunk_side(const struct hunk *hk, int after)
{
	struct hunk_side s = { after ? hk->new_file : hk->old_file, after ? hk->added : hk->removed,
			       after ? hk->nr_added : hk->nr_removed };
	return s;
}

struct hunks {
	struct hunk *v;
	size_t nr;
};

/* git diff -U0 base head in repo dir: 0, or -1 after an error. */
int hunks_read(struct hunks *h, const char *dir, const char *base, const char *head);
/* Parse the text of a -U0 diff (for tests). */
void hunks_parse(struct hunks *h, const char *diff);
/* A hunk whose code lines were all compiled on some arch (or that holds no code). */
int hunk_proven(const struct hunk *hk);
/* Not proven, but only arches this run left out compile what is not. */
int hunk_elsewhere(const struct hunk *hk);
/* Hunks proven, and hunks in all. */
void hunks_count(const struct hunks *h, size_t *proven, size_t *total);
/* Hunks left to arches not in this run (hunk_elsewhere). */
size_t hunks_elsewhere(const struct hunks *h);
/*
 * Line number map of one file across the diff: the new number of old line
 * nr, or -1 when the diff removed it.
 */
long hunks_map_line(const struct hunks *h, const char *old_file, long nr);
void hunks_clear(struct hunks *h);

#endif
