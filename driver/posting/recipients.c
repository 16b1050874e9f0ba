#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kbuild/fixups.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "posting/address.h"
#include "posting/recipients.h"

#define SCRIPT "scripts/get_maintainer.pl"

/* Does the line hold a control character (a CR that would start a header of its own)? */
static int has_control(const char *l)
{
	for (; *l; l++)
		if ((unsigned char)*l < 0x20 || *l == 0x7f)
			return 1;
	return 0;
}

/* One entry of a line, checked and quoted, into its list; a bad one into dropped. */
static void take_entry(struct recipients *r, const char *entry, struct strvec *into, size_t nr)
{
	const char *why;
	char *addr = address_parse(entry, &why);

	if (!addr) {
		strvec_pushf(&r->dropped, "line %zu: %s", nr, why);
		return;
	}
	strvec_push(into, addr);
	free(addr);
}

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/*
 * Where a role sends its address, as b4 prep --auto-to-cc splits them: the
 * people who maintain the code (an M: of a section, whatever its S: status)
 * To:, reviewers and lists Cc:. Without a role (--norolestats) a name is a
 * maintainer and a bare address a list.
 */
static struct strvec *role_list(struct recipients *r, const char *role, int has_role,
				const char *line)
{
	if (!has_role)
		return strchr(line, '<') ? &r->maintainers : &r->lists;
	if (starts(role, "open list") || starts(role, "moderated list") ||
	    starts(role, "subscriber list") || starts(role, "list"))
		return &r->lists;
	/* R: lines, and the roles git history gives (--git, never asked for) */
	if (starts(role, "reviewer") || starts(role, "commit_signer") || starts(role, "authored") ||
	    starts(role, "added_lines") || starts(role, "removed_lines") || starts(role, "blamed"))
		return &r->people;
	return &r->maintainers;	/* an M: line: maintainer, supporter, odd fixer, orphan minder ... */
}

void recipients_parse(const char *out, struct recipients *r)
{
	struct strvec lines = STRVEC_INIT;

	strvec_split_lines(&lines, out);
	for (size_t i = 0; i < lines.nr; i++) {
		char *l = lines.v[i], *gt = strchr(l, '>'), *end;

		/*
		 * "Name <addr> (role:SECTION)" or "addr (open list:SECTION)": the entry
		 * ends at its '>' or, with no name, at the first space; get_maintainer
		 * cuts long roles ("(supporter:3WARE ... (3W-XXXX, 3W-9...)"), so the
		 * role's parentheses need not balance.
		 */
		if (!strchr(l, '@'))
			continue;
		end = gt && strchr(l, '<') && strchr(l, '<') < gt ? gt + 1 : l + strcspn(l, " ");
		if (*end && strncmp(end, " (", 2)) {
			/* not an address line ("Bad divisor ..."), unless it hides a header */
			if (has_control(l))
				strvec_pushf(&r->dropped, "line %zu: a control character (a line "
					     "break would start another header)", i + 1);
			continue;
		}
		{
			int has_role = *end != '\0';
			struct strvec *into = role_list(r, end + (has_role ? 2 : 0), has_role, l);

			*end = '\0';
			take_entry(r, l, into, i + 1);
		}
	}
	strvec_clear(&lines);
}

/* top_of_kernel_tree wants the top-level folders: the ones a sparse checkout left out, empty. */
static int make_top_folders(const char *wt)
{
	char *out = NULL;
	struct strvec dirs = STRVEC_INIT;
	int ret = run_capture(&out, wt, "git", "ls-tree", "-d", "--name-only", "HEAD", NULL);

	if (ret) {
		free(out);
		return error("cannot list the top-level folders of %s: %s", wt, run_capture_error());
	}
	strvec_split_lines(&dirs, out ? out : "");
	for (size_t i = 0; i < dirs.nr && !ret; i++) {
		char *path = xstrfmt("%s/%s", wt, dirs.v[i]);

		if (mkdir(path, 0777) && errno != EEXIST)
			ret = error_errno("cannot create %s", path);
		free(path);
	}
	strvec_clear(&dirs);
	free(out);
	return ret;
}

/* The error of a run that failed or said nothing, on one line. */
static char *run_error(const struct child_process *cp, int status)
{
	const char *e = cp->err ? cp->err : "";
	size_t n = strcspn(e, "\n");

	if (status < 0)
		return xstrfmt("get_maintainer.pl did not finish within %d s (KSERIES_TOOL_TIMEOUT), "
			       "or could not run", cp->timeout);
	if (status)
		return xstrfmt("get_maintainer.pl failed (exit %d)%s%.*s", status, n ? ": " : "",
			       (int)n, e);
	return xstrfmt("get_maintainer.pl named no one%s%.*s", n ? ": " : "", (int)n, e);
}

/*
 * The get_maintainer.pl to run: the tree's own, or a scratch copy with
 * kernel-fixups/tools applied (an old script that today's Perl refuses),
 * never the tree's file. *note names the fixups applied, or NULL.
 */
static char *script_to_run(const char *wt, char **note)
{
	char *dir = cleanup_scratch_dir(), *copy = dir ? xstrfmt("%s/" SCRIPT, dir) : NULL;
	char *tree = xstrfmt("%s/" SCRIPT, wt), *text = read_file(tree);
	struct strvec applied = STRVEC_INIT;

	*note = NULL;
	if (copy && text && !make_parents(copy, 0700) && !write_file(copy, text))
		fixups_apply(kseries_tool_fixups_dir(), dir, &applied);
	if (applied.nr) {
		char *list = strvec_join(&applied, applied.nr, ", ");

		*note = xstrfmt("kernel-fixups/tools applied to a copy: %s", list);
		free(list);
	} else {
		/* nothing to mend: the tree's own, and the copy goes now */
		free(copy);
		copy = xstrdup(SCRIPT);
		if (dir)
			cleanup_now(NULL, NULL, dir);
	}
	strvec_clear(&applied);
	free(text);
	free(tree);
	free(dir);
	return copy;
}

int recipients_run(const char *wt, const struct strvec *patches, struct recipients *rs, int jobs,
		   char **why, char **note)
{
	char *script = xstrfmt("%s/" SCRIPT, wt);
	struct child_process *cps;
	int *results;

	*why = *note = NULL;
	if (access(script, R_OK)) {
		*why = xstrdup("the tree has no scripts/get_maintainer.pl: no Cc lines");
		free(script);
		return -1;
	}
	free(script);
	if (make_top_folders(wt)) {
		*why = xstrdup("the worktree could not be made whole enough for get_maintainer.pl");
		return -1;
	}
	script = script_to_run(wt, note);
	cps = xcalloc(patches->nr, sizeof(*cps));
	results = xcalloc(patches->nr, sizeof(*results));
	for (size_t i = 0; i < patches->nr; i++) {
		cps[i] = (struct child_process)CHILD_PROCESS_INIT;
		strvec_pushl(&cps[i].args, "perl", script, "--no-git",
			     "--no-git-fallback", patches->v[i], NULL);
		cps[i].dir = wt;
		cps[i].capture_out = cps[i].capture_err = 1;
		/* its equal-rank people come out in perl's hash order: one order, every run */
		strvec_pushl(&cps[i].env, "PERL_HASH_SEED=0", "PERL_PERTURB_KEYS=0", NULL);
		run_tool_limit(&cps[i]);
	}
	run_parallel(cps, patches->nr, jobs, results);
	for (size_t i = 0; i < patches->nr; i++) {
		memset(&rs[i], 0, sizeof(rs[i]));
		recipients_parse(cps[i].out ? cps[i].out : "", &rs[i]);
		if (results[i] || (!rs[i].maintainers.nr && !rs[i].people.nr && !rs[i].lists.nr))
			rs[i].error = run_error(&cps[i], results[i]);
		child_process_clear(&cps[i]);
	}
	free(cps);
	free(results);
	free(script);
	return 0;
}

void recipients_clear(struct recipients *r)
{
	strvec_clear(&r->maintainers);
	strvec_clear(&r->people);
	strvec_clear(&r->lists);
	strvec_clear(&r->dropped);
	free(r->error);
	r->error = NULL;
}
