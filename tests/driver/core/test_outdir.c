/* Unit tests of driver/core/outdir.c: revision folder names, and what --out may be. */
#include <stdlib.h>
#include <sys/stat.h>
#include "core/outdir.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/usage.h"
#include "unit.h"

static const char *out;

static void prepare(void *force)
{
	outdir_prepare(out, force != NULL, NULL);
}

int main(void)
{
	char *tmp = unit_tmpdir(), *log = xstrfmt("%s/err", tmp), *s, *text, *user;
	struct stat st;

	s = outdir_rev_name("v4.12");
	CHECK_STR("outdir_rev_name: a tag as it is", s, "v4.12");
	free(s);
	s = outdir_rev_name("origin/master");
	CHECK_STR("outdir_rev_name: '/' as %2F", s, "origin%2Fmaster");
	free(s);
	s = outdir_rev_name("origin%2Fmaster");
	CHECK_STR("outdir_rev_name: '%' itself escaped: never the same as another's", s,
		  "origin%252Fmaster");
	free(s);
	s = outdir_rev_of_name("origin%2Fmaster");
	CHECK_STR("outdir_rev_of_name: back to the revision", s, "origin/master");
	free(s);
	CHECK("outdir_rev_of_name: a name outdir_rev_name never makes is none",
	      !outdir_rev_of_name("a%2e") && !outdir_rev_of_name("x/y") && !outdir_rev_of_name(""));
	out = xstrfmt("%s/out", tmp);
	CHECK("outdir_prepare: a new folder is made", unit_in_child(prepare, NULL, log) == 0 &&
	      !stat(out, &st) && S_ISDIR(st.st_mode));
	CHECK("outdir_prepare: an existing one without --force is exit 2",
	      unit_in_child(prepare, NULL, log) == 2);
	text = read_file(log);
	CHECK("outdir_prepare: ... saying --force", text && strstr(text, "--force"));
	free(text);
	user = xstrfmt("%s/notes.txt", out);
	write_file(user, "mine\n");
	CHECK("outdir_prepare: --force on a folder holding what kseries did not write: exit 2",
	      unit_in_child(prepare, "force", log) == 2);
	CHECK("outdir_prepare: ... and the user's file is still there", !stat(user, &st));
	free(user);
	remove_tree(tmp);
	free(log);
	free((char *)out);
	UNIT_EXIT();
}
