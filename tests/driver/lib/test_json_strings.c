/* Unit tests of driver/lib/json_strings.c. */
#include <stdlib.h>
#include "lib/json_strings.h"
#include "unit.h"

int main(void)
{
	struct strvec sv = STRVEC_INIT;
	json_t *a;
	char *text;

	a = json_strings(&sv);
	CHECK("json_strings: empty is []", json_is_array(a) && !json_array_size(a));
	json_decref(a);
	strvec_pushl(&sv, "mm/rmap.o", "caf\xc3\xa9 \"q\"", NULL);
	a = json_strings(&sv);
	text = json_dumps(a, JSON_COMPACT);
	CHECK_STR("json_strings: each string, in order, escaped", text, "[\"mm/rmap.o\",\"caf\xc3\xa9 \\\"q\\\"\"]");
	free(text);
	json_decref(a);
	strvec_clear(&sv);
	UNIT_EXIT();
}
