#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include "core/repolock.h"
#include "lib/run.h"
#include "lib/usage.h"

/*
 * Held by this process, and how deep: a cleanup that runs while the lock is
 * held (a stop signal during git worktree add) takes it again, and a second
 * flock on another descriptor would wait for ourselves for ever.
 */
static int held_fd = -1, held_depth;

int repo_lock(const char *repo)
{
	char *dir = NULL;
	int fd = -1;

	if (held_depth) {
		held_depth++;
		return held_fd;
	}

	if (run_capture(&dir, NULL, "git", "-C", repo, "rev-parse", "--path-format=absolute",
			"--git-common-dir", NULL) || !dir || !*dir) {
		error("cannot find the git dir of %s: %s", repo, run_capture_error());
		free(dir);
		return -1;
	}
	dir[strcspn(dir, "\n")] = '\0';
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0) {
		error_errno("cannot open %s to lock its worktrees", dir);
	} else {
		/* a signal interrupts the wait: the worktree step is short, finish it */
		while (flock(fd, LOCK_EX) < 0) {
			if (errno != EINTR) {
				error_errno("cannot lock %s", dir);
				close(fd);
				fd = -1;
				break;
			}
		}
	}
	free(dir);
	if (fd >= 0) {
		held_fd = fd;
		held_depth = 1;
	}
	return fd;
}

void repo_unlock(int fd)
{
	if (fd >= 0 && fd == held_fd && held_depth > 1) {
		held_depth--;
		return;
	}
	if (fd == held_fd) {
		held_fd = -1;
		held_depth = 0;
	}
	if (fd >= 0)
		close(fd);	/* closing the only descriptor releases the flock */
}
