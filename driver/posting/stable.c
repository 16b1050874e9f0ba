#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "posting/stable.h"

int stable_upstream_log(const char *repo, const char *base, const char *upstream,
			struct strvec *log)
{
	char *out = NULL, *not_base = xstrfmt("^%s", base);
	int ret = run_capture(&out, NULL, "git", "-C", repo, "log", "--no-merges", "--format=%H%x09%s",
			      upstream, not_base, "--", NULL);

	if (ret)
		error("cannot read the history of %s in %s: %s", upstream, repo, run_capture_error());
	else
		strvec_split_lines(log, out ? out : "");
	free(out);
	free(not_base);
	return ret ? -1 : 0;
}

const char *stable_counterpart(const struct strvec *log, const char *subject)
{
	static char sha[64];

	for (size_t i = 0; i < log->nr; i++) {
		const char *tab = strchr(log->v[i], '\t');

		if (tab && !strcmp(tab + 1, subject) && (size_t)(tab - log->v[i]) < sizeof(sha)) {
			memcpy(sha, log->v[i], tab - log->v[i]);
			sha[tab - log->v[i]] = '\0';
			return sha;
		}
	}
	return NULL;
}

/* The lines of the message's last paragraph into trailers, when each is "Token: value". */
static void last_trailers(const char *msg, struct strvec *trailers)
{
	size_t len = strlen(msg);
	const char *para;
	struct strvec lines = STRVEC_INIT;

	while (len && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
		len--;
	for (para = msg + len; para > msg && !(para[-1] == '\n' && para - 1 > msg && para[-2] == '\n');
	     para--)
		;
	if (para == msg)
		return;	/* one paragraph: the subject, no trailers */
	{
		char *text = xstrndup(para, msg + len - para);

		strvec_split_lines(&lines, text);
		free(text);
	}
	for (size_t i = 0; i < lines.nr; i++) {
		const char *l = lines.v[i];
		size_t tok = strspn(l, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

		if (!tok || l[tok] != ':' || l[tok + 1] != ' ') {
			strvec_clear(trailers);
			break;
		}
		strvec_push(trailers, l);
	}
	strvec_clear(&lines);
}

int stable_origin_read(const char *repo, const char *sha, struct stable_origin *o)
{
	char *out = NULL, *nl1, *nl2;

	memset(o, 0, sizeof(*o));
	/* the author, its date, then the message: one line each before it */
	if (run_capture(&out, NULL, "git", "-C", repo, "log", "-1", "--format=%an <%ae>%n%ad%n%B",
			"--date=raw", sha, NULL) || !out || !(nl1 = strchr(out, '\n')) ||
	    !(nl2 = strchr(nl1 + 1, '\n'))) {
		free(out);
		return error("cannot read upstream commit %s in %s: %s", sha, repo, run_capture_error());
	}
	o->author = xstrndup(out, nl1 - out);
	o->date = xstrndup(nl1 + 1, nl2 - nl1 - 1);
	last_trailers(nl2 + 1, &o->trailers);
	free(out);
	return 0;
}

void stable_origin_clear(struct stable_origin *o)
{
	free(o->author);
	free(o->date);
	strvec_clear(&o->trailers);
	memset(o, 0, sizeof(*o));
}

/* Per file of a diff, its +/- lines (one string a file, "path\n" first). */
static void diff_by_file(const char *diff, struct strvec *paths, struct strvec *changes)
{
	struct strvec lines = STRVEC_INIT;
	struct strbuf sb = STRBUF_INIT;

	strvec_split_lines(&lines, diff ? diff : "");
	for (size_t i = 0; i <= lines.nr; i++) {
		const char *l = i < lines.nr ? lines.v[i] : "diff --git ";

		if (!strncmp(l, "diff --git ", 11)) {
			if (paths->nr > changes->nr)
				strvec_push(changes, strbuf_str(&sb));
			strbuf_reset(&sb);
			if (i < lines.nr && strstr(l, " b/"))
				strvec_push(paths, strstr(l, " b/") + 3);
		} else if (paths->nr > changes->nr && (*l == '+' || *l == '-') &&
			   strncmp(l, "+++ ", 4) && strncmp(l, "--- ", 4)) {
			strbuf_addstr(&sb, l);
			strbuf_addch(&sb, '\n');
		}
	}
	strvec_clear(&lines);
	strbuf_release(&sb);
}

void stable_backport_notes(const char *ours, const char *upstream, struct strvec *notes)
{
	struct strvec op = STRVEC_INIT, oc = STRVEC_INIT, up = STRVEC_INIT, uc = STRVEC_INIT;

	diff_by_file(ours, &op, &oc);
	diff_by_file(upstream, &up, &uc);
	for (size_t i = 0; i < op.nr; i++) {
		size_t j = 0;

		while (j < up.nr && strcmp(up.v[j], op.v[i]))
			j++;
		if (j == up.nr)
			strvec_pushf(notes, "[ kseries: %s is not in the upstream commit ]", op.v[i]);
		else if (strcmp(uc.v[j], oc.v[i]))
			strvec_pushf(notes, "[ kseries: %s differs from upstream ]", op.v[i]);
	}
	for (size_t j = 0; j < up.nr; j++)
		if (!strvec_contains(&op, up.v[j]))
			strvec_pushf(notes, "[ kseries: upstream also changes %s; this tree's patch "
				     "does not ]", up.v[j]);
	strvec_clear(&op);
	strvec_clear(&oc);
	strvec_clear(&up);
	strvec_clear(&uc);
}

char *stable_message(const char *sha, const char *message)
{
	return xstrfmt("commit %s upstream.\n\n%s", sha, message);
}

char *stable_subject_prefix(const char *describe)
{
	const char *p = describe;
	size_t major, minor;

	if (!p || *p != 'v' || !isdigit((unsigned char)p[1]))
		return NULL;
	major = strspn(p + 1, "0123456789");
	if (p[1 + major] != '.' || !isdigit((unsigned char)p[2 + major]))
		return NULL;
	minor = strspn(p + 2 + major, "0123456789");
	return xstrfmt("PATCH %.*s", (int)(major + 1 + minor), p + 1);
}
