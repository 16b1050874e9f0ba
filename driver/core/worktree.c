/*
 * Worktrees and the token search: which files of a tree (or of a commit)
 * hold the series' tokens, and a worktree that checks out only those.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "core/cache.h"
#include "core/repolock.h"
#include "core/worktree.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/usage.h"

char *git_resolve_commit(const char *repo, const char *rev)
{
	char *spec = xstrfmt("%s^{commit}", rev), *out = NULL, *nl;
	int ret = run_capture(&out, NULL, "git", "-C", repo, "rev-parse", "--verify", "--quiet",
			      spec, NULL);

	free(spec);
	if (ret || !out || !*out) {
		free(out);
		return NULL;
	}
	if ((nl = strchr(out, '\n')))
		*nl = '\0';
	return out;
}

static int is_git_worktree(const char *dir)
{
	char *out = NULL;
	int ret = run_capture(&out, dir, "git", "rev-parse", "--is-inside-work-tree", NULL);
	int yes = !ret && out && !strncmp(out, "true", 4);

	free(out);
	return yes;
}

/* git grep (of a commit, or the work tree), or grep of what is on disk: dir, or one file in it */
static int search(const char *dir, const char *commit, int git, const char *only,
		  const struct strvec *tokens, struct strvec *files)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	struct strvec lines = STRVEC_INIT;
	int ret;
	size_t skip = commit ? strlen(commit) + 1 : 0;	/* git grep COMMIT prints "COMMIT:path" */

	if (git)
		strvec_pushl(&cp.args, "git", "grep", "-l", "-F", NULL);
	else if (only)
		strvec_pushl(&cp.args, "grep", "-lF", NULL);
	else
		strvec_pushl(&cp.args, "grep", "-rlF", "--include=*.c", "--include=*.h", NULL);
	for (size_t i = 0; i < tokens->nr; i++)
		strvec_pushl(&cp.args, "-e", tokens->v[i], NULL);
	if (commit)
		strvec_push(&cp.args, commit);
	if (git)
		strvec_pushl(&cp.args, "--", "*.c", "*.h", NULL);
	else
		strvec_pushl(&cp.args, "--", only ? only : ".", NULL);
	cp.dir = dir;
	cp.capture_out = 1;
	cp.capture_err = 1;
	ret = run_command(&cp);
	/* grep and git grep exit 1 when nothing matches: not an error */
	if (ret != 0 && ret != 1) {
		error("cannot search %s%s%s for the series' tokens: %s", dir, commit ? " at " : "",
		      commit ? commit : "", cp.err ? cp.err : "");
		child_process_clear(&cp);
		return -1;
	}
	strvec_split_lines(&lines, cp.out);
	for (size_t i = 0; i < lines.nr; i++) {
		const char *f = lines.v[i];

		if (skip && strlen(f) > skip)
			f += skip;
		else if (!strncmp(f, "./", 2))
			f += 2;
		strvec_push(files, f);
	}
	strvec_clear(&lines);
	strvec_sort(files);
	child_process_clear(&cp);
	return 0;
}

int grep_tokens(const char *dir, const char *commit, const struct strvec *tokens,
		struct strvec *files)
{
	return search(dir, commit, commit || is_git_worktree(dir), NULL, tokens, files);
}

int grep_tokens_on_disk(const char *dir, const char *only, const struct strvec *tokens,
			struct strvec *files)
{
	return search(dir, NULL, 0, only, tokens, files);
}

/*
 * The files of a commit that hold the tokens. git grep of a kernel commit
 * reads every blob (seconds); the answer depends only on the commit's tree
 * and the tokens, so it is kept in the cache and a rerun reads it back.
 */
static int commit_candidates(const char *repo, const char *commit, const struct strvec *tokens,
			     struct strvec *files)
{
	char *spec = xstrfmt("%s^{tree}", commit), *tree = NULL, *key = NULL, *text = NULL;
	int ret = run_capture(&tree, NULL, "git", "-C", repo, "rev-parse", "--verify", "--quiet",
			      spec, NULL);

	free(spec);
	if (!ret && tree && *tree) {
		char *hash = cache_hash((const char *const *)tokens->v, tokens->nr);

		tree[strcspn(tree, "\n")] = '\0';
		key = xstrfmt("%s-%s", tree, hash);
		free(hash);
		text = cache_get("candidates", key);
	}
	if (text) {
		strvec_split_lines(files, text);
		verbose("the token search of %s: from the cache", commit);
	} else {
		ret = grep_tokens(repo, commit, tokens, files);
		if (!ret && key) {
			char *list = strvec_join(files, files->nr, "\n");

			cache_put("candidates", key, files->nr ? list : "");
			free(list);
		}
	}
	free(text);
	free(key);
	free(tree);
	return ret;
}

/* Write the worktree's sparse pattern and check out what it selects. */
int worktree_sparse_checkout(const char *wt, const char *patterns)
{
	char *git_dir = NULL, *out = NULL, *info = NULL;
	int ret = run_capture(&git_dir, wt, "git", "rev-parse", "--absolute-git-dir", NULL);

	if (!ret && git_dir) {
		char *nl = strchr(git_dir, '\n');

		if (nl)
			*nl = '\0';
		info = xstrfmt("%s/info", git_dir);
		mkdir(info, 0777);
		free(info);
		info = xstrfmt("%s/info/sparse-checkout", git_dir);
		ret = write_file(info, patterns);
	}
	if (!ret)
		/* checkout.workers=0: a worker per core (a whole kernel tree: twice as fast on 2) */
		ret = run_capture(&out, wt, "git", "-c", "core.sparseCheckout=true", "-c",
				  "checkout.workers=0", "read-tree", "-mu", "HEAD", NULL);
	free(out);
	free(git_dir);
	free(info);
	return ret;
}

/*
 * A worktree that checks out only the files holding the tokens (git grep on
 * the commit, no checkout first): seconds instead of minutes on a kernel, and
 * all the rules, commits and format-patch need. The sparse pattern lives in
 * the worktree's own git dir: the user's repo config is not touched.
 */
int worktree_add_sparse(const char *repo, const struct strvec *tokens, const char *wt,
			const char *commit)
{
	struct strvec lines = STRVEC_INIT;
	struct strbuf sb = STRBUF_INIT;
	char *out = NULL, *patterns = NULL;
	int ret, lock = repo_lock(repo);

	if (lock < 0)
		return -1;
	ret = run_capture(&out, NULL, "git", "-C", repo, "worktree", "add", "-q",
			  "--no-checkout", "--detach", wt, commit, NULL);
	repo_unlock(lock);
	free(out);
	out = NULL;
	if (ret)
		return error("git worktree add %s %s failed: %s%s", wt, commit, run_capture_error(),
			     full_disk_hint(run_capture_error(), wt));
	if (commit_candidates(repo, commit, tokens, &lines))
		return -1;
	/* each file as an exact sparse-checkout pattern */
	for (size_t i = 0; i < lines.nr; i++)
		strbuf_addf(&sb, "/%s\n", lines.v[i]);
	strvec_clear(&lines);
	/* what checkpatch.pl needs to read the patches */
	strbuf_addstr(&sb, "/scripts/checkpatch.pl\n/scripts/spelling.txt\n"
		      "/scripts/const_structs.checkpatch\n");
	/* and get_maintainer.pl: MAINTAINERS, .mailmap, the other top-level files */
	strbuf_addstr(&sb, "/*\n!/*/\n/scripts/get_maintainer.pl\n");
	patterns = strbuf_detach(&sb);
	ret = worktree_sparse_checkout(wt, patterns);
	free(patterns);
	return ret ? error("cannot check out the files of %s in %s: %s%s", commit, wt,
			   run_capture_error(), full_disk_hint(run_capture_error(), wt)) : 0;
}


/*
 * kseries' own worktree goes by its path (remove --force forgets it even when
 * its folder is gone); never "worktree prune", which would also drop the
 * user's own stale registrations. Under the repo's lock: see repolock.h.
 */
static void remove_worktree(const char *repo, const char *path)
{
	char *out = NULL;
	int lock = repo_lock(repo);

	/* twice: a git worktree add killed midway leaves it locked */
	run_capture(&out, NULL, "git", "-C", repo, "worktree", "remove", "--force", "--force", path,
		    NULL);
	free(out);
	repo_unlock(lock);
	remove_tree(path);
}

void worktree_remove_at_exit(const char *repo, const char *path)
{
	cleanup_add_fn(remove_worktree, repo, path);
}

void worktree_remove_now(const char *repo, const char *path)
{
	cleanup_now(remove_worktree, repo, path);
}

int worktree_checkout(const char *wt, const char *rev)
{
	char *out = NULL;
	int ret = run_capture(&out, wt, "git", "-c", "checkout.workers=0", "checkout", "-q",
			      "--detach", rev, NULL);

	free(out);
	return ret ? error("cannot check out %s in %s: %s%s", rev, wt, run_capture_error(),
			   full_disk_hint(run_capture_error(), wt)) : 0;
}
