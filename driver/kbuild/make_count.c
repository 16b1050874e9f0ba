/* Objects a whole-kernel make compiled, from its log (make_count.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kbuild/make_count.h"
#include "lib/fileio.h"
#include "lib/usage.h"

static char *count_file(const char *o_dir)
{
	return xstrfmt("%s/.kseries-objects-compiled", o_dir);
}

void make_count_start(struct make_count *mc, const char *log, const char *o_dir)
{
	char *path = count_file(o_dir), *text = read_file(path);

	memset(mc, 0, sizeof(*mc));
	mc->log = log;
	mc->o_dir = o_dir;
	/* a file kseries reads back: a number, or nothing expected */
	mc->expected = text && strspn(text, "0123456789") == strcspn(text, "\n") ?
		       (size_t)strtoul(text, NULL, 10) : 0;
	free(text);
	free(path);
}

size_t make_count_read(struct make_count *mc)
{
	FILE *f = fopen(mc->log, "r");
	char line[4096];

	if (!f)
		return mc->compiled;
	if (fseek(f, mc->offset, SEEK_SET)) {
		fclose(f);
		return mc->compiled;
	}
	while (fgets(line, sizeof(line), f)) {
		size_t n = strlen(line);

		if (!n || line[n - 1] != '\n')
			break;	/* a line still being written: read it next time */
		mc->offset += (long)n;
		mc->compiled += !strncmp(line, "  CC ", 5) || !strncmp(line, "  AS ", 5);
	}
	fclose(f);
	return mc->compiled;
}

void make_count_keep(const struct make_count *mc)
{
	char *path = count_file(mc->o_dir), *text = xstrfmt("%zu\n", mc->compiled);

	if (mc->compiled)
		write_file(path, text);
	free(text);
	free(path);
}
