#ifndef KSERIES_FILEIO_H
#define KSERIES_FILEIO_H

#include <sys/types.h>

/* Whole-file reads and writes. read_file: NULL if unreadable (caller frees). */
char *read_file(const char *path);
/* Returns 0, or -1 after an error naming the file. */
int write_file(const char *path, const char *text);
/*
 * A file of the user's tree, written as a new file renamed into place (its
 * mode kept): a hard link to it (a "cp -al" copy) is broken, never written
 * through, and a reader never sees half a file. 0, or -1 after an error.
 */
int replace_file(const char *path, const char *text);
/*
 * path has other hard links: give it a copy of its own (the same text), so
 * that a tool writing it in place (spatch --in-place) changes only it.
 * 0, or -1 after an error naming the file.
 */
int unshare_file(const char *path);
/*
 * error("cannot write PATH: <errno's reason>"), and when the disk or the
 * quota is full, where and how much is left. Returns -1.
 */
int error_write(const char *path);
/*
 * When a tool's message says the disk or the quota is full: a sentence
 * naming the file system that holds path and its free space; else "".
 */
const char *full_disk_hint(const char *tool_message, const char *path);
/* mkdir -p of the folder that holds path (mode for new ones): 0, or -1 after an error naming it. */
int make_parents(const char *path, mode_t mode);
/* Is path the folder dir or inside it (either may not exist yet)? Symbolic links resolved. */
int path_within(const char *dir, const char *path);

#endif
