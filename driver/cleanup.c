#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cleanup.h"
#include "run.h"
#include "usage.h"

#define MAX_ITEMS 256

struct item {
	char *repo;	/* NULL: a plain folder */
	char *path;
	pid_t pid;	/* who registered it: a forked child cleans only its own */
};

static struct item items[MAX_ITEMS];
static size_t nr_items;
/*
 * Every child to stop on a signal: revision processes and the tools they
 * run. The handler reads this list and nothing else; changes to it are made
 * with the signals blocked.
 */
static volatile pid_t children[MAX_ITEMS];
static volatile sig_atomic_t nr_children;
static volatile sig_atomic_t running;
static volatile sig_atomic_t pending;	/* the signal that arrived, or 0 */

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

int remove_tree(const char *path)
{
	return nftw(path, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void add(const char *repo, const char *path)
{
	if (nr_items == MAX_ITEMS)
		die("too many scratch folders to track");
	items[nr_items].repo = repo ? xstrdup(repo) : NULL;
	items[nr_items].path = xstrdup(path);
	items[nr_items].pid = getpid();
	nr_items++;
}

void cleanup_add_dir(const char *path)
{
	add(NULL, path);
}

void cleanup_add_worktree(const char *repo, const char *path)
{
	add(repo, path);
}

static void remove_item(struct item *it)
{
	if (it->repo) {
		char *out = NULL;

		run_capture(&out, NULL, "git", "-C", it->repo, "worktree", "remove", "--force",
			    it->path, NULL);
		free(out);
		out = NULL;
		/* if the folder was already gone, prune forgets the worktree */
		run_capture(&out, NULL, "git", "-C", it->repo, "worktree", "prune", NULL);
		free(out);
	}
	remove_tree(it->path);
}

void cleanup_worktree_now(const char *repo, const char *path)
{
	for (size_t i = 0; i < nr_items; i++) {
		if (items[i].repo && !strcmp(items[i].path, path) && !strcmp(items[i].repo, repo)) {
			remove_item(&items[i]);
			free(items[i].repo);
			free(items[i].path);
			items[i] = items[--nr_items];
			return;
		}
	}
	remove_item(&(struct item){ (char *)repo, (char *)path, 0 });
}

static void block_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, old);
}

/* children are the forking process's own: a child never kills its siblings */
void cleanup_add_child(pid_t pid)
{
	sigset_t old;

	block_signals(&old);
	if (nr_children < MAX_ITEMS)
		children[nr_children++] = pid;
	sigprocmask(SIG_SETMASK, &old, NULL);
	/* a signal between fork and here found no one to forward to */
	if (pending)
		kill(pid, SIGTERM);
}

void cleanup_forget_child(pid_t pid)
{
	sigset_t old;

	block_signals(&old);
	for (sig_atomic_t i = 0; i < nr_children; i++)
		if (children[i] == pid) {
			children[i] = children[nr_children - 1];
			nr_children--;
			break;
		}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

void cleanup_run(void)
{
	pid_t me = getpid();

	if (running)
		return;
	running = 1;
	for (sig_atomic_t i = 0; i < nr_children; i++)
		kill(children[i], SIGTERM);
	for (sig_atomic_t i = 0; i < nr_children; i++)
		waitpid(children[i], NULL, 0);
	nr_children = 0;
	while (nr_items) {
		struct item *it = &items[--nr_items];

		if (it->pid == me)
			remove_item(it);
		free(it->repo);
		free(it->path);
	}
	running = 0;
}

/*
 * Only what is async-signal-safe: note the signal and pass it on to the
 * children (a signal sent to kseries alone must stop them too). The main
 * flow sees it in cleanup_check_signal() and cleans up there.
 */
static void on_signal(int sig)
{
	int saved = errno;

	if (!pending)
		pending = sig;
	/* cleaning up already: its own git commands must finish */
	if (running) {
		errno = saved;
		return;
	}
	for (sig_atomic_t i = 0; i < nr_children; i++)
		kill(children[i], SIGTERM);
	errno = saved;
}

void cleanup_check_signal(void)
{
	int sig = pending;

	if (!sig || running)
		return;
	cleanup_run();
	signal(sig, SIG_DFL);
	raise(sig);
	_exit(128 + sig);
}

int cleanup_signal_pending(void)
{
	return pending != 0;
}

void cleanup_install(void)
{
	static int installed;
	struct sigaction sa;

	if (installed)
		return;
	installed = 1;
	atexit(cleanup_run);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* no SA_RESTART: a blocking wait returns EINTR and the flow looks */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

void cleanup_after_fork(void)
{
	nr_children = 0;
	/* a revision process dies with kseries, even one killed outright */
	cleanup_child_exec(getppid());
}

void cleanup_child_exec(pid_t parent)
{
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	/* the parent died before prctl: nobody will send the signal */
	if (getppid() != parent)
		_exit(128 + SIGTERM);
}

char *cleanup_scratch_dir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *tmpl = xstrfmt("%s/kseries-XXXXXX", tmp && *tmp ? tmp : "/tmp");

	if (!mkdtemp(tmpl)) {
		error_errno("cannot create a scratch folder %s (set TMPDIR to a writable folder)", tmpl);
		free(tmpl);
		return NULL;
	}
	cleanup_install();
	cleanup_add_dir(tmpl);
	return tmpl;
}
