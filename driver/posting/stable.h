#ifndef KSERIES_STABLE_H
#define KSERIES_STABLE_H

#include "lib/strvec.h"

/*
 * The stable trees' form of a backport (--stable UPSTREAM-REV): a patch
 * whose upstream commit exists says so on its first line, "commit <sha>
 * upstream.", and the rest of the message is the upstream one's.
 */

/*
 * The commits below upstream and not below base, as "sha\tsubject" lines
 * (newest first) into log. 0 or -1.
 */
int stable_upstream_log(const char *repo, const char *base, const char *upstream,
			struct strvec *log);
/* The sha of the newest commit of log with this subject, or NULL. */
const char *stable_counterpart(const struct strvec *log, const char *subject);
/* "commit SHA upstream.\n\nMESSAGE". Caller frees. */
char *stable_message(const char *sha, const char *message);
/* What the stable form keeps of an upstream commit. */
struct stable_origin {
	char *author;		/* "Name <addr>": the patch's From: */
	char *date;		/* its author date, "1485950400 +0000" */
	struct strvec trailers;	/* its Signed-off-by:, Reviewed-by: ... lines, in order */
};
/*
 * Read commit sha of repo into o: 0, or -1 (an error names it). The
 * trailers are those of its message's last paragraph.
 */
int stable_origin_read(const char *repo, const char *sha, struct stable_origin *o);
void stable_origin_clear(struct stable_origin *o);
/*
 * Where this tree's patch differs from the upstream commit: per file, the
 * lines it adds and removes (context and line numbers aside) against the
 * upstream commit's. One "[ kseries: ... ]" trailer line a difference into
 * notes: "FILE differs from upstream", "FILE is not in the upstream
 * commit", "upstream also changes FILE". ours is `git diff` of this tree's
 * change (all its files). Nothing when the code is the same.
 */
void stable_backport_notes(const char *ours, const char *upstream, struct strvec *notes);
/*
 * "PATCH 4.9" for a base described as v4.9.45 (or v4.9.45-3-gabc): the
 * stable list's subject form; NULL when the describe has no vX.Y. Caller frees.
 */
char *stable_subject_prefix(const char *describe);

#endif
