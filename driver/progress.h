#ifndef KSERIES_PROGRESS_H
#define KSERIES_PROGRESS_H

/*
 * Progress of a long step, as git shows it: on a terminal one line that
 * updates in place ("build: x86_64: 5/13 objects (12s)"); elsewhere only
 * the last state, as a plain line, when the step ends. --quiet: nothing.
 */
void progress_update(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void progress_end(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Take the line away before another message (usage.c does) */
void progress_clear(void);

#endif
