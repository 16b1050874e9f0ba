/*
 * Subcommands whose implementation has not landed yet. Each still has its
 * --help, and refuses to run with exit 2: a missing feature must never look
 * like a success.
 */
#include <stdio.h>
#include <string.h>
#include "commands.h"
#include "usage.h"

static int pending(int argc, char **argv, const char *usage_text)
{
	if (argc > 1 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
		fputs(usage_text, stdout);
		fputs("\nNot implemented yet in this version of kseries.\n", stdout);
		return 0;
	}
	error("'%s' is not implemented yet: use 'kseries series' or 'kseries rewrite' for now", argv[0]);
	return 2;
}

int cmd_build(int argc, char **argv)
{
	return pending(argc, argv,
		"usage: kseries build --kernel TREE [--arch ARCH ...] --out DIR\n"
		"  Cross-build, per architecture, every object that uses the series' API.\n"
		"  Today the build matrix runs inside 'kseries series' (see --arch, --no-build).\n");
}
