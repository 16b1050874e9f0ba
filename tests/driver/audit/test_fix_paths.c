/* Unit tests of fix_paths: where an audit's fix patch is relative to. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "audit/fix_paths.h"
#include "unit.h"

static char *made(const char *top, const char *rel)
{
	char *path = malloc(strlen(top) + strlen(rel) + 2);

	sprintf(path, "%s/%s", top, rel);
	return path;
}

int main(void)
{
	char tmpl[] = "/tmp/kseries-fixpaths-XXXXXX", *top = mkdtemp(tmpl), *base, *p;
	struct strvec paths = STRVEC_INIT;

	if (!top)
		return 1;
	p = made(top, "mod");
	mkdir(p, 0777);
	free(p);
	p = made(top, "mod/sub");
	mkdir(p, 0777);
	free(p);
	p = made(top, "other");
	mkdir(p, 0777);
	free(p);
	p = made(top, "mod/sub/x.c");
	fclose(fopen(p, "w"));

	/* one folder, spelt with a trailing slash and a detour */
	free(p);
	p = made(top, "other/../mod/");
	strvec_push(&paths, p);
	base = fix_base(&paths);
	free(p);
	p = made(top, "mod");
	CHECK_STR("fix_base: a folder, however spelt, is its own base", base, p);
	free(p);
	p = made(top, "mod/sub/x.c");
	{
		char *rel = fix_path(base, p);

		CHECK_STR("fix_path: a file inside the base, relative to it", rel, "sub/x.c");
		free(rel);
	}
	free(base);
	/* a file: its own folder */
	strvec_clear(&paths);
	strvec_push(&paths, p);
	base = fix_base(&paths);
	free(p);
	p = made(top, "mod/sub");
	CHECK_STR("fix_base: a file's base is its folder", base, p);
	free(base);
	free(p);
	/* two folders: the one they share */
	strvec_clear(&paths);
	p = made(top, "mod/sub");
	strvec_push(&paths, p);
	free(p);
	p = made(top, "other");
	strvec_push(&paths, p);
	free(p);
	base = fix_base(&paths);
	CHECK_STR("fix_base: several folders share their common folder", base, top);
	free(base);
	{
		char *rel = fix_path("/nowhere/else", "./a/b.c");

		CHECK_STR("fix_path: a file outside the base keeps its own path, made relative", rel, "a/b.c");
		free(rel);
	}
	strvec_clear(&paths);
	/* the scratch folder goes */
	for (const char *const *r = (const char *const[]){ "mod/sub/x.c", "mod/sub", "mod", "other",
							   NULL }; *r; r++) {
		p = made(top, *r);
		if (remove(p))
			perror(p);
		free(p);
	}
	rmdir(top);
	UNIT_EXIT();
}
