#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "posting/address.h"
#include "posting/mailfile.h"
#include "posting/posting_checks.h"

void posting_say(struct rev_result *r, const char *level, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvstrfmt(fmt, ap);
	va_end(ap);
	strvec_pushf(&r->post.checks, "%s %s", level, text);
	if (!strcmp(level, "ERROR")) {
		r->post.check_errors++;
		error("[%s] %s", r->rev, text);
	} else if (!strcmp(level, "WARNING")) {
		warning("[%s] %s", r->rev, text);
	} else if (!strcmp(level, "note")) {
		note("[%s] %s", r->rev, text);
	}
	free(text);
}

static char *rev_parse(const char *wt, const char *what)
{
	char *out = NULL;

	if (run_capture(&out, wt, "git", "rev-parse", "-q", "--verify", what, NULL) || !out) {
		free(out);
		return NULL;
	}
	out[strcspn(out, "\n")] = '\0';
	return out;
}

/*
 * git am of files (patch mails or an mbox) on the base in the worktree, its
 * hooks off: the tree must be the series' head's. The worktree is back at
 * head after. -1 only when it cannot be put back.
 */
static int check_am(const char *wt, const char *what, const struct strvec *files,
		    const char *fail_level, struct rev_result *r)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	char *head = rev_parse(wt, "HEAD"), *tree = rev_parse(wt, "HEAD^{tree}"), *got = NULL;
	char *out = NULL;
	int ret;

	if (!head || !tree || run_capture(&out, wt, "git", "checkout", "-q", "--detach", r->commit,
					  NULL)) {
		posting_say(r, "ERROR", "git am of %s: cannot check out the base %s in %s", what, r->commit, wt);
		goto back;
	}
	/* --keep-cr: a file of CR LF lines keeps them, as the series wrote them */
	strvec_pushl(&cp.args, "git", "-c", "core.hooksPath=/dev/null", "am", "-q", "--keep-cr", NULL);
	strvec_pushv(&cp.args, (const char *const *)files->v);
	cp.dir = wt;
	cp.capture_out = cp.capture_err = 1;
	if (run_command(&cp)) {
		posting_say(r, fail_level, "git am of %s does not apply on %s: %.*s", what, r->post.base_describe,
		    (int)strcspn(cp.err ? cp.err : "", "\n"), cp.err ? cp.err : "");
		free(out);
		out = NULL;
		run_capture(&out, wt, "git", "am", "--abort", NULL);
	} else if (!(got = rev_parse(wt, "HEAD^{tree}")) || strcmp(got, tree)) {
		posting_say(r, fail_level, "git am of %s on %s gives another tree than the series", what,
		    r->post.base_describe);
	} else {
		posting_say(r, "ok", "git am of %s on %s: applies, and the tree is the series' own", what,
		    r->post.base_describe);
	}
	child_process_clear(&cp);
back:
	free(out);
	out = NULL;
	ret = head ? run_capture(&out, wt, "git", "checkout", "-q", "--detach", head, NULL) : -1;
	if (ret)
		error("cannot put the worktree %s back at the series' head: %s", wt,
		      run_capture_error());
	free(out);
	free(head);
	free(tree);
	free(got);
	return ret ? -1 : 0;
}

/* A git config of the tools' own in dir: the user's identity only. Its path, or NULL. */
static char *tool_config(const char *wt, const char *dir, char **ident)
{
	char *out = NULL, *path = xstrfmt("%s/gitconfig", dir), *lt, *gt;
	struct strbuf sb = STRBUF_INIT;
	int ret = run_capture(&out, wt, "git", "var", "GIT_COMMITTER_IDENT", NULL);

	lt = out ? strchr(out, '<') : NULL;
	gt = lt ? strchr(lt, '>') : NULL;
	if (ret || !lt || !gt || lt == out) {
		free(out);
		free(path);
		return NULL;
	}
	*ident = xstrndup(out, gt + 1 - out);
	strbuf_addstr(&sb, "[user]\n\tname = \"");
	for (const char *p = out; p < lt - 1; p++) {
		if (*p == '"' || *p == '\\')
			strbuf_addch(&sb, '\\');
		strbuf_addch(&sb, *p);
	}
	strbuf_addf(&sb, "\"\n\temail = %.*s\n", (int)(gt - lt - 1), lt + 1);
	ret = write_file(path, strbuf_str(&sb));
	strbuf_release(&sb);
	free(out);
	if (ret) {
		free(path);
		return NULL;
	}
	return path;
}

/*
 * Run a mail tool in dir with the config of its own; its stdout and stderr
 * together. Its TMPDIR is tmp, kseries' scratch folder: a tool stopped by a
 * signal (b4's mkdtemp) leaves nothing in the user's.
 */
static int run_tool(const char *dir, const char *tmp, const char *config, struct strvec *args,
		    char **out)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	int ret;

	strvec_pushv(&cp.args, (const char *const *)args->v);
	strvec_pushf(&cp.env, "GIT_CONFIG_GLOBAL=%s", config);
	strvec_push(&cp.env, "GIT_CONFIG_NOSYSTEM=1");
	cp.dir = dir;
	cp.tmp_dir = tmp;
	cp.capture_out = cp.capture_err = 1;
	run_tool_limit(&cp);
	ret = run_command(&cp);
	*out = xstrfmt("%s%s", cp.out ? cp.out : "", cp.err ? cp.err : "");
	child_process_clear(&cp);
	return ret;
}

size_t posting_count_ok(const char *out)
{
	size_t n = 0;

	for (const char *p = out; (p = strstr(p, "Result: OK")); p += 10)
		n += p == out || p[-1] == '\n';
	return n;
}

char *posting_b4_problems(const char *out, size_t nr, const char *base)
{
	struct strvec lines = STRVEC_INIT;
	struct strbuf sb = STRBUF_INIT;
	int total = -1, base_ok = 0;
	char prefix[13];

	snprintf(prefix, sizeof(prefix), "%.12s", base);
	strvec_split_lines(&lines, out);
	for (size_t i = 0; i < lines.nr; i++) {
		const char *l = lines.v[i] + strspn(lines.v[i], " ");

		if (!strncmp(l, "Total patches: ", 15))
			total = atoi(l + 15);
		else if (!strncmp(l, "Base: ", 6))
			base_ok = strlen(prefix) == 12 && strstr(l, prefix) && !strstr(l, "not known");
		else if (strcasestr(l, "warning") || strcasestr(l, "error") ||
			 strcasestr(l, "missing") || strstr(l, "Traceback"))
			strbuf_addf(&sb, "%s\"%s\"", sb.len ? ", " : "", l);
	}
	if (total != (int)nr)
		strbuf_addf(&sb, "%sit took %d patches of %zu", sb.len ? "; " : "", total, nr);
	if (!base_ok)
		strbuf_addf(&sb, "%sit did not find the base %.12s", sb.len ? "; " : "", base);
	strvec_clear(&lines);
	return strbuf_detach(&sb);
}

/* The mbox b4 am wrote in dir (*path): 0, or -1 when there is none. */
static int mbx_in(const char *dir, char **path)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	*path = NULL;
	while (d && !*path && (e = readdir(d)))
		if (strlen(e->d_name) > 4 && !strcmp(e->d_name + strlen(e->d_name) - 4, ".mbx"))
			*path = xstrfmt("%s/%s", dir, e->d_name);
	if (d)
		closedir(d);
	return *path ? 0 : -1;
}

/* The line of a tool's output that says what went wrong: the first naming an error, else the last. */
static char *telling_line(const char *out)
{
	struct strvec lines = STRVEC_INIT;
	char *line = NULL;

	strvec_split_lines(&lines, out);
	for (size_t i = 0; i < lines.nr && !line; i++)
		if (strcasestr(lines.v[i], "error") || strcasestr(lines.v[i], "fatal") ||
		    strcasestr(lines.v[i], "unable") || strcasestr(lines.v[i], "died"))
			line = xstrdup(lines.v[i]);
	if (!line)
		line = xstrdup(lines.nr ? lines.v[lines.nr - 1] : "(it said nothing)");
	strvec_clear(&lines);
	return line;
}

/* b4 am of the mails as one local mbox, then git am of the mbox b4 writes. */
static int check_b4(const char *wt, const char *dir, const char *config, const struct strvec *mails,
		    struct rev_result *r)
{
	struct strvec args = STRVEC_INIT, mbx = STRVEC_INIT;
	struct strbuf mbox = STRBUF_INIT;
	char *mbox_path = xstrfmt("%s/series.mbox", dir), *out_dir = xstrfmt("%s/b4", dir);
	char *out = NULL, *problems, *found = NULL;
	int ret = 0, status, crlf = 0;

	if (!program_exists("b4")) {
		posting_say(r, "WARNING", "not checked by b4: it is not installed (apt install b4)");
		goto out;
	}
	for (size_t i = 0; i < mails->nr; i++) {
		char *text = read_file(mails->v[i]);

		crlf |= text && strstr(text, "\r\n") != NULL;
		strbuf_addstr(&mbox, text ? text : "");
		free(text);
	}
	/* b4 0.12 does not make its -o folder */
	if (write_file(mbox_path, strbuf_str(&mbox)) || mkdir(out_dir, 0777)) {
		posting_say(r, "ERROR", "b4 am: cannot write its mbox in %s", dir);
		goto out;
	}
	strvec_pushl(&args, "b4", "am", "-C", "-m", mbox_path, "-o", out_dir, NULL);
	/* in the worktree: b4 looks the base up in the repo it runs in */
	status = run_tool(wt, dir, config, &args, &out);
	problems = posting_b4_problems(out, mails->nr - 1, r->commit);
	if (!status && !*problems && !mbx_in(out_dir, &found)) {
		posting_say(r, "ok", "b4 am of the series as a local mbox: %zu patches, in order, base %.12s",
		    mails->nr - 1, r->commit);
		strvec_push(&mbx, found);
		/* b4 drops the CR of CR LF lines: its mbox cannot give such a file back */
		ret = check_am(wt, crlf ? "b4 am's mbox (b4 drops the CR of CR LF lines, which this "
			       "series has)" : "b4 am's mbox", &mbx, crlf ? "WARNING" : "ERROR", r);
	} else {
		char *why = *problems ? xstrdup(problems) : telling_line(out);

		posting_say(r, "ERROR", "b4 am of the series as a local mbox%s: %s", status ? " failed" : "",
		    why);
		free(why);
	}
	free(problems);
out:
	free(found);
	free(out);
	free(mbox_path);
	free(out_dir);
	strbuf_release(&mbox);
	strvec_clear(&args);
	strvec_clear(&mbx);
	return ret;
}

/* git send-email --dry-run of every mail to an address that cannot exist: no mail is sent. */
/*
 * Whom send-email would send mail i to (its "RCPT TO:<addr>" lines, the
 * dry run's blocks ending "Result: OK") against its To: and Cc: (the
 * cover: every patch's): an intended address missing, or an RCPT that
 * is no address (an unquoted "Doe, John" becomes RCPT TO:<Doe>), is the
 * first problem, named (caller frees); NULL when they agree.
 */
static char *rcpt_mismatch(const char *out, const struct rev_result *r, size_t nr_mails)
{
	struct strvec blocks = STRVEC_INIT;
	char *problem = NULL;
	const char *p = out;

	for (const char *end; p && (end = strstr(p, "Result: OK")); p = end + 10)
		strvec_pushf(&blocks, "%.*s", (int)(end - p), p);
	for (size_t i = 0; i < blocks.nr && i < nr_mails && !problem; i++) {
		const struct strvec *to = i ? &r->patches[i - 1].to : &r->post.cover_to;
		const struct strvec *cc = i ? &r->patches[i - 1].cc : &r->post.cover_cc;
		struct strvec rcpt = STRVEC_INIT;

		if (i && i > r->nr_patches)
			break;
		for (const char *l = blocks.v[i]; (l = strstr(l, "RCPT TO:<")); l += 9) {
			const char *why;
			char *a = xstrndup(l + 9, strcspn(l + 9, ">\n")), *ok = address_parse(a, &why);

			if (!ok)
				problem = xstrfmt("mail %zu would go to RCPT TO:<%s>, which is no address "
						  "(%s)", i, a, why);
			free(ok);
			ok = address_key(a);
			strvec_push(&rcpt, ok);
			free(ok);
			free(a);
		}
		for (size_t k = 0; k < to->nr + cc->nr && !problem; k++) {
			const char *want = k < to->nr ? to->v[k] : cc->v[k - to->nr];
			char *key = address_key(want);

			if (!strvec_contains(&rcpt, key))
				problem = xstrfmt("mail %zu would not be sent to %s, though it is in its "
						  "%s:", i, want, k < to->nr ? "To" : "Cc");
			free(key);
		}
		strvec_clear(&rcpt);
	}
	strvec_clear(&blocks);
	return problem;
}

static void check_send_email(const char *dir, const char *config, const char *ident,
			     const struct strvec *mails, struct rev_result *r)
{
	struct strvec args = STRVEC_INIT;
	char *out = NULL, *exec = NULL, *tool, *mismatch;
	size_t ok;
	int status;

	run_capture(&exec, NULL, "git", "--exec-path", NULL);
	tool = xstrfmt("%.*s/git-send-email", exec ? (int)strcspn(exec, "\n") : 0, exec ? exec : "");
	free(exec);
	if (access(tool, X_OK)) {
		posting_say(r, "WARNING", "not checked by git send-email: it is not installed "
		    "(apt install git-email libmailtools-perl)");
		free(tool);
		return;
	}
	free(tool);
	strvec_pushl(&args, "git", "send-email", "--dry-run", "--confirm=never", "--no-annotate",
		     "--8bit-encoding=UTF-8", "--to=kseries-check@example.invalid", NULL);
	strvec_pushf(&args, "--from=%s", ident);
	strvec_pushv(&args, (const char *const *)mails->v);
	status = run_tool(dir, dir, config, &args, &out);
	ok = posting_count_ok(out);
	mismatch = !status && ok == mails->nr ? rcpt_mismatch(out, r, mails->nr) : NULL;
	if (mismatch)
		posting_say(r, "ERROR", "git send-email --dry-run: %s", mismatch);
	else if (!status && ok == mails->nr)
		posting_say(r, "ok", "git send-email --dry-run: %zu of %zu mails \"Result: OK\", each to the "
		    "addresses in its To: and Cc: (none sent)", ok, mails->nr);
	else {
		char *why = telling_line(out), *own = xstrfmt("valid address from: %s", ident);

		/* your own address, not the series: named, with the fix, not a failed series */
		if (strstr(why, own))
			posting_say(r, "WARNING", "git send-email --dry-run refuses your git identity %s: "
			    "it is not an address mail can be sent from; set user.email and run "
			    "again before posting", ident);
		else
			posting_say(r, "ERROR", "git send-email --dry-run: %zu of %zu mails OK%s: %s", ok,
			    mails->nr, status ? ", and it failed" : "", why);
		free(why);
		free(own);
	}
	free(mismatch);
	free(out);
	strvec_clear(&args);
}

/* The body of a mail: after the headers, up to the "---" before the diffstat. */
static int body_has(const char *text, const char *what)
{
	const char *body = strstr(text, "\n\n"), *end = body ? strstr(body, "\n---\n") : NULL;

	for (const char *p = body; p && (p = strstr(p, what)) && (!end || p < end); p++)
		if (p[-1] == '\n')
			return 1;
	return 0;
}

/* "[PATCH v2 03/13] mm/rmap: ..." has a subsystem prefix. */
static int subject_has_prefix(const char *subject)
{
	const char *s = strchr(subject, ']'), *colon;

	s = s ? s + 1 + strspn(s + 1, " ") : subject;
	colon = strstr(s, ": ");
	return colon && colon > s && !memchr(s, ' ', colon - s);
}

/* The rules netdev's patchwork applies to what arrives. */
static void check_form(const struct strvec *mails, int no_cc, struct rev_result *r)
{
	struct strvec no_sob = STRVEC_INIT, no_prefix = STRVEC_INIT;
	size_t nr = mails->nr - 1, cc_errors = 0;

	for (size_t i = 1; i < mails->nr; i++) {
		char *text = read_file(mails->v[i]), *subject = text ? mail_header(text, "Subject") : NULL;

		if (!text || !body_has(text, "Signed-off-by: "))
			strvec_pushf(&no_sob, "%02zu", i);
		/* named: "a subject lacks a prefix" alone sends the user hunting */
		if (!subject || !subject_has_prefix(subject))
			strvec_pushf(&no_prefix, "%02zu \"%s\"", i, subject ? subject : "(no subject)");
		free(subject);
		free(text);
	}
	if (nr > 15)
		posting_say(r, "WARNING", "%zu patches: netdev's patchwork flags a posting of more than 15; "
		    "post it in parts", nr);
	else
		posting_say(r, "ok", "%zu patches: at most 15 a posting", nr);
	if (no_sob.nr) {
		char *which = strvec_join(&no_sob, 20, " ");

		posting_say(r, "WARNING", "%zu of %zu patches have no Signed-off-by (%s): add --signoff; no "
		    "list takes a patch without its sender's", no_sob.nr, nr, which);
		free(which);
	} else {
		posting_say(r, "ok", "every patch has a Signed-off-by");
	}
	if (no_prefix.nr) {
		char *which = strvec_join(&no_prefix, 5, ", ");

		posting_say(r, "WARNING", "%zu subject%s no \"subsystem: \" prefix: %s", no_prefix.nr,
			    no_prefix.nr == 1 ? " has" : "s have", which);
		free(which);
	} else
		posting_say(r, "ok", "every subject has a subsystem prefix");
	for (size_t i = 0; i < r->nr_patches; i++)
		if (r->patches[i].cc_error) {
			posting_say(r, "WARNING", "%02zu: %s", i + 1, r->patches[i].cc_error);
			cc_errors++;
		}
	if (no_cc)
		posting_say(r, "WARNING", "the maintainers are not Cc'd (--no-cc)");
	else if (strncmp(r->post.recipients, "scripts/", 8))
		posting_say(r, "WARNING", "the maintainers are not Cc'd: %s", r->post.recipients);
	else if (!cc_errors)
		posting_say(r, "ok", "every patch goes to what get_maintainer.pl names for its files: "
		    "maintainers To:, reviewers and lists Cc: (%zu addresses in To:, %zu in Cc:, "
		    "%zu lists in all)", r->post.cover_to.nr, r->post.cover_cc.nr, r->post.lists.nr);
	strvec_clear(&no_sob);
	strvec_clear(&no_prefix);
}

int posting_checks(const char *wt, const struct strvec *mails, int no_cc, struct rev_result *r)
{
	struct strvec patches = STRVEC_INIT;
	char *dir = cleanup_scratch_dir(), *config = NULL, *ident = NULL;
	int ret = 0;

	check_form(mails, no_cc, r);
	strvec_pushv(&patches, (const char *const *)mails->v + 1);
	if (check_am(wt, "the patch files", &patches, "ERROR", r))
		ret = -1;
	if (!ret && (!dir || !(config = tool_config(wt, dir, &ident)))) {
		posting_say(r, "ERROR", "b4 and git send-email: cannot give them a configuration with your "
		    "identity (git var GIT_COMMITTER_IDENT)");
	} else if (!ret) {
		ret = check_b4(wt, dir, config, mails, r);
		check_send_email(dir, config, ident, mails, r);
	}
	if (dir)
		remove_tree(dir);
	free(dir);
	free(config);
	free(ident);
	strvec_clear(&patches);
	return ret ? -1 : r->post.check_errors;
}
