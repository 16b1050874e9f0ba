/* Unit tests of driver/lib/paths.c: where the series lives; a compiler's path in the tree. */
#include <stdlib.h>
#include <unistd.h>
#include "lib/paths.h"
#include <sys/stat.h>
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "unit.h"

int main(void)
{
	const char *dir;

	/* this binary has no ../cocci beside it: the installed place */
	setenv("KSERIES_COCCI_DIR", "", 1);
	dir = kseries_cocci_dir();
	CHECK("kseries_cocci_dir: an empty KSERIES_COCCI_DIR is not taken", dir && *dir);
	CHECK("kseries_cocci_dir: no cocci/ beside the binary: the installed share/kseries/cocci",
	      dir && ends_with(dir, "/share/kseries/cocci"));
	setenv("KSERIES_COCCI_DIR", "/some/series", 1);
	CHECK_STR("kseries_cocci_dir: KSERIES_COCCI_DIR first", kseries_cocci_dir(), "/some/series");
	{
		char tmpl[] = "/tmp/kseries-paths-XXXXXX", *root = mkdtemp(tmpl), *real, *cmd;
		char *tree = xstrfmt("%s/tree", root), *o = xstrfmt("%s/o", root);
		char *file = xstrfmt("%s/tree/mm/rmap.c", root), *abs, *rel, *out, *none;
		FILE *f;

		mkdir(tree, 0777);
		mkdir(o, 0777);
		cmd = xstrfmt("%s/mm", tree);
		mkdir(cmd, 0777);
		free(cmd);
		f = fopen(file, "w");
		fclose(f);
		real = realpath(tree, NULL);
		abs = path_in_tree(file, o, real);
		rel = path_in_tree("../tree/mm/rmap.c", o, real);
		out = path_in_tree("/usr/include/stdio.h", o, real);
		none = path_in_tree("../tree/mm/none.c", o, real);
		CHECK_STR("path_in_tree: an absolute path in the tree", abs, "mm/rmap.c");
		CHECK_STR("path_in_tree: a path relative to where make ran", rel, "mm/rmap.c");
		CHECK("path_in_tree: outside the tree, or missing, or <built-in>: NULL",
		      !out && !none && !path_in_tree("<built-in>", o, real));
		cmd = xstrfmt("rm -rf '%s'", root);
		CHECK("path_in_tree: scratch removed", system(cmd) == 0);
		free(cmd);
		free(abs);
		free(rel);
		free(real);
		free(tree);
		free(o);
		free(file);
	}
	UNIT_EXIT();
}
