/* Unit tests of driver/lib/utf8.c. */
#include <stdlib.h>
#include "lib/utf8.h"
#include "unit.h"

int main(void)
{
	char *s;

	CHECK("utf8_valid: ASCII", utf8_valid("drivers/net/he.c"));
	CHECK("utf8_valid: a name in UTF-8", utf8_valid("Radim Kr\xc4\x8dm\xc3\xa1\xc5\x99"));
	CHECK("utf8_valid: latin-1 is not", !utf8_valid("Kr\xe8m\xe1\xf8"));
	CHECK("utf8_valid: a cut sequence is not", !utf8_valid("x\xc4"));
	CHECK("utf8_valid: an overlong '/' is not", !utf8_valid("\xc0\xaf"));
	s = utf8_replace_invalid("a\xe9z");
	CHECK_STR("utf8_replace_invalid: a bad byte is U+FFFD", s, "a\xef\xbf\xbdz");
	free(s);
	s = utf8_replace_invalid("Kr\xc4\x8d");
	CHECK_STR("utf8_replace_invalid: valid text as it is", s, "Kr\xc4\x8d");
	free(s);
	UNIT_EXIT();
}
