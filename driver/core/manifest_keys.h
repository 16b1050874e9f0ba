#ifndef KSERIES_MANIFEST_KEYS_H
#define KSERIES_MANIFEST_KEYS_H

#include <jansson.h>

/*
 * Every key of series.json the format knows, object by object: a key it
 * does not know (a typo: "preambel", "buid") is an error that names the
 * file, where the key is and the nearest valid one, before any work. Arch
 * names (build.config, build.defconfigs, a variant's arch) are checked the
 * same way. 0, or -1 after the errors.
 */
int manifest_check_keys(json_t *root, const char *file);
/* The edit distance of a and b (for "did you mean"). Exposed for tests. */
size_t manifest_key_distance(const char *a, const char *b);

#endif
