/*
 * Unit tests of driver/core/worktree.c: a worktree goes (folder and git's
 * record of it) at exit, on a signal or now; checkout and the commit of a
 * revision; the token search.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "core/worktree.h"
#include "lib/cleanup.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "unit.h"

static const char *repo;

static void remove_at_exit(void *wt)
{
	cleanup_install();
	worktree_remove_at_exit(repo, wt);
	exit(0);
}

static void remove_on_signal(void *wt)
{
	cleanup_install();
	worktree_remove_at_exit(repo, wt);
	raise(SIGINT);
	cleanup_check_signal();
	exit(3);
}

static int exists(const char *path)
{
	struct stat st;

	return !stat(path, &st);
}

/* Does git worktree list of repo name wt? */
static int listed(const char *wt)
{
	char *out = NULL;
	int found;

	run_capture(&out, NULL, "git", "-C", repo, "worktree", "list", "--porcelain", NULL);
	found = out && strstr(out, wt) != NULL;
	free(out);
	return found;
}

static int add_worktree(const char *wt)
{
	char *out = NULL;
	int ret = run_capture(&out, NULL, "git", "-C", repo, "worktree", "add", "-q", "--detach", wt,
			      "HEAD", NULL);

	free(out);
	return ret;
}

int main(void)
{
	char *tmp = unit_tmpdir(), *cmd, *wt1, *wt2, *wt3, *head, *v1, *out = NULL;
	struct strvec tokens = STRVEC_INIT, files = STRVEC_INIT;

	if (!tmp)
		return 1;
	repo = xstrfmt("%s/repo", tmp);
	cmd = xstrfmt("set -e; git init -q %s; cd %s; mkdir mm; "
		      "printf 'void f(void) { mmu_notifier_invalidate_page(); }\\n' > mm/rmap.c; "
		      "printf 'int x;\\n' > mm/other.c; git add .; "
		      "git -c user.name=T -c user.email=t@e -c commit.gpgsign=false commit -qm one; "
		      "git tag v1; printf 'int y;\\n' >> mm/other.c; "
		      "git -c user.name=T -c user.email=t@e -c commit.gpgsign=false commit -qam two",
		      repo, repo);
	CHECK("worktree: a repo to test on", !system(cmd));

	head = git_resolve_commit(repo, "HEAD");
	CHECK("git_resolve_commit: HEAD is a full sha", head && strlen(head) == 40);
	CHECK("git_resolve_commit: a revision the repo lacks is NULL",
	      !git_resolve_commit(repo, "no-such-rev"));
	v1 = git_resolve_commit(repo, "v1");

	strvec_push(&tokens, "mmu_notifier_invalidate_page");
	CHECK("grep_tokens: the files holding a token", !grep_tokens(repo, NULL, &tokens, &files) &&
	      files.nr == 1 && !strcmp(files.v[0], "mm/rmap.c"));

	wt1 = xstrfmt("%s/wt1", tmp);
	CHECK("worktree: one added", !add_worktree(wt1) && listed(wt1));
	CHECK("worktree_checkout: to a tag", !worktree_checkout(wt1, "v1"));
	run_capture(&out, wt1, "git", "rev-parse", "HEAD", NULL);
	CHECK("worktree_checkout: ... the worktree is at it",
	      out && v1 && !strncmp(out, v1, 40));
	free(out);
	CHECK("worktree_checkout: a revision that is not there fails",
	      worktree_checkout(wt1, "no-such-rev") == -1);

	CHECK("worktree_remove_at_exit: the process exits 0",
	      unit_in_child(remove_at_exit, wt1, NULL) == 0);
	CHECK("worktree_remove_at_exit: ... its folder is gone", !exists(wt1));
	CHECK("worktree_remove_at_exit: ... and git no longer lists it", !listed(wt1));

	wt2 = xstrfmt("%s/wt2", tmp);
	add_worktree(wt2);
	CHECK("worktree_remove_at_exit: Ctrl-C ends the process by SIGINT",
	      unit_in_child(remove_on_signal, wt2, NULL) == 128 + SIGINT);
	CHECK("worktree_remove_at_exit: ... after the worktree went", !exists(wt2) && !listed(wt2));

	wt3 = xstrfmt("%s/wt3", tmp);
	add_worktree(wt3);
	worktree_remove_at_exit(repo, wt3);
	worktree_remove_now(repo, wt3);
	CHECK("worktree_remove_now: gone now, folder and record", !exists(wt3) && !listed(wt3));
	CHECK("worktree_remove_now: the user's repo is intact", exists(repo) && listed(repo));

	strvec_clear(&tokens);
	strvec_clear(&files);
	remove_tree(tmp);
	free((char *)repo);
	free(cmd);
	free(head);
	free(v1);
	free(wt1);
	free(wt2);
	free(wt3);
	UNIT_EXIT();
}
