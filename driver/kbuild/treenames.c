/*
 * Names the build matrix relies on change across 3.x and 4.x (powernv_defconfig
 * is 4.5's; Kconfig symbols come and go): pick them from what the tree
 * itself has, and say what was picked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "core/cscan.h"
#include "kbuild/treenames.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"

/*
 * A defconfig target the tree has: a file arch/SRCARCH/configs/NAME, or a
 * rule "NAME:" of the arch Makefile (4.4's ppc64le_defconfig merges
 * ppc64_defconfig with le.config), or the generic "defconfig".
 */
static int has_defconfig(const char *wt, const char *srcarch, const char *name)
{
	char *file = xstrfmt("%s/arch/%s/configs/%s", wt, srcarch, name);
	char *makefile = xstrfmt("%s/arch/%s/Makefile", wt, srcarch);
	char *text = NULL, *rule = xstrfmt("\n%s:", name);
	int found = !strcmp(name, "defconfig") || !access(file, R_OK);

	if (!found && (text = read_file(makefile)))
		found = strstr(text, rule) != NULL;
	free(file);
	free(makefile);
	free(text);
	free(rule);
	return found;
}

/* the words of a space-separated list (NULL: none), each once */
static void split_words(struct strvec *out, const char *list)
{
	char *copy = xstrdup(list ? list : ""), *save = NULL;

	for (char *tok = strtok_r(copy, " ", &save); tok; tok = strtok_r(NULL, " ", &save))
		if (!strvec_contains(out, tok))
			strvec_push(out, tok);
	free(copy);
}

char *treenames_defconfig(const char *wt, const char *srcarch, const char *wanted,
			  const char *fallback, char **note)
{
	struct strvec tried = STRVEC_INIT, cand = STRVEC_INIT;
	char *chosen = NULL;

	*note = NULL;
	split_words(&cand, wanted);
	split_words(&cand, fallback);
	for (size_t i = 0; i < cand.nr && !chosen; i++) {
		if (has_defconfig(wt, srcarch, cand.v[i]))
			chosen = xstrdup(cand.v[i]);
		else
			strvec_push(&tried, cand.v[i]);
	}
	if (chosen && tried.nr) {
		char *list = strvec_join(&tried, tried.nr, ", ");

		*note = xstrfmt("%s (%s: not in this tree)", chosen, list);
		free(list);
	} else if (!chosen) {
		char *list = strvec_join(&cand, cand.nr, ", ");

		*note = xstrfmt("none of %s is in this tree (arch/%s/configs)", list, srcarch);
		free(list);
	}
	strvec_clear(&tried);
	strvec_clear(&cand);
	return chosen;
}

void treenames_kconfig_unknown(const char *wt, const char *srcarch, const struct strvec *syms,
			       struct strvec *unknown)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	struct strvec defined = STRVEC_INIT;

	if (!syms->nr)
		return;
	/* one git grep over the Kconfig files this arch reads: generic ones and its own */
	strvec_pushl(&cp.args, "git", "grep", "-E", NULL);
	for (size_t i = 0; i < syms->nr; i++)
		strvec_pushf(&cp.args, "-e^[[:space:]]*(menu)?config[[:space:]]+%s[[:space:]]*$",
			     syms->v[i]);
	strvec_pushl(&cp.args, "--", "*Kconfig*", NULL);
	cp.dir = wt;
	cp.capture_out = 1;
	cp.quiet_err = 1;
	/* exit 1 is "no line matched": every symbol is unknown */
	if (run_command(&cp) <= 1 && cp.out) {
		struct strvec lines = STRVEC_INIT;

		char *own = xstrfmt("arch/%s/", srcarch);

		strvec_split_lines(&lines, cp.out);
		for (size_t i = 0; i < lines.nr; i++) {
			char *colon = strchr(lines.v[i], ':'), *s, *end;

			/* "path:line"; another arch's Kconfig is not this arch's */
			if (!colon || (!strncmp(lines.v[i], "arch/", 5) && strncmp(lines.v[i], own, strlen(own))))
				continue;
			s = strstr(colon, "config");

			s += strlen("config");
			s += strspn(s, " \t");
			end = s + strcspn(s, " \t");
			strvec_pushf(&defined, "%.*s", (int)(end - s), s);
		}
		strvec_clear(&lines);
		free(own);
		for (size_t i = 0; i < syms->nr; i++)
			if (!strvec_contains(&defined, syms->v[i]))
				strvec_push(unknown, syms->v[i]);
	}
	child_process_clear(&cp);
	strvec_clear(&defined);
}

const char *treenames_olddefconfig(const char *wt)
{
	char *path = xstrfmt("%s/scripts/kconfig/Makefile", wt), *text = read_file(path);
	/* before 3.7 the target was oldnoconfig (which, despite its name, took the defaults) */
	const char *target = text && !strstr(text, "olddefconfig") && strstr(text, "oldnoconfig") ?
			     "oldnoconfig" : "olddefconfig";

	free(path);
	free(text);
	return target;
}

/* The "depends on" expressions of sym's entries in the Kconfig file text. */
/* A "depends on" expression without its "# comment" and trailing blanks. */
static char *expression(const char *e)
{
	size_t n = strcspn(e, "#");

	while (n && (e[n - 1] == ' ' || e[n - 1] == '\t'))
		n--;
	return xstrndup(e, n);
}

/*
 * The "depends on" expressions of sym's entries in the Kconfig file text,
 * and those of the "if EXPR" blocks and "menu"s around them in that file
 * (a block's condition is every entry's dependency too). With source set
 * (sym NULL), those around the line that sources that file instead. Help
 * text is prose: its lines are never read as keywords.
 */
static void depends_in(const char *text, const char *sym, const char *source,
		       struct strvec *exprs)
{
	struct strvec lines = STRVEC_INIT, around = STRVEC_INIT;
	size_t sizes[64];	/* around's size when each open if/menu began */
	int depth = 0, in = 0, in_menu = 0, help = -1;	/* help: its text's indentation */

	strvec_split_lines(&lines, text);
	for (size_t i = 0; i < lines.nr; i++) {
		const char *l = lines.v[i] + strspn(lines.v[i], " \t");
		const char *name = !strncmp(l, "config", 6) ? l + 6 :
				   !strncmp(l, "menuconfig", 10) ? l + 10 : NULL;
		int indent = (int)(l - lines.v[i]);

		if (help >= 0 && (!*l || indent >= help))
			continue;	/* still the help text */
		help = -1;
		if ((!strncmp(l, "help", 4) && !l[4 + strspn(l + 4, " \t")]) ||
		    (!strncmp(l, "---help---", 10) && !l[10 + strspn(l + 10, " \t")])) {
			/* its text: the next line's indentation, deeper than the keyword's */
			const char *next = i + 1 < lines.nr ? lines.v[i + 1] : "";

			help = (int)strspn(next, " \t");
			help = help > indent ? help : indent + 1;
		} else if (sym && name && (*name == ' ' || *name == '\t')) {
			name += strspn(name, " \t");
			in = !strncmp(name, sym, strlen(sym)) &&
			     (!name[strlen(sym)] || strchr(" \t", name[strlen(sym)]));
			in_menu = 0;
			for (size_t k = 0; in && k < around.nr; k++)
				if (!strvec_contains(exprs, around.v[k]))
					strvec_push(exprs, around.v[k]);
		} else if (source && !strncmp(l, "source", 6) && strstr(l, source)) {
			for (size_t k = 0; k < around.nr; k++)
				if (!strvec_contains(exprs, around.v[k]))
					strvec_push(exprs, around.v[k]);
		} else if ((!strncmp(l, "if ", 3) || !strncmp(l, "menu ", 5)) && depth < 64) {
			sizes[depth++] = around.nr;
			if (*l == 'i') {
				char *e = expression(l + 3 + strspn(l + 3, " \t"));

				strvec_push(&around, e);
				free(e);
			}
			in = 0;
			in_menu = *l == 'm';
		} else if ((!strncmp(l, "endif", 5) || !strncmp(l, "endmenu", 7)) && depth > 0) {
			size_t keep = sizes[--depth];

			while (around.nr > keep)
				strvec_remove(&around, around.nr - 1);
			in = in_menu = 0;
		} else if (!strncmp(l, "choice", 6) || !strncmp(l, "source", 6) ||
			   !strncmp(l, "comment", 7) || name) {
			in = in_menu = 0;
		} else if ((in || in_menu) && !strncmp(l, "depends on", 10)) {
			char *e = expression(l + 10 + strspn(l + 10, " \t"));

			/* a menu's own dependency holds for every entry inside it */
			if (*e)
				strvec_push(in ? exprs : &around, e);
			free(e);
		}
	}
	strvec_clear(&lines);
	strvec_clear(&around);
}

/*
 * The conditions around the "source" lines that read file (a Kconfig of
 * the tree), and those around the files that source them in turn: a menu
 * or an if block of the parent holds for every entry of the child.
 */
static void depends_of_sourcing(const char *wt, const char *file, int levels,
				struct strvec *exprs)
{
	char *out = NULL, *quoted = xstrfmt("\"%s\"", file);
	struct strvec parents = STRVEC_INIT;

	if (levels > 0 && !run_capture(&out, wt, "git", "grep", "-l", "-F", quoted, "--",
				       "*Kconfig*", NULL))
		strvec_split_lines(&parents, out ? out : "");
	for (size_t i = 0; i < parents.nr; i++) {
		char *path = xstrfmt("%s/%s", wt, parents.v[i]), *text = read_file(path);

		if (text && strcmp(parents.v[i], file)) {
			depends_in(text, NULL, quoted, exprs);
			depends_of_sourcing(wt, parents.v[i], levels - 1, exprs);
		}
		free(text);
		free(path);
	}
	strvec_clear(&parents);
	free(out);
	free(quoted);
}

char *treenames_kconfig_why_off(const char *wt, const char *sym, const char *config)
{
	char *out = NULL, *pattern = xstrfmt("^[[:space:]]*(menu)?config[[:space:]]+%s[[:space:]]*$", sym);
	struct strvec files = STRVEC_INIT, exprs = STRVEC_INIT, off = STRVEC_INIT, on = STRVEC_INIT;
	char *why = NULL;

	run_capture(&out, wt, "git", "grep", "-l", "-E", pattern, "--", "*Kconfig*", NULL);
	strvec_split_lines(&files, out ? out : "");
	for (size_t i = 0; i < files.nr; i++) {
		char *path = xstrfmt("%s/%s", wt, files.v[i]), *text = read_file(path);

		if (text) {
			depends_in(text, sym, NULL, &exprs);
			depends_of_sourcing(wt, files.v[i], 4, &exprs);
		}
		free(text);
		free(path);
	}
	/* each symbol the expressions want on that is off, or want off ("!X") that is on */
	for (size_t i = 0; i < exprs.nr; i++) {
		struct strvec ids = STRVEC_INIT;

		cscan_identifiers(exprs.v[i], &ids);
		for (size_t k = 0; k < ids.nr; k++) {
			const char *id = ids.v[k];
			char *key = xstrfmt("\nCONFIG_%s=", id), *nl = xstrfmt("\n%s", config);
			char *neg = xstrfmt("!%s", id), *neg2 = xstrfmt("! %s", id);
			int negated = cscan_mentions(exprs.v[i], id) &&
				      (strstr(exprs.v[i], neg) || strstr(exprs.v[i], neg2));
			int set = strstr(nl, key) != NULL;

			if (strcmp(id, "y") && strcmp(id, "m") && strcmp(id, "n") && negated == set) {
				struct strvec *list = negated ? &on : &off;

				if (!strvec_contains(list, id))
					strvec_push(list, id);
			}
			free(key);
			free(nl);
			free(neg);
			free(neg2);
		}
		strvec_clear(&ids);
	}
	if (exprs.nr) {
		char *all = strvec_join(&exprs, exprs.nr, " && ");
		char *o = off.nr ? strvec_join(&off, off.nr, ", ") : NULL;
		char *n = on.nr ? strvec_join(&on, on.nr, ", ") : NULL;

		why = xstrfmt("depends on %s%s%s%s%s", all, o ? "; off here: " : "", o ? o : "",
			      n ? "; on here: " : "", n ? n : "");
		free(all);
		free(o);
		free(n);
	}
	strvec_clear(&files);
	strvec_clear(&exprs);
	strvec_clear(&off);
	strvec_clear(&on);
	free(out);
	free(pattern);
	return why;
}

/* sym is y or m in the text of a .config (as scripts/config -s would say) */
int treenames_config_on(const char *config, const char *sym)
{
	char *key = xstrfmt("CONFIG_%s=", sym);
	size_t n = strlen(key);
	int on = 0;

	for (const char *p = config; p && *p && !on; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		on = !strncmp(p, key, n) && (p[n] == 'y' || p[n] == 'm') &&
		     (p[n + 1] == '\n' || !p[n + 1]);
	free(key);
	return on;
}
