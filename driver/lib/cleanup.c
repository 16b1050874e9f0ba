#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <time.h>
#include "lib/cleanup.h"
#include "lib/clock.h"
#include "lib/fileio.h"
#include "lib/usage.h"

#define MAX_ITEMS 256

struct item {
	cleanup_fn *fn;	/* NULL: remove_tree */
	char *repo;	/* the fn's first argument, or NULL */
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

void cleanup_add_fn(cleanup_fn *fn, const char *repo, const char *path)
{
	if (nr_items == MAX_ITEMS)
		die("too many scratch folders to track");
	items[nr_items].fn = fn;
	items[nr_items].repo = repo ? xstrdup(repo) : NULL;
	items[nr_items].path = xstrdup(path);
	items[nr_items].pid = getpid();
	nr_items++;
}

void cleanup_add_dir(const char *path)
{
	cleanup_add_fn(NULL, NULL, path);
}

static void remove_item(const struct item *it)
{
	if (it->fn)
		it->fn(it->repo, it->path);
	else
		remove_tree(it->path);
}

static int same(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

void cleanup_now(cleanup_fn *fn, const char *repo, const char *path)
{
	for (size_t i = 0; i < nr_items; i++) {
		if (items[i].fn == fn && same(items[i].repo, repo) && !strcmp(items[i].path, path)) {
			remove_item(&items[i]);
			free(items[i].repo);
			free(items[i].path);
			items[i] = items[--nr_items];
			return;
		}
	}
	remove_item(&(struct item){ fn, (char *)repo, (char *)path, 0 });
}

/* The set git's sigchain_push_common handles: a closed pipe stops a run as Ctrl-C does. */
static const int stop_signals[] = { SIGINT, SIGHUP, SIGTERM, SIGQUIT, SIGPIPE };
#define NR_STOP_SIGNALS (sizeof(stop_signals) / sizeof(stop_signals[0]))

int cleanup_is_stop_signal(int sig)
{
	for (size_t i = 0; i < NR_STOP_SIGNALS; i++)
		if (stop_signals[i] == sig)
			return 1;
	return 0;
}

static void block_signals(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	for (size_t i = 0; i < NR_STOP_SIGNALS; i++)
		sigaddset(&set, stop_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

/*
 * Every child leads a process group of its own (run.c and the revision
 * processes set it): signalling the group stops what the child started too
 * (spatch's workers, make's compilers). Before the child's setpgid, the
 * group does not exist yet: then the child alone.
 */
static void stop_tree(pid_t pid, int sig)
{
	if (kill(-pid, sig) < 0 && errno == ESRCH)
		kill(pid, sig);
}



/* Grace a stopped process gets before SIGKILL, and the most we wait. */
#define GRACE_MS 5000
#define GIVE_UP_MS 15000

/*
 * Wait until pid (when > 0) is reaped and nothing of group pgid is left,
 * SIGKILL to the group once GRACE_MS have passed since start.
 */
static void wait_tree(pid_t pid, pid_t pgid, long start)
{
	int killed = 0;

	for (;;) {
		pid_t r;

		/* kseries is a subreaper: the group's orphans are its children */
		while (waitpid(-pgid, NULL, WNOHANG) > 0)
			;
		if (pid > 0 && ((r = waitpid(pid, NULL, WNOHANG)) == pid || (r < 0 && errno == ECHILD)))
			pid = 0;
		if (pid <= 0 && kill(-pgid, 0) < 0 && errno == ESRCH)
			return;
		if (!killed && now_ms() - start > GRACE_MS) {
			stop_tree(pgid, SIGKILL);
			killed = 1;
		}
		if (now_ms() - start > GIVE_UP_MS)
			return;	/* a zombie someone else must reap: it is dead already */
		nap_ms(10);
	}
}

/*
 * A killed child's own tools (its git worktree add, in a group of their
 * own) come to us, the subreaper, and may still be writing in the repo:
 * they got SIGTERM with their parent (PDEATHSIG), so wait until they are
 * gone before any folder or worktree is removed.
 */
static void wait_orphans(long start)
{
	while (now_ms() - start < GIVE_UP_MS) {
		pid_t r = waitpid(-1, NULL, WNOHANG);

		if (r < 0 && errno == ECHILD)
			return;
		if (r == 0)
			nap_ms(10);
	}
}

void cleanup_reap_group(pid_t pgid)
{
	if (pgid <= 0 || kill(-pgid, 0) < 0)
		return;	/* the usual case: nothing of the group is left */
	kill(-pgid, SIGTERM);
	wait_tree(0, pgid, now_ms());
}

/* Is pid one of the registered children (a job still running)? */
static int registered(pid_t pid)
{
	for (sig_atomic_t i = 0; i < nr_children; i++)
		if (children[i] == pid)
			return 1;
	return 0;
}

/*
 * Our children now, from the kernel's list (/proc/self/task/PID/children:
 * kseries runs one thread): pids into *v, their count; none without it.
 */
static size_t own_children(pid_t **v)
{
	char path[64], *text;
	size_t n = 0, cap = 16;

	*v = xcalloc(cap, sizeof(**v));
	snprintf(path, sizeof(path), "/proc/self/task/%d/children", (int)getpid());
	text = read_file(path);
	if (!text)
		return 0;
	for (char *p = text; *p;) {
		long pid = strtol(p, &p, 10);

		if (pid <= 0)
			break;
		if (n == cap)
			*v = xrealloc(*v, (cap *= 2) * sizeof(**v));
		(*v)[n++] = (pid_t)pid;
	}
	free(text);
	return n;
}

void cleanup_reap_orphans(void)
{
	pid_t *kids;
	size_t n = own_children(&kids);
	long start = now_ms();

	for (size_t i = 0; i < n; i++) {
		if (registered(kids[i]))
			continue;
		/* an orphan of a tool: its group (setsid made it lead one) and itself */
		stop_tree(kids[i], SIGTERM);
		wait_tree(kids[i], kids[i], start);
	}
	free(kids);
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
		stop_tree(pid, SIGTERM);
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

/*
 * Stop every child's tree and wait for all of it (TERM, KILL after a
 * grace): no tool may still write into a folder the cleanup removes.
 */
static void stop_children(void)
{
	long start = now_ms();
	int had = nr_children > 0;

	for (sig_atomic_t i = 0; i < nr_children; i++)
		stop_tree(children[i], SIGTERM);
	for (sig_atomic_t i = 0; i < nr_children; i++)
		wait_tree(children[i], children[i], start);
	nr_children = 0;
	if (had || pending)
		wait_orphans(now_ms());
}

void cleanup_run(void)
{
	pid_t me = getpid();

	if (running)
		return;
	running = 1;
	stop_children();
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
		stop_tree(children[i], SIGTERM);
	errno = saved;
}

void cleanup_note_signal(int sig)
{
	sigset_t old;

	if (!cleanup_is_stop_signal(sig))
		return;
	block_signals(&old);
	if (!pending)
		pending = sig;
	if (!running)
		for (sig_atomic_t i = 0; i < nr_children; i++)
			stop_tree(children[i], SIGTERM);
	sigprocmask(SIG_SETMASK, &old, NULL);
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
	/* the other stop signals wait while the handler runs */
	for (size_t i = 0; i < NR_STOP_SIGNALS; i++)
		sigaddset(&sa.sa_mask, stop_signals[i]);
	/* no SA_RESTART: a blocking wait returns EINTR and the flow looks */
	for (size_t i = 0; i < NR_STOP_SIGNALS; i++)
		sigaction(stop_signals[i], &sa, NULL);
	/* the tools' orphans (spatch's workers) come to us, to be stopped and reaped */
	prctl(PR_SET_CHILD_SUBREAPER, 1);
}

void cleanup_after_fork(void)
{
	nr_children = 0;
	/* a group of its own: what it starts is stopped with it (stop_tree) */
	setpgid(0, 0);
	/* the subreaper attribute is not inherited */
	prctl(PR_SET_CHILD_SUBREAPER, 1);
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
