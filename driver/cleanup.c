#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
static pid_t children[MAX_ITEMS];
static size_t nr_children;
static volatile sig_atomic_t running;

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

/* children are the forking process's own: a child never kills its siblings */
void cleanup_add_child(pid_t pid)
{
	if (nr_children < MAX_ITEMS)
		children[nr_children++] = pid;
}

void cleanup_forget_child(pid_t pid)
{
	for (size_t i = 0; i < nr_children; i++)
		if (children[i] == pid)
			children[i] = children[--nr_children];
}

void cleanup_run(void)
{
	pid_t me = getpid();

	if (running)
		return;
	running = 1;
	for (size_t i = 0; i < nr_children; i++)
		kill(children[i], SIGTERM);
	for (size_t i = 0; i < nr_children; i++)
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

static void on_signal(int sig)
{
	cleanup_run();
	signal(sig, SIG_DFL);
	raise(sig);
}

void cleanup_install(void)
{
	static int installed;

	if (installed)
		return;
	installed = 1;
	atexit(cleanup_run);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGHUP, on_signal);
}

void cleanup_after_fork(void)
{
	nr_children = 0;
}
