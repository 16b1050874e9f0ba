/* Unit tests of the subprocess module (driver/run.c). */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "run.h"
#include "unit.h"
#include "usage.h"

static int run_argv(struct child_process *cp, const char *const *argv)
{
	strvec_pushv(&cp->args, argv);
	return run_command(cp);
}

int main(void)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	char *out = NULL;
	int ret;

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
		const char *argv[] = { "sh", "-c", "kill -TERM $$", NULL };

		cp = (struct child_process)CHILD_PROCESS_INIT;
		ret = run_argv(&cp, argv);
		CHECK("run: signal reported as 128+N", ret == 128 + SIGTERM);
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

	CHECK("program_exists: sh", program_exists("sh"));
	CHECK("program_exists: missing", !program_exists("kseries-no-such-program"));
	UNIT_EXIT();
}
