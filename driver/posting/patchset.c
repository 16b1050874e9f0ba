#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "lib/wrap.h"
#include "posting/address.h"
#include "posting/patchset.h"

/* The seconds every commit and mail of the series is dated with (patchset_fix_date), or -1. */
static long long fixed_date = -1;

static int git(const char *wt, struct strvec *args, char **out)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	int ret;

	strvec_pushl(&cp.args, "git", "-C", wt, NULL);
	strvec_pushv(&cp.args, (const char *const *)args->v);
	if (fixed_date >= 0) {
		strvec_pushf(&cp.env, "GIT_AUTHOR_DATE=@%lld +0000", fixed_date);
		strvec_pushf(&cp.env, "GIT_COMMITTER_DATE=@%lld +0000", fixed_date);
	}
	cp.capture_out = cp.capture_err = 1;
	ret = run_command(&cp);
	if (ret) {
		size_t len = cp.err ? strlen(cp.err) : 0;

		while (len && cp.err[len - 1] == '\n')
			cp.err[--len] = '\0';
		error("git %s failed in %s: %s%s", args->v[0], wt, cp.err ? cp.err : "",
		      full_disk_hint(cp.err, wt));
	}
	if (out) {
		*out = cp.out;
		cp.out = NULL;
	}
	child_process_clear(&cp);
	return ret ? -1 : 0;
}

/* One line of git config's answer, trimmed (caller frees); NULL when unset. */
static char *config_value(const char *repo, const char *key)
{
	char *out = NULL;

	if (run_capture(&out, repo, "git", "config", key, NULL) || !out) {
		free(out);
		return NULL;
	}
	out[strcspn(out, "\n")] = '\0';
	return out;
}

int patchset_check_identity(const char *repo)
{
	char *name = config_value(repo, "user.name"), *email = config_value(repo, "user.email");
	const char *env_email = getenv("GIT_AUTHOR_EMAIL"), *why = NULL, *use;
	char *ok = NULL;
	int ret = 0;

	use = env_email && *env_email ? env_email : email;
	if ((!name || !*name || !use || !*use) &&
	    (!getenv("GIT_AUTHOR_NAME") || !env_email || !getenv("GIT_COMMITTER_NAME") ||
	     !getenv("GIT_COMMITTER_EMAIL")))
		ret = error("git does not know who you are, and the patches need an author: "
			    "git config --global user.name 'Your Name'; "
			    "git config --global user.email you@example.org");
	/* the author's address goes into every From: line: one the mail tools take, up front */
	else if (!(ok = address_parse(use, &why)))
		ret = error("your git identity's address '%s' is no mail address (%s): git config "
			    "--global user.email you@example.org", use, why);
	else
		for (const char *p = use; *p; p++)
			if (*p & 0x80) {
				warning("your git identity's address %s is not plain ASCII: the patches "
					"carry it, but many mail servers refuse it", use);
				break;
			}
	free(ok);
	free(name);
	free(email);
	return ret;
}

long long patchset_fix_date(const char *wt, const char *base)
{
	const char *env = getenv("SOURCE_DATE_EPOCH");
	char *out = NULL, *end;
	long long t = -1;

	if (env && *env) {
		t = strtoll(env, &end, 10);
		if (*end || t < 0) {
			warning("SOURCE_DATE_EPOCH=%s is no number of seconds: the base commit's date is used", env);
			t = -1;
		}
	}
	if (t < 0 && !run_capture(&out, wt, "git", "log", "-1", "--format=%ct", base, NULL) && out)
		t = strtoll(out, NULL, 10);
	free(out);
	fixed_date = t > 0 ? t : -1;
	return fixed_date;
}

/* format-patch's Message-Ids carry the time it ran: the fixed date instead, the same every run. */
static void fix_message_ids(const char *path)
{
	char *text = read_file(path), *stamp;
	struct strbuf sb = STRBUF_INIT;

	if (!text || fixed_date < 0) {
		free(text);
		return;
	}
	stamp = xstrfmt(".%lld.git.", fixed_date);
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		int header = !strncmp(p, "Message-Id: <", 13) || !strncmp(p, "In-Reply-To: <", 14) ||
			     !strncmp(p, "References: <", 13) || !strncmp(p, " <", 2);
		const char *dot = header ? memchr(p, '.', n) : NULL, *git = dot ? strstr(dot + 1, ".git.") : NULL;

		if (dot && git && git < p + n && (size_t)(git - dot - 1) == strspn(dot + 1, "0123456789")) {
			strbuf_add(&sb, p, (size_t)(dot - p));
			strbuf_addstr(&sb, stamp);
			strbuf_add(&sb, git + 5, (size_t)(p + n - git - 5));
		} else {
			strbuf_add(&sb, p, n);
		}
		if (p[n] == '\n')
			strbuf_addch(&sb, '\n');
		p += n + (p[n] == '\n');
	}
	write_file(path, strbuf_str(&sb));
	strbuf_release(&sb);
	free(stamp);
	free(text);
}

int patchset_commit(const char *wt, const struct strvec *files, const char *subject,
		    const char *message, const struct commit_as *as, int signoff)
{
	struct strvec args = STRVEC_INIT;
	char *body = wrap_text(message, 72);
	struct strbuf msg = STRBUF_INIT;
	char *msg_path = xstrfmt("%s/.git-kseries-msg", wt);
	int ret;

	strbuf_addf(&msg, "%s\n\n%s", subject, body);
	/* trailers as they are: wrap_text would join them into one paragraph */
	for (size_t i = 0; as && as->trailers && i < as->trailers->nr; i++)
		strbuf_addf(&msg, "%s%s\n", i ? "" : "\n", as->trailers->v[i]);
	/* -A: a hand edit may delete a file */
	strvec_pushl(&args, "add", "-A", "--", NULL);
	strvec_pushv(&args, (const char *const *)files->v);
	ret = git(wt, &args, NULL);
	strvec_clear(&args);
	if (!ret) {
		/* the message goes through a file: no shell, no argv length limit */
		ret = write_file(msg_path, strbuf_str(&msg));
		strvec_pushl(&args, "commit", "-q", "--no-verify", "-F", msg_path,
			     NULL);
		if (as && as->author)
			strvec_pushf(&args, "--author=%s", as->author);
		if (as && as->date)
			strvec_pushf(&args, "--date=%s", as->date);
		if (signoff)
			strvec_push(&args, "--signoff");
		if (!ret)
			ret = git(wt, &args, NULL);
		remove(msg_path);
		strvec_clear(&args);
	}
	strbuf_release(&msg);
	free(body);
	free(msg_path);
	return ret;
}

char *patchset_signoff_line(const char *wt)
{
	char *out = NULL, *gt, *line = NULL;

	/* "Name <addr> 1485950400 +0000": git's own committer identity */
	if (!run_capture(&out, wt, "git", "var", "GIT_COMMITTER_IDENT", NULL) && out &&
	    (gt = strrchr(out, '>')))
		line = xstrfmt("Signed-off-by: %.*s", (int)(gt + 1 - out), out);
	free(out);
	return line;
}

char *patchset_prefix_from_subjects(const char *subjects)
{
	struct strvec lines = STRVEC_INIT, prefixes = STRVEC_INIT;
	char *best = NULL;
	size_t best_n = 0;

	strvec_split_lines(&lines, subjects);
	for (size_t i = 0; i < lines.nr; i++) {
		const char *l = lines.v[i], *colon = strstr(l, ": ");
		size_t len = colon ? (size_t)(colon - l) : 0;

		/* "Revert", "Merge" and sentences are not prefixes */
		if (!len || len > 40 || memchr(l, ' ', len) || !strncmp(l, "Revert", 6) ||
		    !strncmp(l, "Merge", 5))
			continue;
		{
			char *prefix = xstrndup(l, len);

			strvec_push(&prefixes, prefix);
			free(prefix);
		}
	}
	for (size_t i = 0; i < prefixes.nr; i++) {
		size_t n = 0;

		for (size_t j = 0; j < prefixes.nr; j++)
			n += !strcmp(prefixes.v[i], prefixes.v[j]);
		if (n > best_n) {	/* ties: the most recent wins */
			best_n = n;
			best = prefixes.v[i];
		}
	}
	best = best ? xstrdup(best) : NULL;
	strvec_clear(&lines);
	strvec_clear(&prefixes);
	return best;
}

/* The manifest's prefix for file: the longest folder of prefixes ("FOLDER/", PREFIX rows) holding it. */
static char *manifest_prefix(const struct manifest_table *prefixes, const char *file)
{
	const char *best = NULL;
	size_t best_len = 0;

	for (size_t i = 0; prefixes && i < prefixes->rows; i++) {
		const char *dir = cell(prefixes, i, 0);
		size_t n = strlen(dir);

		if (n > best_len && !strncmp(file, dir, n) && (dir[n - 1] == '/' || file[n] == '/')) {
			best = cell(prefixes, i, 1);
			best_len = n;
		}
	}
	return best ? xstrdup(best) : NULL;
}

char *patchset_path_prefix(const char *file)
{
	const char *slash = strrchr(file, '/'), *start = file;

	if (!slash)
		return xstrdup(file);
	/* the path below drivers/ or arch/ names the subsystem: "nvme/host", "usb/host" */
	if (!strncmp(file, "drivers/", 8) || !strncmp(file, "arch/", 5))
		start = strchr(file, '/') + 1;
	if (start >= slash)
		start = file;
	return xstrndup(start, slash - start);
}

char *patchset_subject_prefix(const char *wt, const char *file,
			      const struct manifest_table *prefixes)
{
	char *out = NULL, *prefix = manifest_prefix(prefixes, file);

	if (prefix)
		return prefix;
	run_capture(&out, wt, "git", "log", "-n", "50", "--no-merges", "--format=%s", "--", file,
		    NULL);
	if (out)
		prefix = patchset_prefix_from_subjects(out);
	free(out);
	/* no usable history (a snapshot): where the file is, as a maintainer would say */
	return prefix ? prefix : patchset_path_prefix(file);
}

static char *replace_once(const char *text, const char *what, const char *with)
{
	const char *p = strstr(text, what);

	if (!p)
		return xstrdup(text);
	return xstrfmt("%.*s%s%s", (int)(p - text), text, with, p + strlen(what));
}

/* "0001-x.patch" or "v2-0001-x.patch": format-patch's names; the cover is number 0000. */
static int patch_number(const char *name)
{
	const char *p = name;
	size_t len = strlen(name);

	if (len < 11 || strcmp(name + len - 6, ".patch"))
		return -1;
	if (*p == 'v' && isdigit((unsigned char)p[1])) {
		p += strspn(p + 1, "0123456789") + 1;
		if (*p++ != '-')
			return -1;
	}
	if (strspn(p, "0123456789") != 4 || p[4] != '-')
		return -1;
	return atoi(p);
}

int patchset_list_dir(const char *dir, struct strvec *patches, int quiet)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return quiet ? -1 : error_errno("cannot read %s", dir);
	while ((e = readdir(d)))
		if (patch_number(e->d_name) > 0)
			strvec_pushf(patches, "%s/%s", dir, e->d_name);
	closedir(d);
	strvec_sort(patches);
	return 0;
}

int patchset_cover_in(const char *dir, char **cover)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	*cover = NULL;
	while (d && (e = readdir(d)) && !*cover)
		if (patch_number(e->d_name) == 0 && strstr(e->d_name, "-cover-letter.patch"))
			*cover = xstrfmt("%s/%s", dir, e->d_name);
	if (d)
		closedir(d);
	return *cover ? 0 : -1;
}

/* Our own words in place of git's placeholders in the cover letter. */
static int fill_cover(const char *path, const struct format_opts *fo)
{
	char *text = read_file(path), *t1, *t2, *blurb, *body;
	int ret;

	if (!text)
		return error_errno("cannot read %s", path);
	t1 = replace_once(text, "*** SUBJECT HERE ***", fo->cover_subject);
	if (fo->cover_build) {
		char *joined = xstrfmt("%s\n\n%s", fo->cover_blurb, fo->cover_build);

		blurb = wrap_text(joined, 72);
		free(joined);
	} else {
		blurb = wrap_text(fo->cover_blurb, 72);
	}
	/* the sections (changes since, upstream commits) are laid out already */
	body = xstrfmt("%s%s%s", blurb, fo->cover_extra ? "\n" : "",
		       fo->cover_extra ? fo->cover_extra : "");
	t2 = replace_once(t1, "*** BLURB HERE ***\n", body);
	ret = write_file(path, t2);
	free(text);
	free(t1);
	free(t2);
	free(blurb);
	free(body);
	return ret;
}

int patchset_cover_replace(const char *path, const char *old, const char *new_text)
{
	char *text = read_file(path), *o = wrap_text(old, 72), *n = wrap_text(new_text, 72), *t = NULL;
	int ret = -1;

	if (text && strstr(text, o)) {
		t = replace_once(text, o, n);
		ret = write_file(path, t);
	}
	free(text);
	free(t);
	free(o);
	free(n);
	return ret;
}

int patchset_cover_add(const char *path, const char *text)
{
	char *cover = read_file(path), *sig, *out;
	int ret;

	if (!cover)
		return error_errno("cannot read %s", path);
	sig = strstr(cover, "\n-- \n");
	out = sig ? xstrfmt("%.*s\n%s%s", (int)(sig - cover + 1), cover, text, sig + 1) :
		    xstrfmt("%s\n%s", cover, text);
	ret = write_file(path, out);
	free(out);
	free(cover);
	return ret;
}

int patchset_format(const char *wt, const char *outdir, const struct format_opts *fo,
		    struct strvec *patches, char **cover)
{
	struct strvec args = STRVEC_INIT, files = STRVEC_INIT;
	char *range = xstrfmt("%s..HEAD", fo->base), *out = NULL;
	int ret;

	*cover = NULL;
	/* --base: the cover letter's base-commit line tells b4 and git am -3 what it applies to */
	strvec_pushl(&args, "format-patch", "--cover-letter", "--thread=shallow", "-o", outdir, NULL);
	strvec_pushf(&args, "--base=%s", fo->base);
	if (fo->reroll > 1)
		strvec_pushf(&args, "--reroll-count=%d", fo->reroll);
	if (fo->subject_prefix)
		strvec_pushf(&args, "--subject-prefix=%s", fo->subject_prefix);
	for (size_t i = 0; fo->to && i < fo->to->nr; i++)
		strvec_pushf(&args, "--to=%s", fo->to->v[i]);
	strvec_push(&args, range);
	ret = git(wt, &args, &out);
	strvec_clear(&args);
	free(range);
	if (ret) {
		free(out);
		return -1;
	}
	strvec_split_lines(&files, out);
	free(out);
	for (size_t i = 0; i < files.nr && !ret; i++) {
		const char *name = strrchr(files.v[i], '/');

		fix_message_ids(files.v[i]);
		if (patch_number(name ? name + 1 : files.v[i]) == 0) {
			*cover = xstrdup(files.v[i]);
			ret = fill_cover(files.v[i], fo);
		} else {
			strvec_push(patches, files.v[i]);
		}
	}
	if (!*cover && files.nr)
		ret = error("git format-patch wrote no cover letter in %s", outdir);
	ret = ret ? -1 : (int)files.nr - 1;
	strvec_clear(&files);
	return ret;
}
