#ifndef KSERIES_TIDY_H
#define KSERIES_TIDY_H

/*
 * Remove "#if... / #endif" pairs with nothing left between them, which
 * spatch leaves behind when it deletes the only line of an #ifdef'ed block.
 * Returns the new text (caller frees) and sets *removed to the pair count.
 */
char *tidy_empty_ifdefs(const char *text, int *removed);
/*
 * Tabs for the indentation spatch writes with spaces (parameters it aligns
 * under an open parenthesis): in each line of text that before does not
 * have as it is, a leading run of tabs and spaces that holds 8 spaces or
 * more becomes tabs, then fewer than 8 spaces, to the same column
 * (checkpatch: "code indent should use tabs where possible"). Returns the
 * new text (caller frees); *fixed counts the lines.
 */
char *tidy_indent(const char *text, const char *before, int *fixed);

#endif
