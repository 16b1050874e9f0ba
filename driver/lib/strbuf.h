#ifndef KSERIES_STRBUF_H
#define KSERIES_STRBUF_H

#include <stddef.h>

/* A growable string, always NUL-terminated (in the manner of git's strbuf). */
struct strbuf {
	char *buf;
	size_t len, alloc;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_add(struct strbuf *sb, const char *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The text ("" when nothing was added); the caller frees it, sb is empty again. */
char *strbuf_detach(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);
void strbuf_addch(struct strbuf *sb, char c);
/* Empty again, the memory kept. */
void strbuf_reset(struct strbuf *sb);
/* The text so far, "" when nothing was added (not a copy). */
const char *strbuf_str(const struct strbuf *sb);
/* text as a whole number from min to max into *n: 0, or -1 ("2x", "", out of range). */
int whole_number(const char *text, long min, long max, long *n);
/* Does s end with tail (and hold more than it)? */
int ends_with(const char *s, const char *tail);

#endif
