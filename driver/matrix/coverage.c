/* Which changed files some cell compiled after the series. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "matrix/coverage.h"
#include "lib/run.h"
#include "lib/usage.h"

/*
 * A .c file compiled after the series on cell c: its object was built, or
 * a folder target built it (a file of virt/ through an arch folder's
 * Makefile, series.json "targets") and the after step wrote it (its mtime
 * is not older than the step: an object left from the before step never
 * counts).
 */
static int c_compiled(const char *out_dir, const struct build_cell *c, const char *file)
{
	size_t n = strlen(file);
	char *obj = xstrfmt("%.*s.o", (int)(n - 2), file);
	int ok = 0, folder = 0;

	for (size_t t = 0; t < c->built.nr && !ok; t++) {
		const char *b = c->built.v[t];
		size_t bn = strlen(b);

		folder |= bn && b[bn - 1] == '/';
		ok = !strcmp(b, obj) || (bn && b[bn - 1] == '/' && !strncmp(obj, b, bn));
	}
	if (!ok && folder && c->after_started) {
		char *path = xstrfmt("%s/%s/%s", out_dir, c->arch, obj);
		struct stat st;

		ok = !stat(path, &st) && st.st_mtime >= c->after_started;
		free(path);
	}
	ok = ok && !strvec_contains(&c->regressions, obj) && !strvec_contains(&c->not_buildable, obj);
	free(obj);
	return ok;
}

static int header_compiled(const char *out_dir, const struct build_cell *c, const char *file)
{
	char *dir = xstrfmt("%s/%s", out_dir, c->arch), *out = NULL;
	/* Kbuild's .cmd files list every header an object read; the demo's .d files too */
	int ret = run_capture(&out, NULL, "grep", "-rlqF", "--include=.*.cmd", "--include=*.d",
			      "-e", file, dir, NULL);

	free(out);
	free(dir);
	return ret == 0;
}

void coverage_of(const char *out_dir, const struct build_cell *cells, size_t nr_cells,
		    const struct strvec *changed, struct strvec *compiled, struct strvec *not_compiled)
{
	for (size_t f = 0; f < changed->nr; f++) {
		const char *file = changed->v[f];
		size_t n = strlen(file);
		int is_c = n > 2 && !strcmp(file + n - 2, ".c"), ok = 0;

		for (size_t i = 0; i < nr_cells && !ok; i++) {
			if (cells[i].state == CELL_PENDING || cells[i].state == CELL_SKIPPED)
				continue;
			ok = is_c ? c_compiled(out_dir, &cells[i], file) :
				    header_compiled(out_dir, &cells[i], file);
		}
		strvec_push(ok ? compiled : not_compiled, file);
	}
}
