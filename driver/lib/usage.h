#ifndef KSERIES_USAGE_H
#define KSERIES_USAGE_H

#include <stdarg.h>
#include <stddef.h>

/* git-style diagnostics; every message is prefixed "kseries: ". */

/* Print "kseries: error: ..." and exit with status 2 (bad usage or environment). */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
/* Print "kseries: error: ..." and return -1, so callers can `return error(...)`. */
int error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same, ending with ": " and errno's reason. */
int error_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void die_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
/* Print "kseries: warning: ...". */
void warning(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * Print "kseries: note: ...", quiet or not: a fact worth knowing that asks
 * nothing of the user (a warning asks to look).
 */
void note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print "kseries: ..." to stderr unless quiet mode is on. */
void info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

extern int usage_quiet;
extern int usage_verbose;
/* Print "kseries: ..." to stderr only with --verbose. */
void verbose(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Allocation wrappers that die on out-of-memory. */
void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xstrfmt(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvstrfmt(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/*
 * Progress of a long step, as git shows it: on a terminal one line that
 * updates in place ("build: x86_64: 5/13 objects (12s)"); elsewhere only
 * the last state, as a plain line, when the step ends. --quiet: nothing.
 */
/*
 * The revision (or range) the messages that follow are about: "[WHAT] "
 * before each one that does not start with "[" itself, so that lines of
 * revisions run side by side say whose they are. NULL: none.
 */
void usage_context(const char *what);
void progress_update(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void progress_end(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Take the line away before another message (usage.c does) */
void progress_clear(void);

#endif
