/*
 * The make targets of a set of changed files on one arch: file.c -> file.o,
 * or the folder that builds it (series.json "targets"); and which of them a
 * make built.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/manifest.h"
#include "kbuild/targets.h"
#include "lib/usage.h"

/* text with every "{arch}" as srcarch (caller frees) */
static char *with_arch(const char *text, const char *srcarch)
{
	const char *p = strstr(text, "{arch}");
	char *rest, *out;

	if (!p)
		return xstrdup(text);
	rest = with_arch(p + 6, srcarch);
	out = xstrfmt("%.*s%s%s", (int)(p - text), text, srcarch, rest);
	free(rest);
	return out;
}

/* The series' target for file f, when a row of "targets" takes it; else NULL. */
static char *series_target(const char *wt, const char *srcarch, const char *f,
			   const struct manifest_table *rows)
{
	for (size_t r = 0; rows && r < rows->rows; r++) {
		char *files = with_arch(cell(rows, r, TARGET_FILES), srcarch);
		char *when = with_arch(cell(rows, r, TARGET_WHEN), srcarch);
		char *path = xstrfmt("%s/%s", wt, when);
		int hit = !strncmp(f, files, strlen(files)) && !access(path, R_OK);

		free(files);
		free(when);
		free(path);
		if (hit)
			return with_arch(cell(rows, r, TARGET_BUILD_IN), srcarch);
	}
	return NULL;
}

void targets_of_files(const char *wt, const char *srcarch, const struct strvec *files,
		   const struct manifest_table *rows, struct strvec *targets)
{
	char *arch_prefix = xstrfmt("arch/%s/", srcarch);

	for (size_t i = 0; i < files->nr; i++) {
		const char *f = files->v[i];
		size_t n = strlen(f);
		char *t;

		if (n < 3 || strcmp(f + n - 2, ".c"))
			continue;	/* headers are compiled through the .c files */
		if (!strncmp(f, "arch/", 5) && strncmp(f, arch_prefix, strlen(arch_prefix)))
			continue;	/* another architecture's file */
		/* a file built through another folder's Makefile (series.json "targets") */
		t = series_target(wt, srcarch, f, rows);
		if (!t)
			t = xstrfmt("%.*s.o", (int)(n - 2), f);
		if (!strvec_contains(targets, t))
			strvec_push(targets, t);
		free(t);
	}
	free(arch_prefix);
}

/* The targets that did not fail (a folder: when none of its objects did). */
void targets_built(const struct strvec *targets, const struct strvec *failed,
			  struct strvec *built)
{
	for (size_t t = 0; t < targets->nr; t++) {
		int bad = 0;

		for (size_t f = 0; f < failed->nr && !bad; f++)
			bad = !strncmp(failed->v[f], targets->v[t], strlen(targets->v[t]));
		if (!bad)
			strvec_push(built, targets->v[t]);
	}
}

/* Keep the targets under one of the folders of only ("mm/ fs/"). */
void targets_only_under(struct strvec *targets, const char *only)
{
	for (size_t t = targets->nr; t-- > 0;) {
		int keep = 0;

		for (const char *p = only; *p && !keep; p += strspn(p, " ")) {
			size_t n = strcspn(p, " ");

			keep = n && !strncmp(targets->v[t], p, n);
			p += n;
		}
		if (!keep)
			strvec_remove(targets, t);
	}
}
