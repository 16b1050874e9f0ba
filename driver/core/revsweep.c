#include <stdlib.h>
#include <string.h>
#include "core/revsweep.h"
#include "lib/run.h"
#include "lib/usage.h"

static int is_pattern(const char *arg)
{
	return strpbrk(arg, "*?[") != NULL;
}

/* "A..B" of two non-empty sides (a "..." symmetric difference is no sweep). */
static int is_range(const char *arg)
{
	const char *dots = strstr(arg, "..");

	return dots && dots > arg && dots[2] && dots[2] != '.';
}

int revsweep_is_sweep(const char *arg)
{
	return is_pattern(arg) || is_range(arg);
}

/* The repo's tags matching pattern (NULL: all), in version order. */
static void tags(const char *repo, const char *pattern, struct strvec *out)
{
	char *text = NULL;

	if (run_capture(&text, NULL, "git", "-C", repo, "tag", "-l", "--sort=v:refname",
			pattern ? pattern : "*", NULL))
		die("cannot list the tags of %s: %s", repo, run_capture_error());
	strvec_split_lines(out, text ? text : "");
	free(text);
}

static size_t index_of(const struct strvec *v, const char *s)
{
	for (size_t i = 0; i < v->nr; i++)
		if (!strcmp(v->v[i], s))
			return i;
	return v->nr;
}

static void expand_range(const char *repo, const char *arg, struct strvec *out)
{
	const char *dots = strstr(arg, "..");
	char *from = xstrndup(arg, dots - arg), *to = xstrdup(dots + 2);
	struct strvec all = STRVEC_INIT;
	size_t a, b;

	tags(repo, NULL, &all);
	a = index_of(&all, from);
	b = index_of(&all, to);
	if (a == all.nr || b == all.nr)
		die("--rev %s: a range is of tags, and %s is no tag of %s (git tag -l lists them)", arg,
		    a == all.nr ? from : to, repo);
	if (a > b)
		die("--rev %s: %s comes after %s in version order: give --rev %s..%s", arg, from, to,
		    to, from);
	for (size_t i = a; i <= b; i++)
		strvec_push(out, all.v[i]);
	strvec_clear(&all);
	free(from);
	free(to);
}

void revsweep_expand(const char *repo, const struct strvec *args, struct strvec *revs,
		     struct strvec *said)
{
	for (size_t i = 0; i < args->nr; i++) {
		struct strvec got = STRVEC_INIT;

		if (is_pattern(args->v[i])) {
			tags(repo, args->v[i], &got);
			if (!got.nr)
				die("--rev '%s' matches no tag of %s (git tag -l '%s' lists them)",
				    args->v[i], repo, args->v[i]);
		} else if (is_range(args->v[i]))
			expand_range(repo, args->v[i], &got);
		else
			strvec_push(&got, args->v[i]);
		if (said && revsweep_is_sweep(args->v[i]))
			strvec_pushf(said, "--rev %s: %zu tags, %s to %s", args->v[i], got.nr,
				     got.v[0], got.v[got.nr - 1]);
		for (size_t k = 0; k < got.nr; k++)
			if (!strvec_contains(revs, got.v[k]))
				strvec_push(revs, got.v[k]);
		strvec_clear(&got);
	}
}
