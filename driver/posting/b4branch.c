#include <ctype.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "core/cache.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "posting/b4branch.h"
#include "posting/mailfile.h"

/* b4 0.12's marker between the cover letter and its tracking JSON (ez.py MAGIC_MARKER) */
#define B4_MARKER "--- b4-submit-tracking ---"

/* "Demo Maintainer (10):" followed by an indented subject: git shortlog's first line. */
static int shortlog_start(const char *l)
{
	const char *nl = strchr(l, '\n'), *open;

	if (!nl || isspace((unsigned char)*l) || nl - l < 5 || strncmp(nl - 2, "):", 2) ||
	    strncmp(nl + 1, "  ", 2))
		return 0;
	open = memrchr(l, '(', nl - l);
	if (!open || open == l || open[-1] != ' ')
		return 0;
	for (const char *p = open + 1; p < nl - 2; p++)
		if (!isdigit((unsigned char)*p))
			return 0;
	return open + 1 < nl - 2;
}

/* The blurb: the body up to the shortlog (b4 writes its own shortlog, diffstat and base). */
static void add_blurb(struct strbuf *sb, const char *body)
{
	const char *end = body;

	while (*end && !shortlog_start(end) && strncmp(end, "base-commit:", 12)) {
		const char *nl = strchr(end, '\n');

		end = nl ? nl + 1 : end + strlen(end);
	}
	while (end > body && (end[-1] == '\n' || end[-1] == ' '))
		end--;
	strbuf_add(sb, body, end - body);
}

/* The tracking section b4 prep reads back (load_cover: the JSON after the marker). */
static void add_tracking(struct strbuf *sb, const struct b4_branch *b, const char *change_id)
{
	json_t *series = json_object(), *top = json_object(), *prefixes = json_array();
	const char *p = b->subject_prefix ? b->subject_prefix : "";
	char *text;

	/* "PATCH 4.9": b4 writes PATCH itself; the rest are its prefixes */
	while (*p) {
		size_t n = strcspn(p, " ");

		if (n && strncmp(p, "PATCH", n))
			json_array_append_new(prefixes, json_stringn(p, n));
		p += n + strspn(p + n, " ");
	}
	json_object_set_new(series, "revision", json_integer(b->version > 0 ? b->version : 1));
	json_object_set_new(series, "change-id", json_string(change_id));
	json_object_set_new(series, "base-branch", json_null());
	json_object_set_new(series, "prefixes", prefixes);
	json_object_set_new(top, "series", series);
	text = json_dumps(top, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	strbuf_addf(sb, "\n\n" B4_MARKER "\n# This section is used internally by b4 prep for "
		    "tracking purposes.\n%s\n", text ? text : "{}");
	free(text);
	json_decref(top);
}

char *b4_cover_message(const char *cover_text, const struct b4_branch *b, const char *change_id)
{
	struct strbuf sb = STRBUF_INIT;
	char *subject = mail_header(cover_text, "Subject");
	const char *s = subject ? subject : "", *body = strstr(cover_text, "\n\n");

	/* "[PATCH v2 00/10] mm: x": b4 adds its own prefix and count */
	if (*s == '[' && strchr(s, ']'))
		s = strchr(s, ']') + 1 + strspn(strchr(s, ']') + 1, " ");
	strbuf_addf(&sb, "%s\n\n", s);
	add_blurb(&sb, body ? body + 2 : "");
	if (b->to->nr || b->cc->nr)
		strbuf_addstr(&sb, "\n");
	for (size_t i = 0; i < b->to->nr + b->cc->nr; i++)
		strbuf_addf(&sb, "\n%s: %s", i < b->to->nr ? "To" : "Cc",
			    i < b->to->nr ? b->to->v[i] : b->cc->v[i - b->to->nr]);
	add_tracking(&sb, b, change_id);
	free(subject);
	return strbuf_detach(&sb);
}

/* "1485950400 +0000" of a commit's "author Name <addr> 1485950400 +0000" line, and the rest. */
static int author_env(const char *raw, struct strvec *env)
{
	const char *a = strstr(raw, "\nauthor "), *lt, *gt, *nl;

	if (!a || !(nl = strchr(a + 8, '\n')) || !(lt = memchr(a, '<', nl - a)) ||
	    !(gt = memchr(lt, '>', nl - lt)))
		return -1;
	a += 8;
	strvec_pushf(env, "GIT_AUTHOR_NAME=%.*s", (int)(lt - a > 0 ? lt - a - 1 : 0), a);
	strvec_pushf(env, "GIT_AUTHOR_EMAIL=%.*s", (int)(gt - lt - 1), lt + 1);
	strvec_pushf(env, "GIT_AUTHOR_DATE=@%.*s", (int)(nl - gt - 2), gt + 2);
	return 0;
}

/* git commit-tree TREE -p PARENT with message (and env); the new commit's sha, or NULL. */
static char *commit_tree(const char *wt, const char *scratch, const char *tree, const char *parent,
			 const char *message, const struct strvec *env)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	char *msg = xstrfmt("%s/message", scratch), *sha = NULL;

	if (write_file(msg, message)) {
		free(msg);
		return NULL;
	}
	strvec_pushl(&cp.args, "git", "-C", wt, "commit-tree", tree, "-p", parent, "-F", msg, NULL);
	if (env)
		strvec_pushv(&cp.env, (const char *const *)env->v);
	cp.capture_out = cp.capture_err = 1;
	if (!run_command(&cp) && cp.out) {
		cp.out[strcspn(cp.out, "\n")] = '\0';
		sha = xstrdup(cp.out);
	} else
		error("git commit-tree failed in %s: %.*s", wt, cp.err ? (int)strcspn(cp.err, "\n") : 0,
		      cp.err ? cp.err : "");
	child_process_clear(&cp);
	free(msg);
	return sha;
}

/* Each commit of base..head again on top of parent, as it was but committed now. */
static char *copy_commits(const struct b4_branch *b, const char *scratch, char *parent)
{
	char *list = NULL, *range = xstrfmt("%s..%s", b->base, b->head);
	struct strvec shas = STRVEC_INIT;

	if (run_capture(&list, b->wt, "git", "rev-list", "--reverse", range, NULL)) {
		error("cannot list the series' commits in %s: %s", b->wt, run_capture_error());
		free(parent);
		parent = NULL;
	}
	strvec_split_lines(&shas, list ? list : "");
	for (size_t i = 0; parent && i < shas.nr; i++) {
		char *raw = NULL, *tree = xstrfmt("%s^{tree}", shas.v[i]), *next = NULL;
		struct strvec env = STRVEC_INIT;
		const char *msg;

		if (!run_capture(&raw, b->wt, "git", "cat-file", "commit", shas.v[i], NULL) &&
		    raw && (msg = strstr(raw, "\n\n")) && !author_env(raw, &env))
			next = commit_tree(b->wt, scratch, tree, parent, msg + 2, &env);
		else
			error("cannot read commit %s in %s", shas.v[i], b->wt);
		strvec_clear(&env);
		free(tree);
		free(raw);
		free(parent);
		parent = next;
	}
	strvec_clear(&shas);
	free(list);
	free(range);
	return parent;
}

/* 20170201-mmu-notifier-kill-invalidate-page-callback-<12 hex>: one series, one id. */
static char *change_id(const struct b4_branch *b, const char *subject)
{
	struct strbuf slug = STRBUF_INIT;
	/* the same base and subject give the same id: a reroll stays the same series */
	const char *seed[] = { b->base, subject };
	char *date = NULL, *hash = cache_hash(seed, 2), *id;

	for (const char *p = subject; *p && slug.len < 40; p++)
		if (isalnum((unsigned char)*p))
			strbuf_addch(&slug, tolower((unsigned char)*p));
		else if (slug.len && slug.buf[slug.len - 1] != '-')
			strbuf_addch(&slug, '-');
	/* cut at the last whole word, as b4's slugs are */
	if (slug.len >= 40 && strrchr(slug.buf, '-'))
		slug.buf[slug.len = strrchr(slug.buf, '-') - slug.buf] = '\0';
	while (slug.len && slug.buf[slug.len - 1] == '-')
		slug.buf[--slug.len] = '\0';
	run_capture(&date, b->wt, "git", "log", "-1", "--format=%ad", "--date=format:%Y%m%d",
		    b->base, NULL);
	id = xstrfmt("%.8s-%s-%.12s", date ? date : "00000000", slug.len ? slug.buf : "series",
		     hash);
	strbuf_release(&slug);
	free(date);
	free(hash);
	return id;
}

int b4_branch_make(const struct b4_branch *b)
{
	char *text = read_file(b->cover), *scratch = cleanup_scratch_dir(), *subject = NULL;
	char *message = NULL, *id = NULL, *tip = NULL, *tree = xstrfmt("%s^{tree}", b->base);
	char *key = xstrfmt("branch.%s.b4-prep-cover-strategy", b->branch), *out = NULL;
	int ret = -1;

	if (!text || !scratch) {
		error("cannot read the cover letter %s for the b4 branch", b->cover);
		goto out;
	}
	subject = mail_header(text, "Subject");
	id = change_id(b, subject && strchr(subject, ']') ? strchr(subject, ']') + 1 : "series");
	message = b4_cover_message(text, b, id);
	tip = commit_tree(b->wt, scratch, tree, b->base, message, NULL);
	if (tip)
		tip = copy_commits(b, scratch, tip);
	if (!tip)
		goto out;
	if (run_capture(&out, NULL, "git", "-C", b->repo, "branch", b->branch, tip, NULL)) {
		error("cannot create branch %s in %s: does it exist already? (%s)", b->branch, b->repo,
		      run_capture_error());
		goto out;
	}
	free(out);
	out = NULL;
	/* b4 reads its cover strategy from the branch's config; without it, its default */
	if (run_capture(&out, NULL, "git", "-C", b->repo, "config", key, "commit", NULL)) {
		error("cannot set %s in %s: %s", key, b->repo, run_capture_error());
		goto out;
	}
	ret = 0;
out:
	if (scratch)
		cleanup_now(NULL, NULL, scratch);
	free(scratch);
	free(out);
	free(key);
	free(tree);
	free(tip);
	free(message);
	free(id);
	free(subject);
	free(text);
	return ret;
}
