#ifndef KSERIES_FILEIO_H
#define KSERIES_FILEIO_H

/* Whole-file reads and writes. read_file: NULL if unreadable (caller frees). */
char *read_file(const char *path);
/* Returns 0, or -1 after an error naming the file. */
int write_file(const char *path, const char *text);

#endif
