#ifndef KSERIES_PATCHSET_H
#define KSERIES_PATCHSET_H

#include "core/manifest.h"
#include "lib/strvec.h"

/*
 * Commits in a scratch worktree, and the series git format-patch makes of
 * them. Author and committer are the user's own git identity.
 */

/* Commit files with subject and message (and Signed-off-by when signoff). */
/*
 * Date every commit and mail of the series the same way each run: at
 * SOURCE_DATE_EPOCH when set, else at the base commit's date (seconds), so
 * that a series made again diffs only where the code changed. Returns the
 * seconds, or -1 (dates are then the clock's).
 */
long long patchset_fix_date(const char *wt, const char *base);
/*
 * Whose a commit is when it is not the user's (the stable form: the
 * upstream commit's author and date) and the trailer lines that end its
 * message, as they are, before Signed-off-by. Each field may be NULL.
 */
struct commit_as {
	const char *author, *date;
	const struct strvec *trailers;
};
int patchset_commit(const char *wt, const struct strvec *files, const char *subject,
		    const char *message, const struct commit_as *as, int signoff);
/* "Signed-off-by: Name <addr>" of the committer git would sign off as in wt, or NULL. */
char *patchset_signoff_line(const char *wt);
/*
 * The subject prefix of a catch-all patch for file: the manifest's for its
 * folder (catchall.prefixes, a table of folder and prefix; NULL: none), else
 * the one its own history uses most ("drm/amdgpu" of "drm/amdgpu: fix
 * ..."), from its last 50 commits, else patchset_path_prefix. Caller frees.
 */
char *patchset_subject_prefix(const char *wt, const char *file,
			      const struct manifest_table *prefixes);
/* Where file is: its folder, below drivers/ or arch/ ("nvme/host" of drivers/nvme/host/pci.c). */
char *patchset_path_prefix(const char *file);
/* Pick the most common prefix from subject lines; NULL if none. Exposed for tests. */
char *patchset_prefix_from_subjects(const char *subjects);
/* How format-patch writes the series. */
struct format_opts {
	const char *base;		/* the commit it applies to: base..HEAD, base-commit */
	const char *cover_subject, *cover_blurb;	/* the blurb is wrapped at 72 */
	const char *cover_extra;	/* sections after the blurb, as they are; or NULL */
	const char *cover_build;	/* what was built and proven: a paragraph after the blurb */
	int reroll;			/* > 1: [PATCH vN], vN- file names */
	const char *subject_prefix;	/* "PATCH 4.9"; NULL: PATCH */
	const struct strvec *to;	/* To: of every mail; or NULL */
};
/*
 * git format-patch base..HEAD into outdir with a cover letter whose subject
 * and blurb we write (*cover: its path) and a base-commit line; the
 * patches' paths (not the cover letter), in order, are added to patches.
 * Returns the number of patches, or -1.
 */
int patchset_format(const char *wt, const char *outdir, const struct format_opts *fo,
		    struct strvec *patches, char **cover);
/*
 * In the cover letter at path, the paragraph old (as fill_cover wrapped it)
 * replaced by new, wrapped the same way: 0, or -1 when it is not there.
 */
int patchset_cover_replace(const char *path, const char *old, const char *new_text);
/*
 * The cover letter at path with text put before its signature ("-- "
 * line), as git format-patch --range-diff places it: 0, or -1.
 */
int patchset_cover_add(const char *path, const char *text);
/* The patch files format-patch wrote in dir, in order, not the cover letter. 0 or -1. */
int patchset_list_dir(const char *dir, struct strvec *patches, int quiet);
/* The cover letter in dir (*cover, caller frees): 0, or -1 when there is none. */
int patchset_cover_in(const char *dir, char **cover);
/* Check that git knows who the user is; 0, or -1 after an error with the fix. */
int patchset_check_identity(const char *repo);

#endif
