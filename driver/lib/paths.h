#ifndef KSERIES_PATHS_H
#define KSERIES_PATHS_H

/* Where the rules and manifest live (KSERIES_COCCI_DIR or next to the binary). */
const char *kseries_cocci_dir(void);

/*
 * A path as a compiler's output names it (absolute, or relative to from_dir,
 * where make ran it), relative to the tree whose realpath is tree_real; NULL
 * when it is outside the tree or does not exist (caller frees).
 */
char *path_in_tree(const char *path, const char *from_dir, const char *tree_real);

#endif
