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
/*
 * "PATCH 4.9" for a base described as v4.9.45 (or v4.9.45-3-gabc): the
 * stable list's subject form; NULL when the describe has no vX.Y. Caller frees.
 */
char *stable_subject_prefix(const char *describe);

#endif
