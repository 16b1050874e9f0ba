/* Unit tests of driver/fixups.c: build-only fixups applied by exact line. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fileio.h"
#include "fixups.h"
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
		char p[600];

		snprintf(p, sizeof(p), "%s/d-bad.fixup", fx);
		write_file(p, "file: lexer.c\n");
	}
	strvec_clear(&applied);
	CHECK("fixups: a malformed fixup is an error", fixups_apply(fx, tree, &applied) == -1);
	CHECK("fixups: a missing folder is nothing to do", fixups_apply("/nonexistent", tree, &applied) == 0);
	strvec_clear(&applied);
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
