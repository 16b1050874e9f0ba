/* driver/lib/intern.c: strings to small numbers, found by hash. */
#include "unit.h"
#include "lib/intern.h"
#include "lib/usage.h"

int main(void)
{
	struct intern in = INTERN_INIT;
	int same = 1;

	CHECK("intern: nothing found in an empty table", intern_find(&in, "a", 1) == -1);
	CHECK("intern: first ids count from 0", intern_id(&in, "alpha", 5) == 0 && intern_id(&in, "beta", 4) == 1);
	CHECK("intern: the same string, the same id", intern_id(&in, "alpha", 5) == 0);
	CHECK("intern: a prefix is another string", intern_id(&in, "alphabet", 5) == 0 &&
	      intern_id(&in, "alp", 3) == 2 && intern_find(&in, "al", 2) == -1);
	/* enough to grow the table several times: every id still found */
	for (int i = 0; i < 5000; i++) {
		char *s = xstrfmt("name%d", i);

		same &= intern_id(&in, s, strlen(s)) == (size_t)i + 3;
		free(s);
	}
	for (int i = 0; i < 5000 && same; i++) {
		char *s = xstrfmt("name%d", i);

		same &= intern_find(&in, s, strlen(s)) == i + 3 && !strcmp(in.names[i + 3], s);
		free(s);
	}
	CHECK("intern: 5000 more, each found by its id after growing", same && in.nr == 5003);
	intern_clear(&in);
	CHECK("intern: cleared", in.nr == 0 && intern_find(&in, "alpha", 5) == -1);
	UNIT_EXIT();
}
