/* Unit tests of driver/posting/address.c: addresses as headers take them, lists unique and capped. */
#include <stdlib.h>
#include "lib/usage.h"
#include "posting/address.h"
#include "unit.h"

/* address_parse's answer, or "BAD: why". */
static char *parse(const char *text)
{
	const char *why = NULL;
	char *a = address_parse(text, &why);

	return a ? a : xstrfmt("BAD: %s", why);
}

#define PARSES(name, text, want) do { char *g = parse(text); CHECK_STR(name, g, want); free(g); } while (0)

int main(void)
{
	struct strvec entries = STRVEC_INIT;
	struct address_list l;
	int added = 0;

	PARSES("a bare address", "jd@example.org", "jd@example.org");
	PARSES("a name and an address", "  John Doe <jd@example.org> ", "John Doe <jd@example.org>");
	PARSES("a name with a comma is quoted", "Doe, John <jd@example.org>", "\"Doe, John\" <jd@example.org>");
	PARSES("a quoted name stays", "\"H. Peter Anvin\" <hpa@example.org>", "\"H. Peter Anvin\" <hpa@example.org>");
	PARSES("a quote inside a name is escaped", "Jo \"JD\". Doe <jd@example.org>",
	       "\"Jo \\\"JD\\\". Doe\" <jd@example.org>");
	PARSES("a UTF-8 name as it is", "Radim Kr\xc4\x8dm\xc3\xa1\xc5\x99 <rk@example.org>",
	       "Radim Kr\xc4\x8dm\xc3\xa1\xc5\x99 <rk@example.org>");
	PARSES("two '@'", "a@b@c", "BAD: more than one '@'");
	PARSES("no '@'", "nobody", "BAD: no '@'");
	PARSES("a CR starts a header of its own", "a@example.org\rBcc: v@example.org",
	       "BAD: a control character (a line break would start another header)");
	PARSES("a space in a bare address", "john doe@example.org", "BAD: a character an address cannot hold");
	PARSES("a '<' without its '>' at the end", "John <jd@example.org> x",
	       "BAD: a '<' without its '>' at the end");
	PARSES("a dot out of place", "jd.@example.org", "BAD: a '.' out of place");
	PARSES("no domain", "jd@", "BAD: no domain after the '@'");

	address_list_init(&l, &entries, 3);
	added += address_list_add(&l, "A <a@example.org>");
	added += address_list_add(&l, "a@EXAMPLE.org");
	added += address_list_add(&l, "b@example.org");
	added += address_list_add(&l, "c@example.org");
	added += address_list_add(&l, "d@example.org");
	added += address_list_add(&l, "D <D@example.org>");
	CHECK("address_list: one entry an address, the first kept", added == 3 && entries.nr == 3 &&
	      !strcmp(entries.v[0], "A <a@example.org>"));
	CHECK("address_list: past the cap counted, each address once", l.over == 1);
	address_list_clear(&l);
	strvec_clear(&entries);
	for (int i = 0; i < 20000; i++)
		strvec_pushf(&entries, "P%d <p%d@example.org>", i % 10000, i % 10000);
	{
		struct strvec out = STRVEC_INIT;

		address_list_init(&l, &out, 0);
		for (size_t i = 0; i < entries.nr; i++)
			address_list_add(&l, entries.v[i]);
		CHECK("address_list: 20000 entries, 10000 addresses (linear: a hash set)", out.nr == 10000);
		address_list_clear(&l);
		strvec_clear(&out);
	}
	strvec_clear(&entries);
	UNIT_EXIT();
}
