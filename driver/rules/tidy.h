#ifndef KSERIES_TIDY_H
#define KSERIES_TIDY_H

/*
 * Remove "#if... / #endif" pairs with nothing left between them, which
 * spatch leaves behind when it deletes the only line of an #ifdef'ed block.
 * Returns the new text (caller frees) and sets *removed to the pair count.
 */
char *tidy_empty_ifdefs(const char *text, int *removed);

#endif
