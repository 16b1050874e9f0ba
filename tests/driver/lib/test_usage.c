/* Unit tests of driver/lib/usage.c: messages, their exit statuses, quiet mode, progress lines. */
#include <stdlib.h>
#include "lib/fileio.h"
#include "lib/usage.h"
#include "unit.h"

static void dies(void *arg)
{
	die("no %s here: pass --kernel", (const char *)arg);
}

static void errors(void *arg)
{
	(void)arg;
	exit(error("bad %d", 7) == -1 ? 0 : 1);
}

static void quiet_info(void *arg)
{
	(void)arg;
	usage_quiet = 1;
	info("not shown");
	note("kept: %d", 1);
	warning("shown anyway");
	progress_end("not shown either");
}

static void progress_off_terminal(void *arg)
{
	(void)arg;
	progress_update("step %d/%d", 1, 3);	/* not a terminal: nothing until the end */
	progress_end("step %d/%d", 3, 3);
}

int main(void)
{
	char *tmp = unit_tmpdir(), log[4200], *text, *s;

	snprintf(log, sizeof(log), "%s/err", tmp);
	CHECK("die: exit status 2", unit_in_child(dies, "tree", log) == 2);
	text = read_file(log);
	CHECK_STR("die: one line, prefixed, naming the fix", text,
		  "kseries: error: no tree here: pass --kernel\n");
	free(text);
	CHECK("error: returns -1 for 'return error(...)'", unit_in_child(errors, NULL, log) == 0);
	text = read_file(log);
	CHECK_STR("error: kseries: error: ...", text, "kseries: error: bad 7\n");
	free(text);
	unit_in_child(quiet_info, NULL, log);
	text = read_file(log);
	CHECK_STR("usage_quiet: info and progress silent, notes and warnings not", text,
		  "kseries: note: kept: 1\nkseries: warning: shown anyway\n");
	free(text);
	unit_in_child(progress_off_terminal, NULL, log);
	text = read_file(log);
	CHECK_STR("progress: off a terminal only the last state, as a line", text,
		  "kseries: step 3/3\n");
	free(text);
	s = xstrfmt("%s-%05d", "v4.12", 42);
	CHECK_STR("xstrfmt", s, "v4.12-00042");
	free(s);
	s = xstrndup("abcdef", 3);
	CHECK_STR("xstrndup", s, "abc");
	free(s);
	unlink(log);
	rmdir(tmp);
	UNIT_EXIT();
}
