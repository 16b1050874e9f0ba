#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lib/cleanup.h"
#include "lib/clock.h"
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/usage.h"

struct buf {
	char *data;
	size_t len, alloc;
};

static void buf_read(struct buf *b, int fd, int *open)
{
	char tmp[8192];
	ssize_t n = read(fd, tmp, sizeof(tmp));

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		*open = 0;
		return;
	}
	if (b->len + n + 1 > b->alloc) {
		b->alloc = (b->len + n + 1) * 2;
		b->data = xrealloc(b->data, b->alloc);
	}
	memcpy(b->data + b->len, tmp, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/*
 * How long a child has been running: when to say so (progress notes) and
 * when to give up on it (timeout). Times in ms of CLOCK_MONOTONIC; 0: none.
 */
struct wait_clock {
	const struct child_process *cp;
	pid_t pid;
	long start, next_note, interval, deadline;
	long next_tick;	/* cp->tick's next call; 0: none */
	int timed_out;
};

/* how often a command's tick (a progress line) is called */
#define TICK_MS 250


static long env_seconds(const char *name, long def)
{
	const char *v = getenv(name);
	long n;

	if (!v || !*v)
		return def;
	if (whole_number(v, 0, INT_MAX, &n))
		die("%s=%s: give a whole number of seconds", name, v);
	return n;
}

int run_query_timeout(void)
{
	return env_seconds("KSERIES_QUERY_TIMEOUT", 60);
}

void run_tool_limit(struct child_process *cp)
{
	cp->timeout = env_seconds("KSERIES_TOOL_TIMEOUT", 600);
	cp->timeout_var = "KSERIES_TOOL_TIMEOUT";
}

static void clock_start(struct wait_clock *c, const struct child_process *cp, pid_t pid)
{
	long now = now_ms();

	c->cp = cp;
	c->pid = pid;
	c->start = cp->start_ms ? cp->start_ms : now;
	/* kseries' own jobs say what they do themselves */
	c->interval = cp->fn ? 0 : env_seconds("KSERIES_PROGRESS", 60) * 1000;
	/* a command with a progress line of its own says how far it got itself */
	if (cp->tick)
		c->interval = 0;
	c->next_note = c->interval ? now + c->interval : 0;
	c->deadline = cp->timeout ? now + cp->timeout * 1000L : 0;
	c->next_tick = cp->tick ? now + TICK_MS : 0;
	c->timed_out = 0;
}

/* ms until the clock has something to do; -1: never */
static int clock_wait_ms(const struct wait_clock *c)
{
	long now = now_ms(), t = -1;

	if (c->next_note)
		t = c->next_note - now;
	if (c->deadline && (t < 0 || c->deadline - now < t))
		t = c->deadline - now;
	if (c->next_tick && (t < 0 || c->next_tick - now < t))
		t = c->next_tick - now;
	if (!c->next_note && !c->deadline && !c->next_tick)
		return -1;
	return t < 0 ? 0 : (int)t;
}

/* The command as the user would type it, shortened for one line. */
static const char *command_line(const struct child_process *cp)
{
	static char line[120];
	size_t len = 0;

	line[0] = '\0';
	for (size_t i = 0; i < cp->args.nr && len + 1 < sizeof(line); i++)
		len += snprintf(line + len, sizeof(line) - len, "%s%s", i ? " " : "", cp->args.v[i]);
	if (len >= sizeof(line) - 1)
		strcpy(line + sizeof(line) - 4, "...");
	return line;
}

/* Note a long run, or kill the child past its deadline; 1 once it was killed. */
static int clock_tick(struct wait_clock *c)
{
	long now = now_ms();

	if (c->timed_out)
		return 1;
	if (c->next_tick && now >= c->next_tick) {
		c->cp->tick(c->cp->tick_data);
		c->next_tick = now + TICK_MS;
	}
	if (c->deadline && now >= c->deadline) {
		/* the child leads a group: what it started goes with it */
		if (kill(-c->pid, SIGKILL) < 0)
			kill(c->pid, SIGKILL);
		c->timed_out = 1;
		return 1;
	}
	if (c->next_note && now >= c->next_note) {
		fprintf(stderr, "kseries: still waiting for '%s' (pid %d) after %ld s\n",
			command_line(c->cp), (int)c->pid, (now - c->start) / 1000);
		c->next_note += c->interval;
	}
	return 0;
}

/* waitpid, with the clock's notes and deadline while the child runs */
static int wait_child(struct wait_clock *c, int *status)
{
	long nap = 1;

	for (;;) {
		pid_t r = waitpid(c->pid, status, c->timed_out || clock_wait_ms(c) < 0 ? 0 : WNOHANG);

		if (r == c->pid)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
		if (r == 0 && !clock_tick(c)) {
			/* short naps first: most children are done in a few ms */
			long left = clock_wait_ms(c);
			struct timespec ts;

			nap = nap * 2 > 50 ? 50 : nap * 2;
			if (left >= 0 && left < nap)
				nap = left ? left : 1;
			ts.tv_sec = 0;
			ts.tv_nsec = nap * 1000000;
			nanosleep(&ts, NULL);
		}
	}
}

/* Child side: set up fds and directory, then exec; report errno to the parent. */
static void child_exec(struct child_process *cp, int out_fd, int err_fd, int status_fd,
		       pid_t parent)
{
	int err, null_fd;

	/* a group of its own: a timeout or a stop reaches what it starts */
	setpgid(0, 0);
	if (!cp->fn)
		cleanup_child_exec(parent);
	/* no tool reads ours: a background group reading a terminal would stop */
	null_fd = open(cp->in_file ? cp->in_file : "/dev/null", O_RDONLY);
	if (null_fd < 0 && cp->in_file)
		_exit(126);	/* an unreadable input: a plain failure, never our own stdin */
	if (null_fd > 0) {
		dup2(null_fd, 0);
		close(null_fd);
	}
	if (cp->tmp_dir)
		setenv("TMPDIR", cp->tmp_dir, 1);
	if (cp->big_stack) {
		struct rlimit rl;

		if (!getrlimit(RLIMIT_STACK, &rl) && rl.rlim_cur != rl.rlim_max) {
			rl.rlim_cur = rl.rlim_max;
			setrlimit(RLIMIT_STACK, &rl);
		}
	}
	for (size_t i = 0; i < cp->env.nr; i++)
		putenv(cp->env.v[i]);
	if (out_fd >= 0)
		dup2(out_fd, 1);
	if (err_fd >= 0)
		dup2(err_fd, 2);
	if (cp->dir && chdir(cp->dir) < 0) {
		err = -errno;	/* negative: the directory, not the program */
		goto report;
	}
	if (cp->fn) {
		/* a job of kseries itself: it ran, so nothing to report on status_fd */
		close(status_fd);
		cleanup_after_fork();
		exit(cp->fn(cp->fn_data));
	}
	signal(SIGPIPE, SIG_DFL);
	execvp(cp->args.v[0], cp->args.v);
	err = errno;
report:
	if (write(status_fd, &err, sizeof(err)) < 0)
		_exit(126); /* the parent then reports a plain exit status */
	_exit(127);
}

static int open_out_file(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

	if (fd < 0)
		error_errno("cannot write %s", path);
	return fd;
}

/*
 * The child's end of stdout and stderr as cp asks: a file, a pipe to capture,
 * /dev/null, or ours. The pipes' read ends go to outp[0] and errp[0].
 */
static int open_child_fds(const struct child_process *cp, int outp[2], int errp[2],
			  int *out_fd, int *err_fd)
{
	if (cp->out_file) {
		if ((*out_fd = open_out_file(cp->out_file)) < 0)
			return -1;
	} else if (cp->capture_out) {
		if (pipe2(outp, O_CLOEXEC) < 0)
			return error_errno("cannot create pipe");
		*out_fd = outp[1];
	}
	if (cp->err_to_out && *out_fd >= 0) {
		*err_fd = *out_fd;
	} else if (cp->err_file) {
		if ((*err_fd = open_out_file(cp->err_file)) < 0)
			return -1;
	} else if (cp->capture_err) {
		if (pipe2(errp, O_CLOEXEC) < 0)
			return error_errno("cannot create pipe");
		*err_fd = errp[1];
	} else if (cp->quiet_err) {
		*err_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	}
	return 0;
}

static void close_fd(int fd)
{
	if (fd >= 0)
		close(fd);
}

/*
 * The child has exited (not reaped yet: finish_child does that). A process
 * it left in its group may still hold our pipes open; then the group is
 * stopped, so the read ends see EOF instead of waiting for it forever.
 */
static int child_gone(pid_t pid)
{
	siginfo_t info;

	info.si_pid = 0;
	return !waitid(P_PID, pid, &info, WEXITED | WNOHANG | WNOWAIT) && info.si_pid == pid;
}

/*
 * Read both pipes together, so a chatty child never blocks on a full pipe.
 * Stops early when the clock killed the child (its own children may hold
 * the pipes open).
 */
static void drain_pipes(int out_pipe, struct buf *out, int err_pipe, struct buf *err,
			struct wait_clock *clk)
{
	int out_open = out_pipe >= 0, err_open = err_pipe >= 0;

	while (out_open || err_open) {
		struct pollfd pfd[2];
		int n = 0, io = -1, ie = -1;

		if (out_open) {
			io = n;
			pfd[n++] = (struct pollfd){ .fd = out_pipe, .events = POLLIN };
		}
		if (err_open) {
			ie = n;
			pfd[n++] = (struct pollfd){ .fd = err_pipe, .events = POLLIN };
		}
		int wait_ms = clock_wait_ms(clk), ready;

		/* look at the child now and then: see child_gone */
		if (wait_ms < 0 || wait_ms > 200)
			wait_ms = 200;
		ready = poll(pfd, n, wait_ms);
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready < 0 || (!ready && clock_tick(clk)))
			break;
		if (!ready && child_gone(clk->pid))
			/* what it left behind holds the pipes open: it goes with the child */
			kill(-clk->pid, SIGTERM);
		if (io >= 0 && pfd[io].revents)
			buf_read(out, out_pipe, &out_open);
		if (ie >= 0 && pfd[ie].revents)
			buf_read(err, err_pipe, &err_open);
	}
}

/*
 * The one place a child ends: read its exec status, wait for it, forget it,
 * die here if a signal came meanwhile (cleanup in the main flow), and decode
 * the status: 0..255, 128+N for signal N, -1 when it never ran.
 */
static int finish_child(struct wait_clock *clk, int status_fd)
{
	const struct child_process *cp = clk->cp;
	pid_t pid = clk->pid;
	int child_errno = 0, status;
	ssize_t n;

	do
		n = read(status_fd, &child_errno, sizeof(child_errno));
	while (n < 0 && errno == EINTR);
	close(status_fd);
	if (n != sizeof(child_errno))
		child_errno = 0;
	if (wait_child(clk, &status) < 0) {
		cleanup_forget_child(pid);
		return error_errno("waitpid for %s failed", cp->args.v[0]);
	}
	cleanup_forget_child(pid);
	cleanup_reap_group(pid);
	/* what it left running in a session of its own (setsid ... &) came to us: stop it */
	cleanup_reap_orphans();
	/* a child killed by Ctrl-C (or a closed pipe) stops kseries too */
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);

		/*
		 * not the user's Ctrl-C (kseries got none): the tool's own death, named;
		 * a closed pipe (SIGPIPE) is the reader's, said by no line (docs/usage.md)
		 */
		if (cleanup_is_stop_signal(sig) && sig != SIGPIPE && !cleanup_signal_pending())
			error("'%s' died of signal %d (%s): kseries stops as for that signal",
			      command_line(cp), sig, strsignal(sig));
		cleanup_note_signal(sig);
	}
	cleanup_check_signal();
	if (clk->timed_out)
		return error("'%s' did not finish within %d s: it hangs, so kseries killed it; "
			     "run it by hand to see why (%s sets the limit)",
			     command_line(cp), cp->timeout,
			     cp->timeout_var ? cp->timeout_var : "KSERIES_QUERY_TIMEOUT");
	if (child_errno < 0)
		return error("cannot run %s in %s: %s", cp->args.v[0], cp->dir,
			     strerror(-child_errno));
	if (child_errno)
		return error("cannot run %s: %s", cp->args.v[0], strerror(child_errno));
	if (WIFSIGNALED(status)) {
		int sig = WTERMSIG(status);

		error("%s died of signal %d (%s)", cp->args.v[0], sig, strsignal(sig));
		return 128 + sig;
	}
	return WEXITSTATUS(status);
}

/* Fork and exec cp with the given fds; the child is registered for signals. */
static pid_t spawn(struct child_process *cp, int out_fd, int err_fd, int *status_fd)
{
	int statusp[2];
	pid_t pid, parent = getpid();

	cleanup_check_signal();
	if (pipe2(statusp, O_CLOEXEC) < 0)
		return error_errno("cannot create pipe");
	fflush(NULL);
	pid = fork();
	if (!pid)
		child_exec(cp, out_fd, err_fd, statusp[1], parent);
	close(statusp[1]);
	if (pid < 0) {
		close(statusp[0]);
		return error_errno("cannot fork %s", cp->args.v[0]);
	}
	/* as the child does: whichever runs first, the group exists before exec */
	setpgid(pid, pid);
	cleanup_add_child(pid);
	*status_fd = statusp[0];
	return pid;
}

int start_command(struct child_process *cp)
{
	int outp[2] = { -1, -1 }, errp[2] = { -1, -1 };
	int out_fd = -1, err_fd = -1;

	cp->pid = -1;
	cp->status_fd = cp->out_pipe = cp->err_pipe = -1;
	cp->start_ms = now_ms();
	if (!cp->args.nr)
		return error("start_command: empty command");
	if (!open_child_fds(cp, outp, errp, &out_fd, &err_fd))
		cp->pid = spawn(cp, out_fd, err_fd, &cp->status_fd);
	/* the parent keeps only the read ends of the pipes */
	close_fd(out_fd);
	if (err_fd != out_fd)
		close_fd(err_fd);
	if (cp->pid < 0) {
		close_fd(outp[0]);
		close_fd(errp[0]);
		return -1;
	}
	cp->out_pipe = outp[0];
	cp->err_pipe = errp[0];
	return 0;
}

int finish_command(struct child_process *cp)
{
	struct buf out = { 0 }, err = { 0 };
	struct wait_clock clk;

	if (cp->pid < 0)
		return -1;
	clock_start(&clk, cp, cp->pid);
	drain_pipes(cp->out_pipe, &out, cp->err_pipe, &err, &clk);
	close_fd(cp->out_pipe);
	close_fd(cp->err_pipe);
	cp->out_pipe = cp->err_pipe = -1;
	free(cp->out);
	free(cp->err);
	cp->out = out.data ? out.data : (cp->capture_out ? xstrdup("") : NULL);
	cp->out_len = out.len;
	cp->err = err.data ? err.data : (cp->capture_err ? xstrdup("") : NULL);
	cp->err_len = err.len;
	cp->end_ms = now_ms();
	return finish_child(&clk, cp->status_fd);
}

int run_command(struct child_process *cp)
{
	if (start_command(cp))
		return -1;
	return finish_command(cp);
}

void child_process_clear(struct child_process *cp)
{
	strvec_clear(&cp->args);
	strvec_clear(&cp->env);
	free(cp->out);
	free(cp->err);
	cp->out = cp->err = NULL;
	cp->out_len = cp->err_len = 0;
}

/* What the last failed run_capture said on stderr, on one line. */
static char *last_error;

const char *run_capture_error(void)
{
	return last_error ? last_error : "";
}

static void keep_error(const char *err)
{
	char *p;
	size_t len;

	free(last_error);
	last_error = NULL;
	if (!err)
		return;
	while (*err == '\n' || *err == ' ')
		err++;
	len = strlen(err);
	while (len && (err[len - 1] == '\n' || err[len - 1] == ' '))
		len--;
	if (len > 400) {
		/* the first line says what failed, the last why */
		const char *nl = memchr(err, '\n', len), *last = err + len;

		while (last > err && last[-1] != '\n')
			last--;
		last_error = xstrfmt("%.*s ... %.*s", nl ? (int)(nl - err) > 200 ? 200 : (int)(nl - err) : 200,
				     err, (int)(err + len - last) > 200 ? 200 : (int)(err + len - last), last);
	} else {
		last_error = xstrndup(err, len);
	}
	for (p = last_error; (p = strchr(p, '\n')); )
		*p = ' ';
}

int run_capture(char **out, const char *dir, ...)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	const char *arg;
	va_list ap;
	int ret;

	va_start(ap, dir);
	while ((arg = va_arg(ap, const char *)))
		strvec_push(&cp.args, arg);
	va_end(ap);
	cp.dir = dir;
	cp.capture_out = 1;
	cp.capture_err = 1;
	ret = run_command(&cp);
	keep_error(ret ? cp.err : NULL);
	*out = cp.out;
	cp.out = NULL;
	child_process_clear(&cp);
	return ret;
}

int program_exists(const char *name)
{
	const char *path = getenv("PATH");
	char *copy, *dir, *save = NULL;
	int found = 0;

	if (strchr(name, '/'))
		return access(name, X_OK) == 0;
	if (!path)
		path = "/usr/bin:/bin";
	copy = xstrdup(path);
	for (dir = strtok_r(copy, ":", &save); dir && !found; dir = strtok_r(NULL, ":", &save)) {
		char *full = xstrfmt("%s/%s", *dir ? dir : ".", name);
		struct stat st;

		found = !stat(full, &st) && S_ISREG(st.st_mode) && !access(full, X_OK);
		free(full);
	}
	free(copy);
	return found;
}

/* One running job of run_parallel: its captured output and its clock. */
struct slot {
	struct child_process *cp;
	size_t index;
	struct buf out, err;
	int out_open, err_open;
	struct wait_clock clk;
};

static void slot_start(struct slot *sl, struct child_process *cp, size_t index)
{
	memset(sl, 0, sizeof(*sl));
	sl->cp = cp;
	sl->index = index;
	sl->out_open = cp->out_pipe >= 0;
	sl->err_open = cp->err_pipe >= 0;
	clock_start(&sl->clk, cp, cp->pid);
}

/* The job has ended: its output to cp, its status decoded (finish_command's). */
static int slot_finish(struct slot *sl)
{
	struct child_process *cp = sl->cp;

	close_fd(cp->out_pipe);
	close_fd(cp->err_pipe);
	cp->out_pipe = cp->err_pipe = -1;
	free(cp->out);
	free(cp->err);
	cp->out = sl->out.data ? sl->out.data : (cp->capture_out ? xstrdup("") : NULL);
	cp->out_len = sl->out.len;
	cp->err = sl->err.data ? sl->err.data : (cp->capture_err ? xstrdup("") : NULL);
	cp->err_len = sl->err.len;
	cp->end_ms = now_ms();
	return finish_child(&sl->clk, cp->status_fd);
}

/*
 * Wait until some job may have ended: poll every running job's pipes
 * together (a chatty one never blocks on a full pipe), at most nap ms.
 */
static void poll_slots(struct slot *slots, size_t nr, int nap)
{
	struct pollfd *pfd = xcalloc(2 * nr + 1, sizeof(*pfd));
	size_t n = 0;

	for (size_t i = 0; i < nr; i++) {
		if (slots[i].out_open)
			pfd[n++] = (struct pollfd){ .fd = slots[i].cp->out_pipe, .events = POLLIN };
		if (slots[i].err_open)
			pfd[n++] = (struct pollfd){ .fd = slots[i].cp->err_pipe, .events = POLLIN };
	}
	if (poll(pfd, n, nap) > 0) {
		for (size_t k = 0; k < n; k++) {
			for (size_t i = 0; pfd[k].revents && i < nr; i++) {
				struct slot *sl = &slots[i];

				if (sl->out_open && pfd[k].fd == sl->cp->out_pipe)
					buf_read(&sl->out, pfd[k].fd, &sl->out_open);
				else if (sl->err_open && pfd[k].fd == sl->cp->err_pipe)
					buf_read(&sl->err, pfd[k].fd, &sl->err_open);
			}
		}
	}
	free(pfd);
}

/* 1 when the job is over: exited (or killed by its clock) and its pipes drained */
static int slot_done(struct slot *sl)
{
	int gone = child_gone(sl->clk.pid);

	if (clock_tick(&sl->clk))
		return 1;
	if (gone && (sl->out_open || sl->err_open)) {
		/* what it left in its group holds the pipes open: it goes with the child */
		kill(-sl->clk.pid, SIGTERM);
		return 0;
	}
	return gone;
}

int run_parallel(struct child_process *cps, size_t n, int jobs, int *results)
{
	struct slot *slots;
	size_t next = 0, running = 0;
	int failed = 0, nap = 1;

	if (jobs < 1)
		jobs = 1;
	slots = xcalloc(jobs, sizeof(*slots));
	while (next < n || running) {
		/* a free slot takes the next job at once, whichever job ended */
		while (next < n && running < (size_t)jobs) {
			if (start_command(&cps[next])) {
				results[next++] = -1;
				failed = 1;
				continue;
			}
			slot_start(&slots[running++], &cps[next], next);
			next++;
			nap = 1;
		}
		if (!running)
			break;
		poll_slots(slots, running, nap);
		for (size_t i = 0; i < running; i++) {
			if (!slot_done(&slots[i]))
				continue;
			results[slots[i].index] = slot_finish(&slots[i]);
			failed |= results[slots[i].index] != 0;
			slots[i--] = slots[--running];
			nap = 1;
		}
		/* short naps first: most jobs end in a few ms */
		nap = nap * 2 > 50 ? 50 : nap * 2;
	}
	free(slots);
	return failed ? -1 : 0;
}
