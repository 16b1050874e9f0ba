/*
 * Checks of a command's input shared by series and build: each dies with
 * the problem and its fix (exit 2) before anything is written.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "core/cmdcheck.h"
#include "core/worktree.h"
#include "lib/run.h"
#include "lib/usage.h"

/*
 * 1 for a git repo, 0 for a plain folder; dies when git itself is the
 * problem (missing, or refusing a repo it does not trust), which must not
 * pass for "not a git repo".
 */
int cmdcheck_is_git_repo(const char *path)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	int ret;

	if (!program_exists("git"))
		die("git not found in PATH: install it (apt-get install git, or make deps)");
	strvec_pushl(&cp.args, "git", "-C", path, "rev-parse", "--git-dir", NULL);
	cp.capture_out = cp.capture_err = 1;
	ret = run_command(&cp);
	if (ret && cp.err && strstr(cp.err, "dubious ownership"))
		die("git refuses %s: it belongs to another user; if you trust it, run "
		    "'git config --global --add safe.directory %s'", path, path);
	child_process_clear(&cp);
	return ret == 0;
}

/* "blob", "tree", ... for an object that exists; NULL otherwise. */
static char *object_type(const char *repo, const char *rev)
{
	char *out = NULL, *nl;

	if (run_capture(&out, NULL, "git", "-C", repo, "cat-file", "-t", rev, NULL) || !out) {
		free(out);
		return NULL;
	}
	if ((nl = strchr(out, '\n')))
		*nl = '\0';
	return out;
}

static int looks_like_kernel(const char *repo, const char *commit)
{
	char *a = xstrfmt("%s:Makefile", commit), *b = xstrfmt("%s:include/linux", commit);
	char *out = NULL;
	int ok = !run_capture(&out, NULL, "git", "-C", repo, "cat-file", "-e", a, NULL);

	free(out);
	out = NULL;
	ok = ok && !run_capture(&out, NULL, "git", "-C", repo, "cat-file", "-e", b, NULL);
	free(out);
	free(a);
	free(b);
	return ok;
}

/* out as an absolute path, whether or not it exists yet. */
static char *absolute_out(const char *out)
{
	char buf[PATH_MAX], *copy = xstrdup(out), *slash = strrchr(copy, '/');
	const char *parent = slash ? (slash == copy ? "/" : copy) : ".";
	char *ret;

	if (realpath(out, buf)) {
		free(copy);
		return xstrdup(buf);
	}
	if (slash)
		*slash = '\0';
	if (!realpath(parent, buf))
		die_errno("cannot resolve the parent folder of %s", out);
	ret = xstrfmt("%s/%s", buf, slash ? slash + 1 : out);
	free(copy);
	return ret;
}

/* --out inside the repo's working tree would show in the user's git status. */
void cmdcheck_out_not_in_repo(const char *repo, const char *out)
{
	char *top = NULL, *abs = absolute_out(out), *nl;
	size_t n;

	if (!run_capture(&top, NULL, "git", "-C", repo, "rev-parse", "--show-toplevel", NULL) &&
	    top && *top) {
		if ((nl = strchr(top, '\n')))
			*nl = '\0';
		n = strlen(top);
		if (!strncmp(abs, top, n) && (abs[n] == '/' || !abs[n]))
			die("--out %s is inside the work tree of %s: it would change its git status; "
			    "pick a folder outside it", out, repo);
	}
	free(top);
	free(abs);
}

/*
 * The worktrees and O= folders live under --out, and Kbuild cannot build in a
 * path with a space or a colon (make splits words and targets on them).
 */
void cmdcheck_out_buildable(const char *out)
{
	char *abs = absolute_out(out);

	if (strpbrk(abs, " \t:"))
		die("--out %s: its path %s has a space or a colon, and Kbuild cannot build there; "
		    "give an --out without them, or --no-build", out, abs);
	free(abs);
}

char *cmdcheck_kernel_commit(const char *repo, const char *kernel, const char *rev,
			     const char *option)
{
	char *commit = git_resolve_commit(repo, rev);

	if (!commit) {
		char *type = object_type(repo, rev);

		if (type)
			die("%s '%s' in %s is a %s, not a commit: give a tag, branch or commit",
			    option, rev, kernel, type);
		die("unknown revision '%s' (%s) in %s: see 'git -C %s tag' and 'git -C %s branch'",
		    rev, option, kernel, kernel, kernel);
	}
	if (!looks_like_kernel(repo, commit))
		die("%s at '%s' is not a kernel tree (no Makefile and include/linux): "
		    "give a Linux kernel repo", kernel, rev);
	return commit;
}
