/* The commit of a diff's line (blame.h), from git's own blame. */
#include <stdlib.h>
#include <string.h>
#include "lib/run.h"
#include "lib/usage.h"
#include "proof/blame.h"

/* The first word of git blame --porcelain's answer, when it is a commit of base..tip. */
static char *in_range(const struct blame *b, char *out)
{
	char *sha = out ? xstrndup(out, strcspn(out, " \n")) : NULL, *text = NULL;

	free(out);
	if (!sha || strlen(sha) != 40)
		goto none;
	/* a commit base already has is the tree's, not the branch's */
	if (!run_capture(&text, b->wt, "git", "merge-base", "--is-ancestor", sha, b->base, NULL))
		goto none;
	free(text);
	return sha;
none:
	free(text);
	free(sha);
	return NULL;
}

static char *blame_added(const struct blame *b, const char *file, long nr)
{
	char *range = xstrfmt("%ld,%ld", nr, nr), *out = NULL;

	if (run_capture(&out, b->wt, "git", "blame", "--porcelain", "-L", range, b->tip, "--", file,
			NULL)) {
		free(out);
		out = NULL;
	}
	free(range);
	return in_range(b, out);
}

/* The last commit that had the line, then the first after it on the way to tip that changed the file. */
static char *blame_removed(const struct blame *b, const char *file, long nr)
{
	char *range = xstrfmt("%ld,%ld", nr, nr), *span = xstrfmt("%s..%s", b->base, b->tip);
	char *out = NULL, *last, *after = NULL, *path = NULL;

	if (run_capture(&out, b->wt, "git", "blame", "--porcelain", "--reverse", "-L", range, span,
			"--", file, NULL)) {
		free(out);
		out = NULL;
	}
	last = out ? xstrndup(out, strcspn(out, " \n")) : NULL;
	free(out);
	if (last) {
		path = xstrfmt("%s..%s", last, b->tip);
		out = NULL;
		if (!run_capture(&out, b->wt, "git", "rev-list", "--reverse", "--ancestry-path", path, "--",
				 file, NULL) && out && *out)
			after = in_range(b, out);
		else
			free(out);
	}
	free(last);
	free(path);
	free(range);
	free(span);
	return after;
}

char *blame_line(const struct blame *b, const char *file, long nr)
{
	for (size_t i = 0; i < b->h->nr; i++) {
		const struct hunk *hk = &b->h->v[i];

		for (size_t l = 0; hk->new_file && !strcmp(hk->new_file, file) && l < hk->nr_added; l++)
			if (hk->added[l].nr == nr)
				return blame_added(b, file, nr);
	}
	for (size_t i = 0; i < b->h->nr; i++) {
		const struct hunk *hk = &b->h->v[i];

		for (size_t l = 0; hk->old_file && !strcmp(hk->old_file, file) && l < hk->nr_removed; l++)
			if (hk->removed[l].nr == nr)
				return blame_removed(b, file, nr);
	}
	return NULL;
}

char *blame_where(const struct blame *b, const char *where)
{
	const char *colon = strrchr(where, ':');
	char *file, *sha, *subject = NULL, *out;

	if (!colon || colon == where)
		return NULL;
	file = xstrndup(where, (size_t)(colon - where));
	sha = blame_line(b, file, strtol(colon + 1, NULL, 10));
	free(file);
	if (!sha)
		return NULL;
	run_capture(&subject, b->wt, "git", "log", "-1", "--format=%s", sha, NULL);
	if (subject)
		subject[strcspn(subject, "\n")] = '\0';
	out = xstrfmt("%.12s (\"%s\")", sha, subject ? subject : "?");
	free(subject);
	free(sha);
	return out;
}

int blame_hunk_in(const struct blame *b, const struct hunk *hk, const struct strvec *commits)
{
	for (int side = 0; side < 2; side++) {
		struct hunk_side hs = hunk_side(hk, side);

		for (size_t l = 0; hs.file && l < hs.n; l++) {
			char *sha = side ? blame_added(b, hs.file, hs.v[l].nr) :
					   blame_removed(b, hs.file, hs.v[l].nr);
			int ours = sha && strvec_contains(commits, sha);

			free(sha);
			if (!ours)
				return 0;
		}
	}
	return 1;
}
