#ifndef KSERIES_STRVEC_H
#define KSERIES_STRVEC_H

#include <stddef.h>

/* A NULL-terminated, growable vector of owned strings: an argv for exec. */
struct strvec {
	char **v;
	size_t nr, alloc;
};

#define STRVEC_INIT { NULL, 0, 0 }

void strvec_push(struct strvec *sv, const char *s);
void strvec_pushf(struct strvec *sv, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Push each string of a NULL-terminated list. */
void strvec_pushl(struct strvec *sv, ...);
void strvec_pushv(struct strvec *sv, const char *const *v);
/* Split text on newlines and push each non-empty line. */
void strvec_split_lines(struct strvec *sv, const char *text);
int strvec_contains(const struct strvec *sv, const char *s);
/* Drop the i-th string, keeping the order. */
void strvec_remove(struct strvec *sv, size_t i);
void strvec_sort(struct strvec *sv);
/* Sort "file:line:col: ..." lines by file, then line and column as numbers. */
void strvec_sort_locations(struct strvec *sv);
void strvec_clear(struct strvec *sv);
/* The first max strings joined with sep, then ", ..." if there were more (caller frees). */
char *strvec_join(const struct strvec *sv, size_t max, const char *sep);

#endif
