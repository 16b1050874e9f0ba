/* Unit tests of the subprocess module (driver/lib/run.c). */
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include "lib/fileio.h"
#include "lib/run.h"
#include "unit.h"
#include "lib/usage.h"

static int run_argv(struct child_process *cp, const char *const *argv)
{
	strvec_pushv(&cp->args, argv);
	return run_command(cp);
}

/* big_stack: the child's soft stack limit raised to the hard one (spatch's "Stack overflow") */
static void check_big_stack(void)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	struct rlimit rl, low;
	char *want;

	if (getrlimit(RLIMIT_STACK, &rl) || (rl.rlim_max != RLIM_INFINITY && rl.rlim_max <= 4096 * 1024)) {
		CHECK("run: big_stack (skipped: the hard stack limit leaves no room)", 1);
		return;
	}
	low = (struct rlimit){ 4096 * 1024, rl.rlim_max };
	setrlimit(RLIMIT_STACK, &low);
	strvec_pushl(&cp.args, "sh", "-c", "ulimit -s", NULL);
	cp.capture_out = 1;
	cp.big_stack = 1;
	run_command(&cp);
	want = rl.rlim_max == RLIM_INFINITY ? xstrdup("unlimited\n") :
	       xstrfmt("%lu\n", (unsigned long)(rl.rlim_max / 1024));
	CHECK_STR("run: big_stack gives the child the hard stack limit", cp.out, want);
	child_process_clear(&cp);
	cp = (struct child_process)CHILD_PROCESS_INIT;
	strvec_pushl(&cp.args, "sh", "-c", "ulimit -s", NULL);
	cp.capture_out = 1;
	run_command(&cp);
	CHECK_STR("run: ... and only when asked", cp.out, "4096\n");
	child_process_clear(&cp);
	setrlimit(RLIMIT_STACK, &rl);
	free(want);
}

int main(void)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	char *out = NULL;
	int ret;

	check_big_stack();

	{
		const char *argv[] = { "printf", "a b\\nc", NULL };

		cp.capture_out = 1;
		ret = run_argv(&cp, argv);
		CHECK("run: exit 0", ret == 0);
		/* an argv, not a shell: the space stays inside one argument */
		CHECK_STR("run: capture stdout", cp.out, "a b\nc");
		child_process_clear(&cp);
	}
	{
		const char *argv[] = { "sh", "-c", "echo out; echo err >&2; exit 3", NULL };

		cp = (struct child_process)CHILD_PROCESS_INIT;
		cp.capture_out = cp.capture_err = 1;
		ret = run_argv(&cp, argv);
		CHECK("run: non-zero exit status returned", ret == 3);
		CHECK_STR("run: stdout captured beside stderr", cp.out, "out\n");
		CHECK_STR("run: stderr captured", cp.err, "err\n");
		child_process_clear(&cp);
	}
	{
		const char *argv[] = { "kseries-no-such-program", NULL };

		cp = (struct child_process)CHILD_PROCESS_INIT;
		cp.capture_err = 1;
		ret = run_argv(&cp, argv);
		CHECK("run: missing program is -1", ret == -1);
		child_process_clear(&cp);
	}
	{
		/* not a stop signal: a child dying of INT, TERM, ... stops kseries too */
		const char *argv[] = { "sh", "-c", "kill -USR1 $$", NULL };

		cp = (struct child_process)CHILD_PROCESS_INIT;
		ret = run_argv(&cp, argv);
		CHECK("run: signal reported as 128+N", ret == 128 + SIGUSR1);
		child_process_clear(&cp);
	}
	{
		const char *argv[] = { "pwd", NULL };

		cp = (struct child_process)CHILD_PROCESS_INIT;
		cp.capture_out = 1;
		cp.dir = "/tmp";
		ret = run_argv(&cp, argv);
		CHECK_STR("run: runs in ->dir", cp.out, "/tmp\n");
		child_process_clear(&cp);
	}
	{
		const char *argv[] = { "true", NULL };

		cp = (struct child_process)CHILD_PROCESS_INIT;
		cp.dir = "/nonexistent-kseries-dir";
		ret = run_argv(&cp, argv);
		CHECK("run: bad directory is -1", ret == -1);
		child_process_clear(&cp);
	}
	{
		/* more than a pipe buffer on both streams at once must not deadlock */
		const char *argv[] = { "sh", "-c",
			"head -c 200000 /dev/zero; head -c 200000 /dev/zero >&2", NULL };

		cp = (struct child_process)CHILD_PROCESS_INIT;
		cp.capture_out = cp.capture_err = 1;
		ret = run_argv(&cp, argv);
		CHECK("run: large output on both streams", ret == 0 &&
		      cp.out_len == 200000 && cp.err_len == 200000);
		child_process_clear(&cp);
	}
	{
		char path[] = "/tmp/kseries-test-XXXXXX";
		int fd = mkstemp(path);
		const char *argv[] = { "echo", "to file", NULL };
		char buf[64] = "";
		FILE *f;

		close(fd);
		cp = (struct child_process)CHILD_PROCESS_INIT;
		cp.out_file = path;
		ret = run_argv(&cp, argv);
		f = fopen(path, "r");
		if (f) {
			if (!fgets(buf, sizeof(buf), f))
				buf[0] = '\0';
			fclose(f);
		}
		unlink(path);
		CHECK_STR("run: stdout to a file", buf, "to file\n");
		child_process_clear(&cp);
	}
	ret = run_capture(&out, NULL, "sh", "-c", "echo captured", NULL);
	CHECK("run_capture: status", ret == 0);
	CHECK_STR("run_capture: output", out, "captured\n");
	free(out);

	{
		/* a command past its timeout is killed and is -1, at once */
		const char *argv[] = { "sleep", "30", NULL };
		time_t t0 = time(NULL);

		cp = (struct child_process)CHILD_PROCESS_INIT;
		cp.timeout = 1;
		ret = run_argv(&cp, argv);
		CHECK("run: past its timeout: -1", ret == -1);
		CHECK("run: ... within a few seconds", time(NULL) - t0 < 5);
		child_process_clear(&cp);
	}
	{
		/* stderr to a file, through run_command as through run_parallel */
		char path[] = "/tmp/kseries-test-XXXXXX";
		int fd = mkstemp(path);
		const char *argv[] = { "sh", "-c", "echo oops >&2", NULL };
		char *text;

		close(fd);
		cp = (struct child_process)CHILD_PROCESS_INIT;
		cp.err_file = path;
		ret = run_argv(&cp, argv);
		text = read_file(path);
		unlink(path);
		CHECK_STR("run: stderr to a file (run_command)", text, "oops\n");
		free(text);
		child_process_clear(&cp);
	}
	{
		/* run_parallel: captures, in order, each status its own */
		struct child_process cps[3] = { CHILD_PROCESS_INIT, CHILD_PROCESS_INIT, CHILD_PROCESS_INIT };
		int results[3];

		for (int i = 0; i < 3; i++) {
			strvec_pushl(&cps[i].args, "sh", "-c", NULL);
			strvec_pushf(&cps[i].args, "echo job%d; exit %d", i, i);
			cps[i].capture_out = 1;
		}
		ret = run_parallel(cps, 3, 2, results);
		CHECK("run_parallel: -1 when one failed", ret == -1);
		CHECK("run_parallel: each status", results[0] == 0 && results[1] == 1 && results[2] == 2);
		CHECK_STR("run_parallel: captures stdout", cps[2].out, "job2\n");
		for (int i = 0; i < 3; i++)
			child_process_clear(&cps[i]);
	}
	{
		/* start_command and finish_command on their own */
		cp = (struct child_process)CHILD_PROCESS_INIT;
		strvec_pushl(&cp.args, "sh", "-c", "echo started", NULL);
		cp.capture_out = 1;
		ret = start_command(&cp);
		CHECK("start_command: 0", ret == 0 && cp.pid > 0);
		ret = finish_command(&cp);
		CHECK("finish_command: status and output", ret == 0 && cp.out && !strcmp(cp.out, "started\n"));
		child_process_clear(&cp);
	}

	CHECK("program_exists: sh", program_exists("sh"));
	CHECK("program_exists: missing", !program_exists("kseries-no-such-program"));
	{
		/* what a child leaves running in its group goes with it */
		const char *argv[] = { "sh", "-c", "sleep 3007 & echo $!", NULL };
		pid_t left;

		cp = (struct child_process)CHILD_PROCESS_INIT;
		cp.capture_out = 1;
		ret = run_argv(&cp, argv);
		left = cp.out ? (pid_t)atoi(cp.out) : 0;
		CHECK("run: a child's background process is stopped with it",
		      ret == 0 && left > 0 && kill(left, 0) < 0);
		child_process_clear(&cp);
	}
	UNIT_EXIT();
}
