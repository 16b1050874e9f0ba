/* Unit tests of driver/lib/cleanup.c: folders and registered removers go at exit, on a signal, or now. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "lib/cleanup.h"
#include "lib/usage.h"
#include "unit.h"

static int calls;
static char last[4096];

/* A remover that says it ran: a marker file beside path, and a count. */
static void mark(const char *repo, const char *path)
{
	char *marker = xstrfmt("%s.removed-by-%s", path, repo ? repo : "none");
	FILE *f = fopen(marker, "w");

	if (f)
		fclose(f);
	free(marker);
	calls++;
	snprintf(last, sizeof(last), "%s|%s", repo ? repo : "", path);
}

static void exit_with_remover(void *path)
{
	cleanup_install();
	cleanup_add_fn(mark, "r", path);
	exit(0);
}

static void signalled_with_remover(void *path)
{
	cleanup_install();
	cleanup_add_fn(mark, "sig", path);
	raise(SIGTERM);		/* the handler only notes it */
	cleanup_check_signal();	/* the main flow cleans up, then dies of it */
	exit(3);
}

/* A child that leaves a grandchild in a session of its own, and exits: the grandchild's pid. */
static pid_t leave_orphan(void)
{
	int fds[2];
	pid_t child, orphan = 0;

	if (pipe(fds))
		return 0;
	child = fork();
	if (!child) {
		pid_t g = fork();

		if (!g) {
			setsid();
			execlp("sleep", "sleep", "3133", (char *)NULL);
			_exit(127);
		}
		if (write(fds[1], &g, sizeof(g)) != sizeof(g))
			_exit(1);
		_exit(0);
	}
	close(fds[1]);
	if (read(fds[0], &orphan, sizeof(orphan)) != sizeof(orphan))
		orphan = 0;
	close(fds[0]);
	waitpid(child, NULL, 0);
	return orphan;
}

static int exists(const char *path)
{
	struct stat st;

	return !stat(path, &st);
}

int main(void)
{
	char *tmp = unit_tmpdir(), *dir, *deep, *mid, *path, *marker, *want;

	CHECK("cleanup: a scratch folder to work in", tmp != NULL);
	if (!tmp)
		UNIT_EXIT();
	path = xstrfmt("%s/wt", tmp);

	cleanup_add_fn(mark, "repo", path);
	cleanup_now(mark, "repo", path);
	CHECK("cleanup_now: the registered remover runs once", calls == 1);
	want = xstrfmt("repo|%s", path);
	CHECK_STR("cleanup_now: ... with its repo and path", last, want);
	free(want);
	cleanup_run();
	CHECK("cleanup_now: ... and is forgotten (not run again at exit)", calls == 1);
	cleanup_now(mark, NULL, path);
	CHECK("cleanup_now: a path never registered is removed all the same", calls == 2);

	dir = xstrfmt("%s/scratch", tmp);
	deep = xstrfmt("%s/a/b", dir);
	mkdir(dir, 0777);
	mid = xstrfmt("%s/a", dir);
	mkdir(mid, 0777);
	mkdir(deep, 0777);
	CHECK("cleanup_add_dir: a folder with folders in it", exists(deep));
	cleanup_add_dir(dir);
	cleanup_run();
	CHECK("cleanup_add_dir: the folder and all below it go at cleanup", !exists(dir));

	CHECK("cleanup: exit 0 runs the removers", unit_in_child(exit_with_remover, path, NULL) == 0);
	marker = xstrfmt("%s.removed-by-r", path);
	CHECK("cleanup: ... a remover registered in a process runs at its exit", exists(marker));
	free(marker);

	CHECK("cleanup: a stop signal ends the process by that signal",
	      unit_in_child(signalled_with_remover, path, NULL) == 128 + SIGTERM);
	marker = xstrfmt("%s.removed-by-sig", path);
	CHECK("cleanup: ... after its removers ran", exists(marker));
	free(marker);

	CHECK("cleanup: SIGINT, SIGPIPE stop a run", cleanup_is_stop_signal(SIGINT) &&
	      cleanup_is_stop_signal(SIGPIPE));
	CHECK("cleanup: SIGCHLD does not", !cleanup_is_stop_signal(SIGCHLD));

	{
		pid_t orphan;

		cleanup_install();	/* kseries is a subreaper: the orphan comes to us */
		orphan = leave_orphan();
		CHECK("cleanup_reap_orphans: an orphan of a child, in a session of its own",
		      orphan > 0 && !kill(orphan, 0));
		cleanup_reap_orphans();
		CHECK("cleanup_reap_orphans: ... is stopped and reaped", orphan > 0 && kill(orphan, 0) < 0);
	}
	CHECK("remove_tree: a folder with files in it", !remove_tree(tmp) && !exists(tmp));
	free(path);
	free(dir);
	free(deep);
	free(mid);
	UNIT_EXIT();
}
