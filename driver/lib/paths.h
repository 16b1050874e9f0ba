#ifndef KSERIES_PATHS_H
#define KSERIES_PATHS_H

/* Where the rules and manifest live (KSERIES_COCCI_DIR or next to the binary). */
const char *kseries_cocci_dir(void);

#endif
