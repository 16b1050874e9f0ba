/* Unit tests of driver/lib/fileio.c: whole files, hard links never written through, parents made. */
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/usage.h"
#include "unit.h"

int main(void)
{
	char *tmp = unit_tmpdir(), *a, *b, *text = NULL, *deep;
	struct stat st;

	a = xstrfmt("%s/a.c", tmp);
	b = xstrfmt("%s/b.c", tmp);
	CHECK("write_file, read_file: the same text back", !write_file(a, "int x;\n") &&
	      (text = read_file(a)) && !strcmp(text, "int x;\n"));
	free(text);
	CHECK("read_file: a missing file is NULL", !read_file(b));
	text = read_file("/proc/self/status");
	CHECK("read_file: a /proc file (its size says 0) is read to its end",
	      text && strstr(text, "Name:") && strstr(text, "Pid:"));
	free(text);
	CHECK("read_file: a folder is NULL (EISDIR), never read", !read_file(tmp) && errno == EISDIR);
	CHECK("a hard link to test on", !link(a, b));
	chmod(a, 0640);
	CHECK("replace_file: the new text", !replace_file(a, "int y;\n") &&
	      (text = read_file(a)) && !strcmp(text, "int y;\n"));
	free(text);
	text = read_file(b);
	CHECK_STR("replace_file: ... never through a hard link", text, "int x;\n");
	free(text);
	CHECK("replace_file: ... the mode kept", !stat(a, &st) && (st.st_mode & 0777) == 0640);
	unlink(a);
	link(b, a);
	CHECK("unshare_file: a file of its own", !unshare_file(a) && !stat(a, &st) && st.st_nlink == 1);
	deep = xstrfmt("%s/x/y/z/file.c", tmp);
	CHECK("make_parents: every folder above a path", !make_parents(deep, 0700) &&
	      !write_file(deep, "\n"));
	free(deep);
	deep = xstrfmt("%s/a.c/sub/file.c", tmp);
	CHECK("make_parents: under a file fails (-1)", make_parents(deep, 0700) == -1);
	CHECK_STR("full_disk_hint: nothing for another message",
		  full_disk_hint("fatal: bad object", tmp), "");
	free(deep);
	deep = xstrfmt("%s/v1/series", tmp);
	CHECK("path_within: a folder inside, not there yet", path_within(tmp, deep));
	CHECK("path_within: the folder itself", path_within(tmp, tmp));
	CHECK("path_within: not the other way", !path_within(deep, tmp));
	free(deep);
	deep = xstrfmt("%s-v2", tmp);
	CHECK("path_within: a sibling that shares the name's start is not inside", !path_within(tmp, deep));
	free(deep);
	remove_tree(tmp);
	free(a);
	free(b);
	UNIT_EXIT();
}
