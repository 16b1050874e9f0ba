/* The output folder of `series`: names, the run's lock, --force cleaning. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/outdir.h"
#include "core/worktree.h"
#include "lib/cleanup.h"
#include "lib/clock.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/strvec.h"
#include "lib/usage.h"

#define LOCK_NAME ".kseries.lock"

char *outdir_rev_name(const char *rev)
{
	char *name = xmalloc(3 * strlen(rev) + 1), *p = name;

	for (const unsigned char *s = (const unsigned char *)rev; *s; s++) {
		if (isalnum(*s) || strchr("-._+,=@", *s))
			*p++ = (char)*s;
		else
			p += sprintf(p, "%%%02X", *s);
	}
	*p = '\0';
	/* "." and ".." are no folder of ours */
	if (!strcmp(name, ".") || !strcmp(name, "..")) {
		free(name);
		return xstrdup(rev[1] ? "%2E%2E" : "%2E");
	}
	return name;
}

char *outdir_rev_of_name(const char *name)
{
	char *rev = xmalloc(strlen(name) + 1), *p = rev, *again;

	for (const char *s = name; *s; s++) {
		unsigned int c;

		if (*s == '%' && isxdigit((unsigned char)s[1]) && isxdigit((unsigned char)s[2]) &&
		    sscanf(s + 1, "%2x", &c) == 1) {
			*p++ = (char)c;
			s += 2;
		} else {
			*p++ = *s;
		}
	}
	*p = '\0';
	/* only a name outdir_rev_name makes: one way back, never a path */
	again = outdir_rev_name(rev);
	if (strcmp(again, name) || !*rev) {
		free(rev);
		rev = NULL;
	}
	free(again);
	return rev;
}

/*
 * A run killed outright (SIGKILL) leaves its children holding the lock for
 * a moment: they got SIGTERM with it (PDEATHSIG) and are removing their
 * worktrees. Wait for them, within a limit, rather than call them a run.
 */
#define LEFTOVERS_MS 15000

static int holder_gone(const char *held_by)
{
	long pid = held_by ? atol(held_by) : 0;

	return pid > 0 && kill((pid_t)pid, 0) < 0 && errno == ESRCH;
}

static int lock_when_free(int fd, long limit_ms)
{
	long start = now_ms();

	while (flock(fd, LOCK_EX | LOCK_NB)) {
		if (now_ms() - start > limit_ms)
			return -1;
		nap_ms(20);
	}
	return 0;
}

/* The lock stays held (and its fd open) until the process exits. */
static void take_lock(const char *out)
{
	char *path = xstrfmt("%s/%s", out, LOCK_NAME);
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	char pid[32];

	if (fd < 0)
		die_errno("cannot create the lock %s", path);
	if (flock(fd, LOCK_EX | LOCK_NB)) {
		char *other = read_file(path);
		const char *who = other && *other ? strtok(other, "\n") : "?";

		if (!holder_gone(who))
			die("another kseries run (pid %s) is writing to %s: wait for it to finish, "
			    "or pick another --out", who, out);
		info("the kseries run that wrote %s (pid %s) is gone: waiting for the "
		     "programs it started to end", out, who);
		if (lock_when_free(fd, LEFTOVERS_MS))
			die("programs a killed kseries run (pid %s) started still hold %s: "
			    "end them (fuser -v %s names them), or pick another --out",
			    who, path, path);
		free(other);
	}
	snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) || pwrite(fd, pid, strlen(pid), 0) < 0)
		die_errno("cannot write the lock %s", path);
	free(path);
}

static int exists(const char *dir, const char *name)
{
	char *path = xstrfmt("%s/%s", dir, name);
	struct stat st;
	int yes = !stat(path, &st);

	free(path);
	return yes;
}

/* What kseries writes at the top of out, apart from revision folders. */
static int ours_at_top(const char *name)
{
	static const char *const names[] = {
		LOCK_NAME, "INCOMPLETE", "matrix.txt", "matrix.json", "matrix.html",
		".kernel-snapshot.git",
		/* kseries boot's */
		"runtime.txt", "runtime.json", "before", "after", "kernel", "build", "worktree",
		"series", NULL
	};

	for (size_t i = 0; names[i]; i++)
		if (!strcmp(name, names[i]))
			return 1;
	return 0;
}

/* A revision folder kseries made: it holds a report, a marker or a worktree. */
static int ours_rev_dir(const char *out, const char *name)
{
	char *dir = xstrfmt("%s/%s", out, name);
	int yes = exists(dir, "report.json") || exists(dir, "INCOMPLETE") ||
		  exists(dir, "worktree") || exists(dir, "series");

	free(dir);
	return yes;
}

void outdir_rev_dirs(const char *out, struct strvec *names)
{
	DIR *d = opendir(out);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		char *rev;

		if (e->d_name[0] == '.' || ours_at_top(e->d_name) || !ours_rev_dir(out, e->d_name))
			continue;
		if ((rev = outdir_rev_of_name(e->d_name)))
			strvec_push(names, e->d_name);
		free(rev);
	}
	if (d)
		closedir(d);
	strvec_sort(names);
}

/*
 * The worktrees of repo registered under out (an earlier, killed run's):
 * only those are kseries' to remove, by path; never "worktree prune".
 */
static void worktrees_under(const char *repo, const char *out, struct strvec *paths)
{
	char abs[PATH_MAX], *list = NULL;
	struct strvec lines = STRVEC_INIT;
	size_t n;

	if (!realpath(out, abs))
		return;
	n = strlen(abs);
	if (run_capture(&list, NULL, "git", "-C", repo, "worktree", "list", "--porcelain", NULL)) {
		free(list);
		return;
	}
	strvec_split_lines(&lines, list);
	for (size_t i = 0; i < lines.nr; i++) {
		const char *p = lines.v[i];

		if (!strncmp(p, "worktree ", 9) && !strncmp(p + 9, abs, n) && p[9 + n] == '/')
			strvec_push(paths, p + 9);
	}
	strvec_clear(&lines);
	free(list);
}

/* --force: out holds this run's output and nothing else afterwards. */
static void clean_earlier_run(const char *out, const char *repo)
{
	DIR *d = opendir(out);
	struct dirent *e;
	struct strvec worktrees = STRVEC_INIT;
	int removed = 0;

	if (!d)
		die_errno("cannot read the output folder %s", out);
	/* first make sure everything there is ours: never half-empty a folder */
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    !ours_at_top(e->d_name) && !ours_rev_dir(out, e->d_name))
			die("%s holds '%s', which kseries did not write: --force only replaces "
			    "kseries output; pick another --out", out, e->d_name);
	if (repo)
		worktrees_under(repo, out, &worktrees);
	rewinddir(d);
	while ((e = readdir(d))) {
		char *path;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    !strcmp(e->d_name, LOCK_NAME))
			continue;
		path = xstrfmt("%s/%s", out, e->d_name);
		if (remove_tree(path) && remove(path))
			die("cannot remove %s: remove it by hand, or pick another --out", path);
		free(path);
		removed++;
	}
	closedir(d);
	if (removed) {
		info("--force: removed %d entr%s an earlier run left in %s", removed,
		     removed == 1 ? "y" : "ies", out);
	}
	/* worktrees of a killed run are still registered in the repo */
	for (size_t i = 0; i < worktrees.nr; i++)
		worktree_remove_now(repo, worktrees.v[i]);
	strvec_clear(&worktrees);
}

void outdir_prepare(const char *out, int force, const char *repo)
{
	struct stat st;

	if (!stat(out, &st)) {
		if (!S_ISDIR(st.st_mode))
			die("%s exists and is not a folder: pick another --out", out);
		if (!force)
			die("output folder %s already exists: remove it, or pass --force", out);
	} else if (mkdir(out, 0777)) {
		die_errno("cannot create the output folder %s", out);
	}
	if (access(out, W_OK))
		die("cannot write in the output folder %s: pick another --out", out);
	take_lock(out);
	if (force)
		clean_earlier_run(out, repo);
}

