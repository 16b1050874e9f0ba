/*
 * Kbuild's .cmd files, read: the compile line of an object (as the gcc -E
 * the line proof runs), the objects a folder target built, and whether an
 * object read a file.
 */
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include "kbuild/cmdfile.h"
#include "kbuild/toolchain.h"
#include "lib/fileio.h"
#include "lib/strbuf.h"
#include "lib/usage.h"

/* One shell word of a Kbuild command line: its end (quotes kept as they are). */
/*
 * A word in front of the compiler that is not the compiler: ccache, and a
 * compile wrapper (distcc, icecc, or --cc-wrapper's own program).
 */
static int is_launcher(const char *word, size_t n)
{
	static const char *const known[] = { "ccache", "distcc", "icecc" };
	const char *w = toolchain_wrapper(), *slash = memrchr(word, '/', n);
	size_t wn = w ? strcspn(w, " \t") : 0;

	if (slash) {
		n -= (size_t)(slash + 1 - word);
		word = slash + 1;
	}
	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strlen(known[i]) == n && !strncmp(word, known[i], n))
			return 1;
	if (w && memrchr(w, '/', wn)) {
		const char *ws = memrchr(w, '/', wn);

		wn -= (size_t)(ws + 1 - w);
		w = ws + 1;
	}
	return w && wn == n && !strncmp(word, w, n);
}

static const char *word_end(const char *p)
{
	while (*p && *p != ' ' && *p != '\t' && *p != ';') {
		if (*p == '\'' || *p == '"') {
			char q = *p++;

			while (*p && *p != q)
				p += (*p == '\\' && q == '"' && p[1]) ? 2 : 1;
		} else if (*p == '\\' && p[1]) {
			p++;
		}
		if (*p)
			p++;
	}
	return p;
}

/* "a/b/../../c/d.o" -> "c/d.o": Kbuild names an object through the folder that builds it */
static char *normal_path(const char *path, size_t n)
{
	struct strvec parts = STRVEC_INIT;
	char *out;

	for (const char *p = path; p < path + n;) {
		size_t k = strcspn(p, "/");

		if (k > n - (size_t)(p - path))
			k = n - (size_t)(p - path);
		if (k == 2 && !strncmp(p, "..", 2) && parts.nr)
			strvec_remove(&parts, parts.nr - 1);
		else if (k && !(k == 1 && *p == '.'))
			strvec_pushf(&parts, "%.*s", (int)k, p);
		p += k + 1;
	}
	out = strvec_join(&parts, parts.nr, "/");
	strvec_clear(&parts);
	return out;
}

/* The value of the .cmd's "cmd_OBJ := " line (OBJ as Kbuild spelt it), or NULL. */
static const char *cmd_line(const char *cmd, const char *obj)
{
	for (const char *p = cmd; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		const char *eq = strstr(p, " := ");
		char *key;
		int same;

		if (strncmp(p, "cmd_", 4) || !eq || eq > p + strcspn(p, "\n"))
			continue;
		key = normal_path(p + 4, (size_t)(eq - p - 4));
		same = !strcmp(key, obj);
		free(key);
		if (same)
			return eq + 4;
	}
	return NULL;
}

char *cmdfile_compile_as(const char *cmd, const char *obj, const char *flags)
{
	const char *line = cmd_line(cmd, obj), *p;
	struct strbuf out = STRBUF_INIT, raw = STRBUF_INIT;
	int words = 0;

	if (!line)
		return NULL;
	/* Kbuild writes $ as $$ and # as \# (make's escapes) */
	for (p = line; *p && *p != '\n'; p++) {
		if ((p[0] == '$' && p[1] == '$') || (p[0] == '\\' && p[1] == '#'))
			p++;
		strbuf_addch(&raw, *p);
	}
	/* the compiler's own words: the first command, without what writes files */
	for (p = strbuf_str(&raw); *p && *p != ';';) {
		const char *e;

		p += strspn(p, " \t");
		e = word_end(p);
		if (e == p)
			break;
		size_t n = (size_t)(e - p);
		int skip_next = (n == 2 && !strncmp(p, "-o", 2)) || (n == 3 && !strncmp(p, "-MF", 3)) ||
				(n == 3 && !strncmp(p, "-MT", 3));
		int drop = skip_next || (n == 2 && !strncmp(p, "-c", 2)) ||
			   (n == 3 && !strncmp(p, "-MD", 3)) || (n == 4 && !strncmp(p, "-MMD", 4)) ||
			   !strncmp(p, "-Wp,-MD,", 8) || !strncmp(p, "-Wp,-MMD,", 9) ||
			   (!words && is_launcher(p, n));

		if (!drop) {
			strbuf_add(&out, p, n);
			strbuf_addch(&out, ' ');
			words++;
		}
		p = e;
		if (skip_next) {
			p += strspn(p, " \t");
			p = word_end(p);
		}
	}
	strbuf_release(&raw);
	if (!words) {
		strbuf_release(&out);
		return NULL;
	}
	strbuf_addstr(&out, flags);
	return strbuf_detach(&out);
}

char *cmdfile_cpp_command(const char *cmd, const char *obj)
{
	return cmdfile_compile_as(cmd, obj, "-E -dD");
}

/* dir/file.o -> dir/.file.o.cmd */
char *cmdfile_path(const char *o_dir, const char *obj)
{
	const char *slash = strrchr(obj, '/'), *base = slash ? slash + 1 : obj;

	return xstrfmt("%s/%.*s.%s.cmd", o_dir, (int)(base - obj), obj, base);
}

/* The objects of a folder target: every dir/.x.o.cmd under it of a compiled object. */
static struct strvec *folder_objects;
static size_t folder_prefix;
static const char *folder_o_dir;

/*
 * obj, or what it is linked from: a compiled object has "source_X :=" in
 * its .cmd; a composite (built-in.o, a module linked from parts) names its
 * members on its ld line, which may live outside the folder (dir/../../other/).
 */
static void add_object(const char *o_dir, const char *obj, struct strvec *objs, int depth)
{
	char *path = cmdfile_path(o_dir, obj), *cmd = read_file(path);
	const char *line = cmd ? cmd_line(cmd, obj) : NULL;

	if (cmd && strstr(cmd, "\nsource_")) {
		if (!strvec_contains(objs, obj))
			strvec_push(objs, obj);
	} else if (line && depth < 8) {
		for (const char *p = line; *p && *p != '\n';) {
			size_t n = strcspn(p, " \t\n");

			/* the member objects; not the -o output */
			if (n > 2 && !strncmp(p + n - 2, ".o", 2) && strncmp(p - 3 >= line ? p - 3 : p, "-o ", 3)) {
				char *member = normal_path(p, n);

				if (strcmp(member, obj))
					add_object(o_dir, member, objs, depth + 1);
				free(member);
			}
			p += n;
			p += strspn(p, " \t");
		}
	}
	free(cmd);
	free(path);
}

static int collect_cmd(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	const char *base = path + ftw->base;
	size_t n = strlen(base);

	(void)st;
	if (flag == FTW_F && base[0] == '.' && n > 6 && !strcmp(base + n - 6, ".o.cmd")) {
		char *obj = xstrfmt("%.*s%.*s", (int)(ftw->base - (int)folder_prefix),
				    path + folder_prefix, (int)(n - 5), base + 1);

		add_object(folder_o_dir, obj, folder_objects, 0);
		free(obj);
	}
	return 0;
}

void cmdfile_objects(const char *o_dir, const struct strvec *targets, struct strvec *objs)
{
	for (size_t t = 0; t < targets->nr; t++) {
		const char *tg = targets->v[t];
		size_t n = strlen(tg);

		if (n > 2 && !strcmp(tg + n - 2, ".o")) {
			strvec_push(objs, tg);
		} else {
			char *dir = xstrfmt("%s/%s", o_dir, tg);

			folder_objects = objs;
			folder_prefix = strlen(o_dir) + 1;
			folder_o_dir = o_dir;
			nftw(dir, collect_cmd, 16, FTW_PHYS);
			free(dir);
		}
	}
}

/* Does a .cmd's dependency list (or source) name path of the tree? */
int cmdfile_reads(const char *cmd, const char *path)
{
	size_t n = strlen(path);

	for (const char *p = strstr(cmd, path); p; p = strstr(p + 1, path))
		if ((p == cmd || p[-1] == '/' || p[-1] == ' ') &&
		    (p[n] == ' ' || p[n] == '\n' || p[n] == '\\' || p[n] == '\0' || p[n] == ')'))
			return 1;
	return 0;
}
