#ifndef KSERIES_SPATCH_H
#define KSERIES_SPATCH_H

/* Oldest Coccinelle whose behaviour the rules and the driver rely on. */
#define SPATCH_MIN_MAJOR 1
#define SPATCH_MIN_MINOR 1
#define SPATCH_MIN_PATCH 1

/*
 * Parse the first line of `spatch --version` ("spatch version 1.1.1 ...")
 * into a comparable number major*10000 + minor*100 + patch; -1 if unparsable.
 */
int spatch_parse_version(const char *text);
/*
 * Check that spatch is on PATH and new enough. Returns 0, or -1 after an
 * error message that says what to install.
 */
int spatch_check(void);
/*
 * Which spatch runs the rules, for the keys of results kept between runs:
 * its `--version` text and its binary's size and time, so a new or rebuilt
 * spatch misses. Once a process; "" when it cannot be told (no caching then).
 */
const char *spatch_identity(void);

#endif
