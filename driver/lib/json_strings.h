#ifndef KSERIES_JSON_STRINGS_H
#define KSERIES_JSON_STRINGS_H

#include <jansson.h>
#include "lib/strvec.h"

/* A JSON array of the strings of sv (new reference). */
json_t *json_strings(const struct strvec *sv);

#endif
