#ifndef KSERIES_UTF8_H
#define KSERIES_UTF8_H

/*
 * File names and texts of old drivers are not always UTF-8 (latin-1 is
 * common); spatch's python and JSON take only UTF-8.
 */

/* 1 when s is valid UTF-8. */
int utf8_valid(const char *s);
/* s with every byte that is not part of valid UTF-8 as U+FFFD (caller frees). */
char *utf8_replace_invalid(const char *s);

#endif
