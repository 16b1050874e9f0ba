/* A strvec as a JSON array of strings: every report's lists. */
#include "lib/json_strings.h"

json_t *json_strings(const struct strvec *sv)
{
	json_t *a = json_array();

	for (size_t i = 0; i < sv->nr; i++)
		json_array_append_new(a, json_string(sv->v[i]));
	return a;
}
