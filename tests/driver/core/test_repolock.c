/* Unit tests of driver/core/repolock.c: one holder at a time, across processes; nested takes. */
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include "core/repolock.h"
#include "lib/cleanup.h"
#include "lib/usage.h"
#include "unit.h"

static const char *gitdir;

/* Another process tries the lock without waiting: 0 when free, 1 when held. */
static void try_lock(void *arg)
{
	int fd = open(gitdir, O_RDONLY | O_DIRECTORY);

	(void)arg;
	exit(fd < 0 ? 2 : flock(fd, LOCK_EX | LOCK_NB) ? 1 : 0);
}

int main(void)
{
	char *tmp = unit_tmpdir(), *repo = xstrfmt("%s/repo", tmp), *cmd, *plain;
	int fd, fd2;

	cmd = xstrfmt("git init -q %s", repo);
	CHECK("repolock: a repo", !system(cmd));
	gitdir = xstrfmt("%s/.git", repo);
	fd = repo_lock(repo);
	CHECK("repo_lock: taken", fd >= 0);
	CHECK("repo_lock: ... another process cannot take it", unit_in_child(try_lock, NULL, NULL) == 1);
	fd2 = repo_lock(repo);
	CHECK("repo_lock: taken again by its holder (a cleanup during worktree add): no deadlock",
	      fd2 == fd);
	repo_unlock(fd2);
	CHECK("repo_unlock: the inner unlock keeps it held", unit_in_child(try_lock, NULL, NULL) == 1);
	repo_unlock(fd);
	CHECK("repo_unlock: the outer one frees it", unit_in_child(try_lock, NULL, NULL) == 0);
	plain = xstrfmt("%s/plain", tmp);
	mkdir(plain, 0777);
	CHECK("repo_lock: a folder that is no repo is an error (-1)", repo_lock(plain) == -1);
	remove_tree(tmp);
	free(repo);
	free(cmd);
	free(plain);
	free((char *)gitdir);
	UNIT_EXIT();
}
