/* Unit tests of driver/kbuild/fixups.c: fixups applied by exact line, or by text everywhere (find:/with:). */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lib/fileio.h"
#include "kbuild/fixups.h"
#include "unit.h"

int main(void)
{
	char tmpl[] = "/tmp/kseries-fixups-XXXXXX";
	char *root = mkdtemp(tmpl), *fx, *tree, *text;
	struct strvec applied = STRVEC_INIT;
	int ret;

	if (!root)
		return 1;
	fx = malloc(512);
	tree = malloc(512);
	snprintf(fx, 512, "%s/fixups", root);
	snprintf(tree, 512, "%s/tree", root);
	mkdir(fx, 0777);
	mkdir(tree, 0777);
	{
		char p[600];

		snprintf(p, sizeof(p), "%s/lexer.c", tree);
		write_file(p, "int a;\nYYLTYPE yylloc;\nYYLTYPE yylloc_x;\n");
		snprintf(p, sizeof(p), "%s/a-yylloc.fixup", fx);
		write_file(p, "# why\nfile: lexer.c\nmatch: YYLTYPE yylloc;\nreplace: extern YYLTYPE yylloc;\n");
		snprintf(p, sizeof(p), "%s/b-absent.fixup", fx);
		write_file(p, "file: lexer.c\nmatch: no such line\nreplace: x\n");
		snprintf(p, sizeof(p), "%s/c-nofile.fixup", fx);
		write_file(p, "file: not/there.c\nmatch: x\nreplace: y\n");
	}
	ret = fixups_apply(fx, tree, &applied);
	{
		char p[600];

		snprintf(p, sizeof(p), "%s/lexer.c", tree);
		text = read_file(p);
	}
	CHECK("fixups: applied without error", ret == 0);
	CHECK_STR("fixups: the whole line replaced, the look-alike kept", text,
		  "int a;\nextern YYLTYPE yylloc;\nYYLTYPE yylloc_x;\n");
	CHECK("fixups: only the one that applied is named",
	      applied.nr == 1 && !strcmp(applied.v[0], "a-yylloc"));
	free(text);
	{
		/* two files, three lines: all or nothing */
		char p[600], q[600];

		snprintf(p, sizeof(p), "%s/Makefile", tree);
		write_file(p, "CFLAGS := -Wall \\\n\t-std=gnu89\nAFLAGS := -D__ASSEMBLY__\n");
		snprintf(q, sizeof(q), "%s/cc.h", tree);
		write_file(q, "#include gcc_header(__GNUC__)\n");
		snprintf(p, sizeof(p), "%s/e-half.fixup", fx);
		write_file(p, "file: Makefile\nmatch: \t-std=gnu89\nreplace: \t-std=gnu89 -fno-PIE\n"
			      "file: cc.h\nmatch: #include gcc_header(4)\nreplace: x\n");
		snprintf(p, sizeof(p), "%s/f-whole.fixup", fx);
		write_file(p, "# two files\nfile: Makefile\nmatch: \t-std=gnu89\nreplace: \t-std=gnu89 -fno-PIE\n"
			      "match: AFLAGS := -D__ASSEMBLY__\nreplace: AFLAGS := -D__ASSEMBLY__ -fno-PIE\n"
			      "file: cc.h\nmatch: #include gcc_header(__GNUC__)\n"
			      "replace: #include <linux/compiler-gcc5.h>\n");
		strvec_clear(&applied);
		CHECK("fixups: several lines over two files apply", fixups_apply(fx, tree, &applied) == 0);
		CHECK("fixups: the half-matching one is not named, the whole one is",
		      applied.nr == 1 && !strcmp(applied.v[0], "f-whole"));
		snprintf(p, sizeof(p), "%s/Makefile", tree);
		text = read_file(p);
		CHECK_STR("fixups: both lines of one file replaced, once", text,
			  "CFLAGS := -Wall \\\n\t-std=gnu89 -fno-PIE\nAFLAGS := -D__ASSEMBLY__ -fno-PIE\n");
		free(text);
		text = read_file(q);
		CHECK_STR("fixups: the second file too", text, "#include <linux/compiler-gcc5.h>\n");
		free(text);
		snprintf(p, sizeof(p), "%s/e-half.fixup", fx);
		unlink(p);
		snprintf(p, sizeof(p), "%s/f-whole.fixup", fx);
		unlink(p);
		/* unless: a tree that has the file is left alone */
		write_file(q, "#include gcc_header(__GNUC__)\n");
		snprintf(p, sizeof(p), "%s/g-unless.fixup", fx);
		write_file(p, "unless: cc.h\nfile: cc.h\nmatch: #include gcc_header(__GNUC__)\nreplace: x\n");
		strvec_clear(&applied);
		CHECK("fixups: an unless: file that is there skips the fixup",
		      fixups_apply(fx, tree, &applied) == 0 && !strvec_contains(&applied, "g-unless"));
		text = read_file(q);
		CHECK_STR("fixups: ... and writes nothing", text, "#include gcc_header(__GNUC__)\n");
		free(text);
		write_file(p, "unless: not-there.h\nfile: cc.h\nmatch: #include gcc_header(__GNUC__)\nreplace: x\n");
		strvec_clear(&applied);
		CHECK("fixups: an unless: file that is not there lets it apply",
		      fixups_apply(fx, tree, &applied) == 0 && strvec_contains(&applied, "g-unless"));
		unlink(p);
		/* unless_line: a file that already has the fix's line is left alone */
		write_file(q, "\t\tcase PC32:\n\t\tcase PLT32:\n");
		snprintf(p, sizeof(p), "%s/h-line.fixup", fx);
		write_file(p, "file: cc.h\nunless_line: \t\tcase PLT32:\nmatch: \t\tcase PC32:\n"
			      "replace: \t\tcase PC32: case PLT32:\n");
		strvec_clear(&applied);
		CHECK("fixups: an unless_line: line that is there skips the fixup",
		      fixups_apply(fx, tree, &applied) == 0 && !strvec_contains(&applied, "h-line"));
		write_file(q, "\t\tcase PC32:\n");
		strvec_clear(&applied);
		CHECK("fixups: ... not there: it applies",
		      fixups_apply(fx, tree, &applied) == 0 && strvec_contains(&applied, "h-line"));
		text = read_file(q);
		CHECK_STR("fixups: ... and writes the line", text, "\t\tcase PC32: case PLT32:\n");
		free(text);
		unlink(p);
	}
	{
		char p[600];

		snprintf(p, sizeof(p), "%s/d-bad.fixup", fx);
		write_file(p, "file: lexer.c\n");
	}
	strvec_clear(&applied);
	CHECK("fixups: a malformed fixup is an error", fixups_apply(fx, tree, &applied) == -1);
	CHECK("fixups: a missing folder is nothing to do", fixups_apply("/nonexistent", tree, &applied) == 0);
	strvec_clear(&applied);
	{
		/* find:/with: every place a text stands, for a tool's copy */
		char p[600], q[600], *got;

		snprintf(p, sizeof(p), "%s/tools", root);
		mkdir(p, 0777);
		snprintf(p, sizeof(p), "%s/tools/perl.fixup", root);
		write_file(p, "file: gm.pl\nfind: m/^(\\C):\nwith: m/^([A-Z]):\n");
		snprintf(q, sizeof(q), "%s/gm.pl", tree);
		write_file(q, "if (m/^(\\C):x/) {\n\tif ($l =~ m/^(\\C):y/) {\n");
		snprintf(p, sizeof(p), "%s/tools", root);
		CHECK("fixups: find:/with: applies", !fixups_apply(p, tree, &applied) && applied.nr == 1);
		got = read_file(q);
		CHECK_STR("fixups: ... at every place the text stands", got,
			  "if (m/^([A-Z]):x/) {\n\tif ($l =~ m/^([A-Z]):y/) {\n");
		free(got);
		strvec_clear(&applied);
		CHECK("fixups: ... and not again where the text is gone (whole or not at all)",
		      !fixups_apply(p, tree, &applied) && applied.nr == 0);
		snprintf(p, sizeof(p), "%s/tools/bad.fixup", root);
		write_file(p, "file: gm.pl\nfind: x\nreplace: y\n");
		snprintf(p, sizeof(p), "%s/tools", root);
		CHECK("fixups: a find: answered by replace: is malformed", fixups_apply(p, tree, &applied) == -1);
		strvec_clear(&applied);
	}
	{
		char cmd[600];

		snprintf(cmd, sizeof(cmd), "rm -rf %s", root);
		if (system(cmd))
			return 1;
	}
	free(fx);
	free(tree);
	UNIT_EXIT();
}
