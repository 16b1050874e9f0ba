#ifndef KSERIES_PATCHSET_H
#define KSERIES_PATCHSET_H

#include "strvec.h"

/*
 * Commits in a scratch worktree, and the series git format-patch makes of
 * them. Author and committer are the user's own git identity.
 */

/* Commit files with subject and message (and Signed-off-by when signoff). */
int patchset_commit(const char *wt, const struct strvec *files, const char *subject,
		    const char *message, int signoff);
/*
 * The subject prefix a file's own history uses most ("drm/amdgpu" of
 * "drm/amdgpu: fix ..."), from its last 50 commits; else a guess from its path.
 * Caller frees.
 */
char *patchset_subject_prefix(const char *wt, const char *file);
/* Pick the most common prefix from subject lines; NULL if none. Exposed for tests. */
char *patchset_prefix_from_subjects(const char *subjects);
/*
 * git format-patch base..HEAD into outdir with a cover letter whose subject
 * and blurb we write; the patches' paths (not the cover letter), in order,
 * are added to patches. Returns the number of patches, or -1.
 */
int patchset_format(const char *wt, const char *base, const char *outdir,
		    const char *cover_subject, const char *cover_blurb, struct strvec *patches);
/* Check that git knows who the user is; 0, or -1 after an error with the fix. */
int patchset_check_identity(const char *repo);

#endif
