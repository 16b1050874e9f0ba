/* kseries: Coccinelle-driven refactoring of Linux kernel trees. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "commands.h"
#include "core/cache.h"
#include "core/gitenv.h"
#include "lib/cleanup.h"
#include "lib/usage.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{ "series", cmd_series, "regenerate the patch series on kernel revisions" },
	{ "rewrite", cmd_rewrite, "apply the series' rules to a kernel tree in place" },
	{ "build", cmd_build, "build and prove commits BASE..TIP (lines compiled, code unchanged)" },
	{ "audit", cmd_audit, "audit an out-of-tree driver for the removed API" },
	{ "matrix", cmd_matrix, "merge the output folders of several runs into one matrix" },
	{ "boot", cmd_boot, "boot the kernel before and after the series under qemu and watch the callbacks" },
	{ "cache", cmd_cache, "what the cache between runs holds, the last run's hits; --clear" },
	{ NULL, NULL, NULL },
};

static void print_usage(FILE *f)
{
	fprintf(f, "usage: kseries <command> [options]\n\ncommands:\n");
	for (const struct command *c = commands; c->name; c++)
		fprintf(f, "  %-8s %s\n", c->name, c->summary);
	fprintf(f, "  %-8s %s\n", "help", "show this list, or 'help COMMAND' for one command");
	fprintf(f, "\nSee 'kseries <command> --help' and kseries(1).\n");
}

static const struct command *find_command(const char *name)
{
	for (const struct command *c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static int wants_help(int argc, char **argv)
{
	for (int i = 2; i < argc; i++)
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h"))
			return 1;
	return 0;
}

int main(int argc, char **argv)
{
	const struct command *c;
	int ret;

	if (argc < 2) {
		print_usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		if (argc > 2 && (c = find_command(argv[2]))) {
			char *args[] = { argv[2], "--help", NULL };

			return c->fn(2, args);
		}
		print_usage(stdout);
		return 0;
	}
	c = find_command(argv[1]);
	if (!c) {
		error("unknown command '%s': run 'kseries help' for the list", argv[1]);
		return 2;
	}
	/* from the start: a closed pipe or Ctrl-C at any point cleans up */
	cleanup_install();
	gitenv_pin();
	/* this run's cache hits and misses, for `kseries cache` (not its own, not --help's) */
	if (strcmp(c->name, "cache") && !wants_help(argc, argv))
		cache_begin_run(c->name);
	ret = c->fn(argc - 1, argv + 1);
	/* output still buffered meets a closed pipe here, not in exit() */
	fflush(NULL);
	/* a signal that came after the last wait: clean up and die of it */
	cleanup_check_signal();
	return ret;
}
