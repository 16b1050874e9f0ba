#include <stdlib.h>
#include <string.h>
#include "core/cwords.h"
#include "lib/usage.h"
#include "rules/uses.h"

struct scan {
	const char *file, *text;
	const struct strvec *tokens, *findings;
	const struct parse_failure *f;
	size_t nr;
	struct strvec *left;
	long last_line;		/* one residual per identifier and line */
	struct strvec on_line;
};

/*
 * The token as whole words of the identifier, between its ends or '_':
 * gadget_put_page and put_page_locked hold put_page, put_pages does not
 * (the API that replaces it).
 */
static int holds_token(const struct cword *w, const struct strvec *tokens)
{
	for (size_t t = 0; t < tokens->nr; t++) {
		size_t n = strlen(tokens->v[t]);

		for (size_t i = 0; n && i + n <= w->len; i++)
			if (!memcmp(w->start + i, tokens->v[t], n) &&
			    (i == 0 || w->start[i - 1] == '_') &&
			    (i + n == w->len || w->start[i + n] == '_'))
				return 1;
	}
	return 0;
}

static int unparsed(const struct scan *s, long line)
{
	for (size_t i = 0; i < s->nr; i++)
		if (!strcmp(s->f[i].file, s->file) && line >= s->f[i].first && line <= s->f[i].last)
			return 1;
	return 0;
}

/* a finding "FILE:LINE:..." on this line: the report already names that use */
static int found_on(const struct scan *s, long line)
{
	char *prefix = xstrfmt("%s:%ld:", s->file, line);
	int found = 0;

	for (size_t i = 0; i < s->findings->nr && !found; i++)
		found = !strncmp(s->findings->v[i], prefix, strlen(prefix));
	free(prefix);
	return found;
}

static int one_word(const struct cword *w, void *data)
{
	struct scan *s = data;
	const char *why = NULL, *bol = w->start;
	char *word;

	if (!holds_token(w, s->tokens))
		return 0;
	if (unparsed(s, w->line))
		why = "spatch cannot parse this code";
	else if (w->in_define && !found_on(s, w->line))
		why = "in a macro body no rule rewrote";
	if (!why)
		return 0;
	if (w->line != s->last_line) {
		strvec_clear(&s->on_line);
		s->last_line = w->line;
	}
	word = xstrfmt("%.*s", (int)w->len, w->start);
	if (!strvec_contains(&s->on_line, word)) {
		while (bol > s->text && bol[-1] != '\n')
			bol--;
		strvec_push(&s->on_line, word);
		strvec_pushf(s->left, "%s:%ld:%ld: not converted: %s (%s)", s->file, w->line,
			     (long)(w->start - bol), why, word);
	}
	free(word);
	return 0;
}

void uses_left_in(const char *file, const char *text, const struct strvec *tokens,
		  const struct parse_failure *f, size_t nr, const struct strvec *findings,
		  struct strvec *left)
{
	struct scan s = { file, text, tokens, findings, f, nr, left, 0, STRVEC_INIT };

	cwords_each(text, one_word, &s);
	strvec_clear(&s.on_line);
}
