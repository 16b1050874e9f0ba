#ifndef KSERIES_POSTING_CHECKS_H
#define KSERIES_POSTING_CHECKS_H

#include "lib/strvec.h"
#include "report/result.h"

/*
 * What a maintainer's tools make of the series' mails (cover letter first):
 * git am on the base in the worktree (the tree must equal the series'
 * head), b4 am of them as one local mbox (every patch, in order, the
 * base), git send-email --dry-run (every mail "Result: OK"), and the rules
 * netdev's patchwork applies (at most 15 patches, Signed-off-by, subject
 * prefixes, maintainers Cc'd). The mail tools run with a configuration of
 * their own (only the user's identity): the user's sendemail.* and b4.*
 * settings do not change the verdict. Lines go to r->post.checks; returns
 * the number of failed checks.
 */
int posting_checks(const char *wt, const struct strvec *mails, int no_cc, struct rev_result *r);

/* Count "Result: OK" lines of git send-email's output. Exposed for tests. */
size_t posting_count_ok(const char *out);
/*
 * The problems b4 am's output names, given the patch count and the base it
 * should find: "" when none. Exposed for tests. Caller frees.
 */
char *posting_b4_problems(const char *out, size_t nr, const char *base);
/*
 * A line of the posting checks: "ok", "WARNING" or "ERROR" (counted in
 * check_errors; it fails the revision), into r->post.checks and, but for
 * "ok", on stderr.
 */
void posting_say(struct rev_result *r, const char *level, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
