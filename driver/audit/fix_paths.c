/* The paths of an audit's fix patch: relative to where the user applies it. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "audit/fix_paths.h"
#include "lib/run.h"
#include "lib/usage.h"

/* path's folder, resolved (a file: the folder it is in); NULL when it does not exist */
static char *folder_of(const char *path)
{
	char abs[PATH_MAX];
	struct stat st;
	char *slash;

	if (!realpath(path, abs) || stat(abs, &st))
		return NULL;
	if (!S_ISDIR(st.st_mode) && (slash = strrchr(abs, '/')))
		*(slash == abs ? slash + 1 : slash) = '\0';
	return xstrdup(abs);
}

static char *git_top(const char *dir)
{
	char *out = NULL;

	if (run_capture(&out, dir, "git", "rev-parse", "--show-toplevel", NULL) || !out || !*out) {
		free(out);
		return NULL;
	}
	out[strcspn(out, "\n")] = '\0';
	return out;
}

/* the longest folder both are in, cut to whole components: base shrinks in place */
static void common_folder(char *base, const char *dir)
{
	size_t n = 0, keep = 0;

	while (base[n] && base[n] == dir[n]) {
		n++;
		if (base[n] == '/' || (!base[n] && (!dir[n] || dir[n] == '/')))
			keep = n;
	}
	base[keep ? keep : 1] = '\0';
}

char *fix_base(const struct strvec *paths)
{
	char *base = NULL, *top = NULL;
	int same_top = 1;

	for (size_t i = 0; i < paths->nr; i++) {
		char *dir = folder_of(paths->v[i]), *t;

		if (!dir)
			continue;
		t = same_top ? git_top(dir) : NULL;
		if (!t || (top && strcmp(t, top)))
			same_top = 0;
		if (!top && t)
			top = xstrdup(t);
		free(t);
		if (!base)
			base = dir;
		else {
			common_folder(base, dir);
			free(dir);
		}
	}
	if (same_top && top) {
		free(base);
		return top;
	}
	free(top);
	return base ? base : xstrdup(".");
}

char *fix_path(const char *base, const char *file)
{
	char abs[PATH_MAX];
	size_t n = strlen(base);

	if (realpath(file, abs)) {
		if (!strcmp(base, "/"))
			return xstrdup(abs + 1);
		if (!strncmp(abs, base, n) && abs[n] == '/')
			return xstrdup(abs + n + 1);
	}
	while (*file == '/' || !strncmp(file, "./", 2))
		file += *file == '/' ? 1 : 2;
	return xstrdup(file);
}
