#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "lib/run.h"
#include "lib/usage.h"
#include "rules/hand_edits.h"

/* git apply in dir, never in a repository above it (a tree unpacked inside another) */
static int git_apply(const char *dir, const char *diff, const char *how, char **out, char **err)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	char top[PATH_MAX], *slash;
	int ret;

	if (!realpath(dir, top))
		return -1;
	slash = strrchr(top, '/');
	if (slash && slash != top)
		*slash = '\0';
	strvec_pushf(&cp.env, "GIT_CEILING_DIRECTORIES=%s", top);
	strvec_pushl(&cp.args, "git", "apply", "-p1", NULL);
	if (how)
		strvec_push(&cp.args, how);
	strvec_push(&cp.args, diff);
	cp.dir = dir;
	cp.capture_out = cp.capture_err = 1;
	ret = run_command(&cp);
	*out = cp.out;
	*err = cp.err;
	cp.out = cp.err = NULL;
	child_process_clear(&cp);
	return ret;
}

/* "ADDED\tDELETED\tPATH" lines of --numstat: the paths */
static void numstat_paths(const char *out, struct strvec *files)
{
	struct strvec lines = STRVEC_INIT;

	strvec_split_lines(&lines, out ? out : "");
	for (size_t i = 0; i < lines.nr; i++) {
		const char *tab = strchr(lines.v[i], '\t');

		tab = tab ? strchr(tab + 1, '\t') : NULL;
		if (tab && tab[1])
			strvec_push(files, tab + 1);
	}
	strvec_clear(&lines);
}

int hand_edit_apply(const struct manifest *m, size_t i, const char *dir,
		    const struct strvec *candidates, const struct strvec *rules_changed,
		    struct strvec *touched)
{
	const struct manifest_patch *p = &m->patches[i];
	char *diff = xstrfmt("%s/%s", m->dir, p->diff), *out = NULL, *err = NULL;
	struct strvec files = STRVEC_INIT;
	int ret = git_apply(dir, diff, "--numstat", &out, &err), refused = 0;

	numstat_paths(ret ? NULL : out, &files);
	for (size_t f = 0; f < files.nr && !refused; f++) {
		if (!strvec_contains(candidates, files.v[f]))
			refused = error("patch %zu (\"%s\"): its diff %s changes %s, which holds none "
					"of the tokens: a hand edit is for uses of the API (rewrite and "
					"series apply it the same way)", i + 1, p->subject, p->diff,
					files.v[f]);
		else if (strvec_contains(rules_changed, files.v[f]))
			refused = error("patch %zu (\"%s\"): its diff %s changes %s, which the rules "
					"change too: a hand edit is for code no rule changes (or put "
					"it in a rule)", i + 1, p->subject, p->diff, files.v[f]);
	}
	if (!ret && !refused) {
		free(out);
		free(err);
		ret = git_apply(dir, diff, NULL, &out, &err);
	}
	if (ret)
		error("patch %zu (\"%s\"): its diff %s does not apply to %s: %.*s; make it again "
		      "against this tree", i + 1, p->subject, p->diff, dir,
		      err ? (int)strcspn(err, "\n") : 0, err ? err : "");
	if (!ret && !refused)
		strvec_pushv(touched, (const char *const *)files.v);
	strvec_clear(&files);
	free(out);
	free(err);
	free(diff);
	return ret || refused ? -1 : 0;
}
