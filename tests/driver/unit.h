/* A tiny unit-test harness: each CHECK prints "ok"/"FAIL" lines run-all.sh counts. */
#ifndef KSERIES_UNIT_H
#define KSERIES_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int unit_failed;

#define CHECK(name, cond) do { \
	if (cond) { \
		printf("ok %s\n", name); \
	} else { \
		printf("FAIL %s (%s:%d: %s)\n", name, __FILE__, __LINE__, #cond); \
		unit_failed++; \
	} \
	fflush(stdout); \
} while (0)

#define CHECK_STR(name, got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	CHECK(name, g_ && w_ && !strcmp(g_, w_)); \
	if (!(g_ && w_ && !strcmp(g_, w_))) \
		printf("  got '%s', want '%s'\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
} while (0)

#define UNIT_EXIT() return unit_failed ? 1 : 0

/*
 * Run fn(arg) in a child, its stderr into err_file (NULL: kept): its exit
 * status, or 128 + the signal that ended it. For what must die (die(),
 * exit 2) or exit (atexit cleanups) without ending the test.
 */
static int unit_child;

/*
 * LeakSanitizer's hook (make check-asan): a child ends by exit() with what
 * its parent allocated still held; that is the parent's to free, not a leak.
 */
int __lsan_is_turned_off(void);
int __lsan_is_turned_off(void)
{
	return unit_child;
}

static inline int unit_in_child(void (*fn)(void *), void *arg, const char *err_file)
{
	int status;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		unit_child = 1;
		if (err_file && !freopen(err_file, "w", stderr))
			_exit(125);
		fn(arg);
		exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* A new empty folder under $TMPDIR for the test (one per test; removed by it). */
static inline char *unit_tmpdir(void)
{
	static char dir[4096];
	const char *t = getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s/kseries-unit-XXXXXX", t && *t ? t : "/tmp");
	return mkdtemp(dir);
}

#endif
