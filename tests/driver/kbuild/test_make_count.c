/* driver/kbuild/make_count.c: a whole-kernel make's progress from its log. */
#include <stdio.h>
#include "unit.h"
#include "kbuild/make_count.h"
#include "lib/fileio.h"
#include "lib/usage.h"

int main(void)
{
	char tmpl[] = "/tmp/kseries-count-XXXXXX", *dir = mkdtemp(tmpl);
	char *log = xstrfmt("%s/x86_64.log", dir), *kept = xstrfmt("%s/.kseries-objects-compiled", dir);
	struct make_count mc;
	FILE *f;

	write_file(log, "  CHK     include/config/kernel.release\n  CC      mm/rmap.o\n  CC [M]  fs/x.o\n");
	make_count_start(&mc, log, dir);
	CHECK("make_count: nothing expected before a first build", mc.expected == 0);
	CHECK("make_count: the CC lines so far", make_count_read(&mc) == 2);
	f = fopen(log, "a");
	fputs("  AS      arch/x86/entry/entry_64.o\n  CC      kernel/fo", f);	/* a line still being written */
	fclose(f);
	CHECK("make_count: only what the log grew by, a half-written line not yet",
	      make_count_read(&mc) == 3);
	f = fopen(log, "a");
	fputs("rk.o\n", f);
	fclose(f);
	CHECK("make_count: ... and that line once it is whole", make_count_read(&mc) == 4);
	make_count_keep(&mc);
	make_count_start(&mc, log, dir);
	CHECK("make_count: the next build of that folder expects the last count", mc.expected == 4);
	write_file(kept, "4; rm -rf /\n");
	make_count_start(&mc, log, dir);
	CHECK("make_count: a damaged count file is no expectation", mc.expected == 0);
	unlink(kept);
	unlink(log);
	rmdir(dir);
	free(log);
	free(kept);
	UNIT_EXIT();
}
