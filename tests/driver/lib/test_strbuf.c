/* Unit tests of driver/lib/strbuf.c. */
#include <stdlib.h>
#include "lib/strbuf.h"
#include "unit.h"

int main(void)
{
	struct strbuf sb = STRBUF_INIT;
	char *s;

	s = strbuf_detach(&sb);
	CHECK_STR("strbuf: empty detaches as \"\"", s, "");
	free(s);
	strbuf_addstr(&sb, "/fs/dax.c\n");
	strbuf_addf(&sb, "/%s/%d\n", "mm", 42);
	strbuf_add(&sb, "xyz", 2);
	CHECK("strbuf: length kept", sb.len == 19);
	s = strbuf_detach(&sb);
	CHECK_STR("strbuf: addstr, addf, add", s, "/fs/dax.c\n/mm/42\nxy");
	CHECK("strbuf: empty after detach", !sb.buf && !sb.len);
	free(s);
	for (int i = 0; i < 1000; i++)
		strbuf_addf(&sb, "%04d", i);
	CHECK("strbuf: grows", sb.len == 4000 && !strncmp(sb.buf + 3996, "0999", 4));
	strbuf_release(&sb);
	{
		long n = 0;

		CHECK("whole_number: a number in range", !whole_number("42", 1, 100, &n) && n == 42);
		CHECK("whole_number: \"5x\", \"\", out of range and NULL are not",
		      whole_number("5x", 1, 100, &n) && whole_number("", 1, 100, &n) &&
		      whole_number("0", 1, 100, &n) && whole_number("101", 1, 100, &n) &&
		      whole_number("99999999999999999999", 1, 100, &n) && whole_number(NULL, 1, 100, &n));
	}
	UNIT_EXIT();
}
