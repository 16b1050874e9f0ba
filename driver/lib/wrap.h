#ifndef KSERIES_WRAP_H
#define KSERIES_WRAP_H

/*
 * Re-flow text to lines of at most width columns, as commit messages want;
 * paragraphs (blank lines) and lines that start with a space are kept.
 * Caller frees.
 */
char *wrap_text(const char *text, int width);

#endif
