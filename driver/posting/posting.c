#include <stdlib.h>
#include <string.h>
#include "core/worktree.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "posting/address.h"
#include "posting/mailfile.h"
#include "posting/posting.h"
#include "posting/posting_checks.h"
#include "posting/recipients.h"
#include "posting/reroll.h"
#include "posting/stable.h"

/* Each address checked before any work (exit 2), and kept as a header takes it (quoted). */
static void check_addresses(struct strvec *addrs, const char *option)
{
	for (size_t i = 0; i < addrs->nr; i++) {
		const char *why;
		char *addr = address_parse(addrs->v[i], &why);

		if (!addr)
			die("%s '%s' is not a mail address (%s): give one as addr@example.org or "
			    "'Name <addr@example.org>'", option, addrs->v[i], why);
		free(addrs->v[i]);
		addrs->v[i] = addr;
	}
}

void posting_check_opts(const char *repo, struct posting_opts *po, const struct strvec *revs)
{
	check_addresses(&po->to, "--to");
	check_addresses(&po->cc, "--cc");
	if (po->reroll < 0 || po->reroll == 1)
		die("--reroll-count %d: a reroll is version 2 or later", po->reroll);
	if ((po->previous || po->stable) && !repo)
		die("--%s needs a git repo: the kernel given is a plain folder",
		    po->previous ? "previous" : "stable");
	for (size_t i = 0; po->previous && i < revs->nr; i++) {
		struct previous_series p;

		if (previous_find(repo, po->previous, revs->v[i], &p))
			exit(2);
		if (po->reroll && po->reroll <= p.version)
			die("--reroll-count %d, but the series in %s is v%d already: give "
			    "--reroll-count %d", po->reroll, p.dir, p.version, p.version + 1);
		previous_clear(&p);
	}
	if (po->stable && !(po->stable_commit = git_resolve_commit(repo, po->stable)))
		die("--stable %s is not a revision of %s: give the upstream tag or branch the "
		    "patches come from (e.g. v4.13)", po->stable, repo);
}

int posting_load_upstream(const char *repo, const struct posting_opts *po, struct rev_result *r)
{
	if (!po->stable)
		return 0;
	r->post.stable = xstrdup(po->stable);
	return stable_upstream_log(repo, r->commit, po->stable_commit, &r->post.upstream_log);
}

char *posting_message(const struct rev_result *r, const char *subject, const char *message,
		      char **upstream)
{
	const char *sha = r->post.stable ? stable_counterpart(&r->post.upstream_log, subject) : NULL;

	*upstream = sha ? xstrdup(sha) : NULL;
	return sha ? stable_message(sha, message) : xstrdup(message);
}

/* The cover letter's list of upstream commits and of patches new for this tree. */
static void stable_section(const struct rev_result *r, struct strbuf *sb)
{
	size_t ups = 0;

	for (size_t i = 0; i < r->nr_patches; i++)
		ups += r->patches[i].upstream != NULL;
	strbuf_addf(sb, "Backport to %s: %zu of %zu patches are upstream commits of %s:\n",
		    r->post.base_describe, ups, r->nr_patches, r->post.stable);
	for (size_t i = 0; i < r->nr_patches; i++)
		if (r->patches[i].upstream)
			strbuf_addf(sb, "  %02zu/%02zu %.12s %s\n", i + 1, r->nr_patches,
				    r->patches[i].upstream, r->patches[i].subject);
	if (ups < r->nr_patches) {
		strbuf_addstr(sb, "New for this tree (no upstream commit has their subject):\n");
		for (size_t i = 0; i < r->nr_patches; i++)
			if (!r->patches[i].upstream)
				strbuf_addf(sb, "  %02zu/%02zu %s%s\n", i + 1, r->nr_patches,
					    r->patches[i].subject,
					    r->patches[i].catch_all ? " (a file upstream never had)" : "");
	}
}

/* range-diff of --previous against this run's series: the cover's "Changes since". */
static int reroll_section(const char *repo, const struct posting_opts *po, const char *rev_dir,
			  const char *head, struct rev_result *r, struct strbuf *sb)
{
	struct previous_series p;
	struct range_diff rd = { 0 };
	char *tmp = NULL, *old_head = NULL, *path = NULL, *section;
	int ret = previous_find(repo, po->previous, r->rev, &p);

	if (!ret && !(tmp = cleanup_scratch_dir()))
		ret = -1;
	if (!ret && mails_commit(repo, p.base, &p.patches, tmp, &old_head))
		ret = error("the series in %s does not apply on its own base %s: is it a kseries "
			    "output?", p.dir, p.base);
	if (!ret)
		ret = range_diff_run(repo, p.base, old_head, r->commit, head, r->nr_patches, &rd);
	if (!ret) {
		path = xstrfmt("%s/range-diff.txt", rev_dir);
		ret = write_file(path, rd.text ? rd.text : "");
		r->post.range_diff = xstrdup(rd.text ? rd.text : "");
		r->post.previous = xstrdup(p.dir);
		r->post.previous_version = p.version;
		strvec_pushv(&r->post.added, (const char *const *)rd.added.v);
		strvec_pushv(&r->post.dropped, (const char *const *)rd.dropped.v);
		strvec_pushv(&r->post.changed, (const char *const *)rd.changed.v);
		section = range_diff_section(&rd, p.version, r->nr_patches);
		strbuf_addstr(sb, section);
		if (strcmp(p.base, r->commit))
			strbuf_addf(sb, "- the base: %.12s then, %s (%.12s) now\n", p.base,
				    r->post.base_describe, r->commit);
		free(section);
	}
	if (tmp)
		remove_tree(tmp);
	free(tmp);
	free(old_head);
	free(path);
	range_diff_clear(&rd);
	previous_clear(&p);
	return ret;
}

int posting_prepare(const char *repo, const struct posting_opts *po, const char *rev_dir,
		    const char *head, struct rev_result *r, char **extra)
{
	struct strbuf sb = STRBUF_INIT;
	char *out = NULL;
	int ret = 0;

	run_capture(&out, NULL, "git", "-C", repo, "describe", "--tags", "--always", r->commit, NULL);
	r->post.base_describe = out && *out ? xstrndup(out, strcspn(out, "\n")) : xstrdup(r->commit);
	free(out);
	r->post.version = po->reroll;
	if (po->previous) {
		ret = reroll_section(repo, po, rev_dir, head, r, &sb);
		if (!r->post.version)
			r->post.version = r->post.previous_version + 1;
	}
	if (!r->post.version)
		r->post.version = 1;
	if (!ret && r->api_note) {
		if (sb.len)
			strbuf_addch(&sb, '\n');
		strbuf_addf(&sb, "Not ready: %s.\n", r->api_note);
	}
	if (!ret && po->stable) {
		if (sb.len)
			strbuf_addch(&sb, '\n');
		stable_section(r, &sb);
	}
	*extra = sb.len ? strbuf_detach(&sb) : NULL;
	strbuf_release(&sb);
	return ret;
}

void posting_filter_checkpatch(struct rev_result *r)
{
	for (size_t i = 0; i < r->nr_patches; i++) {
		struct patch_result *p = &r->patches[i];
		char *want;

		if (!p->upstream)
			continue;
		/* its suggestion names our own line: 'commit <12 chars> ("<subject>")' */
		want = xstrfmt("'commit %.12s (\"%s\")'", p->upstream, p->subject);
		for (size_t j = p->cp_messages.nr; j-- > 0;)
			if (strstr(p->cp_messages.v[j], "git commit description style") &&
			    strstr(p->cp_messages.v[j], want)) {
				strvec_remove(&p->cp_messages, j);
				p->cp_errors--;
				p->cp_stable_line = 1;
			}
		free(want);
	}
}

char *posting_subject_prefix(const struct posting_opts *po, const struct rev_result *r)
{
	return po->stable ? stable_subject_prefix(r->post.base_describe) : NULL;
}

/* What get_maintainer.pl gave that a header cannot take, named; and a mail over the cap. */
static void recipients_warnings(struct rev_result *r, size_t i, const struct recipients *rs,
				size_t over)
{
	for (size_t k = 0; k < rs->dropped.nr; k++)
		posting_say(r, "WARNING", "patch %zu: get_maintainer.pl's %s: left out", i + 1,
			    rs->dropped.v[k]);
	if (over)
		posting_say(r, "WARNING", "patch %zu: %zu addresses to Cc, more than %d: the first %d "
			    "are Cc'd, %zu left out", i + 1, ADDRESS_CAP + over, ADDRESS_CAP,
			    ADDRESS_CAP, over);
}

/* Each address once across a mail's To: and Cc:, To: first. */
struct mail_rcpt {
	struct address_list to, cc, seen;
	struct strvec seen_v;
};

static void rcpt_init(struct mail_rcpt *m, struct strvec *to, struct strvec *cc)
{
	m->seen_v = (struct strvec)STRVEC_INIT;
	address_list_init(&m->to, to, ADDRESS_CAP);
	address_list_init(&m->cc, cc, ADDRESS_CAP);
	address_list_init(&m->seen, &m->seen_v, 0);
}

static void rcpt_add(struct mail_rcpt *m, int to, const char *entry)
{
	if (address_list_add(&m->seen, entry))
		address_list_add(to ? &m->to : &m->cc, entry);
}

static void rcpt_clear(struct mail_rcpt *m)
{
	address_list_clear(&m->to);
	address_list_clear(&m->cc);
	address_list_clear(&m->seen);
	strvec_clear(&m->seen_v);
}

/*
 * One patch's recipients, as b4 prep --auto-to-cc splits them: --to and
 * the maintainers of its files To:, --cc, reviewers and lists Cc:, capped.
 */
static size_t patch_rcpt(const struct posting_opts *po, const struct recipients *rs, int found,
			 struct patch_result *p, struct address_list *lists)
{
	struct mail_rcpt m;
	size_t over;
	int lists_to;

	rcpt_init(&m, &p->to, &p->cc);
	for (size_t j = 0; j < po->to.nr; j++)
		rcpt_add(&m, 1, po->to.v[j]);
	for (size_t j = 0; found && j < rs->maintainers.nr; j++)
		rcpt_add(&m, 1, rs->maintainers.v[j]);
	/* no maintainer, no --to: its lists are its To:, as b4 send makes them */
	lists_to = !p->to.nr;
	for (size_t j = 0; j < po->cc.nr; j++)
		rcpt_add(&m, 0, po->cc.v[j]);
	for (size_t j = 0; found && j < rs->people.nr; j++)
		rcpt_add(&m, 0, rs->people.v[j]);
	for (size_t j = 0; found && j < rs->lists.nr; j++) {
		rcpt_add(&m, lists_to, rs->lists.v[j]);
		address_list_add(lists, rs->lists.v[j]);
	}
	over = m.to.over + m.cc.over;
	rcpt_clear(&m);
	return over;
}

/* Each patch's To: and Cc: headers; the cover letter gets them all, To: first. */
static int add_recipients(const struct posting_opts *po, const char *wt, const char *cover,
			  const struct strvec *patches, int jobs, struct rev_result *r)
{
	struct recipients *rs = xcalloc(patches->nr + 1, sizeof(*rs));
	struct address_list lists;
	struct mail_rcpt all;
	char *why = NULL, *note = NULL;
	int ret = 0, found = 0;

	rcpt_init(&all, &r->post.cover_to, &r->post.cover_cc);
	address_list_init(&lists, &r->post.lists, 0);
	if (po->no_cc)
		why = xstrdup("none looked up: --no-cc");
	else if (!recipients_run(wt, patches, rs, jobs, &why, &note))
		found = 1;
	r->post.recipients = found ? xstrfmt("scripts/get_maintainer.pl --no-git --no-git-fallback "
					     "of the tree%s%s%s", note ? " (" : "", note ? note : "",
					     note ? ")" : "") : why;
	free(note);
	if (found)
		free(why);
	for (size_t i = 0; i < patches->nr && i < r->nr_patches; i++)
		recipients_warnings(r, i, &rs[i], patch_rcpt(po, &rs[i], found, &r->patches[i], &lists));
	/* the cover: every patch's To:, then every patch's Cc: that is in no To: */
	for (size_t i = 0; i < patches->nr && i < r->nr_patches; i++)
		for (size_t j = 0; j < r->patches[i].to.nr; j++)
			rcpt_add(&all, 1, r->patches[i].to.v[j]);
	for (size_t i = 0; i < patches->nr && i < r->nr_patches; i++)
		for (size_t j = 0; j < r->patches[i].cc.nr; j++)
			rcpt_add(&all, 0, r->patches[i].cc.v[j]);
	for (size_t i = 0; i < patches->nr && i < r->nr_patches && !ret; i++) {
		struct patch_result *p = &r->patches[i];

		if (found && rs[i].error)
			p->cc_error = xstrdup(rs[i].error);
		if (found && !rs[i].error && !p->to.nr)
			posting_say(r, "WARNING", "patch %zu: no To: address: get_maintainer.pl names "
				    "no maintainer and no list of its files (--to ADDR gives one)", i + 1);
		else if (found && !rs[i].error && !rs[i].maintainers.nr && !po->to.nr)
			posting_say(r, "note", "patch %zu: get_maintainer.pl names no maintainer of its "
				    "files: its lists are its To:, as b4 send makes them (--to ADDR "
				    "gives one)", i + 1);
		ret = mail_add_header(patches->v[i], "To", &p->to);
		if (!ret)
			ret = mail_add_header(patches->v[i], "Cc", &p->cc);
		cleanup_check_signal();	/* a Ctrl-C between patches stops here, not at the end */
	}
	if (all.cc.over)
		posting_say(r, "WARNING", "the cover letter: %zu addresses to Cc, more than %d: the "
			    "first %d are Cc'd, %zu left out", ADDRESS_CAP + all.cc.over, ADDRESS_CAP,
			    ADDRESS_CAP, all.cc.over);
	if (all.to.over)
		posting_say(r, "WARNING", "the cover letter: %zu addresses in To:, more than %d: the "
			    "first %d are in To:, %zu left out", ADDRESS_CAP + all.to.over, ADDRESS_CAP,
			    ADDRESS_CAP, all.to.over);
	if (!ret)
		ret = mail_add_header(cover, "To", &r->post.cover_to);
	if (!ret)
		ret = mail_add_header(cover, "Cc", &r->post.cover_cc);
	rcpt_clear(&all);
	address_list_clear(&lists);
	for (size_t i = 0; i < patches->nr; i++)
		recipients_clear(&rs[i]);
	free(rs);
	return ret;
}

int posting_finish(const struct posting_opts *po, const char *wt, const char *cover,
		   const struct strvec *patches, int jobs, struct rev_result *r)
{
	struct strvec mails = STRVEC_INIT;
	int ret;

	info("[%s] posting: recipients, then the checks of git am, b4 and git send-email", r->rev);
	if (add_recipients(po, wt, cover, patches, jobs, r))
		return -1;
	strvec_push(&mails, cover);
	strvec_pushv(&mails, (const char *const *)patches->v);
	for (size_t i = 0; i < mails.nr; i++)
		if (mail_unfold(mails.v[i])) {
			strvec_clear(&mails);
			return -1;
		}
	ret = posting_checks(wt, &mails, po->no_cc, r);
	strvec_clear(&mails);
	return ret;
}

void posting_opts_clear(struct posting_opts *po)
{
	strvec_clear(&po->to);
	strvec_clear(&po->cc);
	free(po->stable_commit);
	po->stable_commit = NULL;
}
