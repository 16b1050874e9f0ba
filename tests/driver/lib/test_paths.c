/* Unit tests of driver/lib/paths.c: where the series lives. */
#include <stdlib.h>
#include <unistd.h>
#include "lib/paths.h"
#include "lib/strbuf.h"
#include "unit.h"

int main(void)
{
	const char *dir;

	/* this binary has no ../cocci beside it: the installed place */
	setenv("KSERIES_COCCI_DIR", "", 1);
	dir = kseries_cocci_dir();
	CHECK("kseries_cocci_dir: an empty KSERIES_COCCI_DIR is not taken", dir && *dir);
	CHECK("kseries_cocci_dir: no cocci/ beside the binary: the installed share/kseries/cocci",
	      dir && ends_with(dir, "/share/kseries/cocci"));
	setenv("KSERIES_COCCI_DIR", "/some/series", 1);
	CHECK_STR("kseries_cocci_dir: KSERIES_COCCI_DIR first", kseries_cocci_dir(), "/some/series");
	UNIT_EXIT();
}
