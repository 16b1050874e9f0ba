#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "lib/fileio.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "posting/address.h"
#include "posting/mailfile.h"

/* Where the header block ends: the blank line, or the end of text. */
static const char *headers_end(const char *text)
{
	const char *p = strstr(text, "\n\n");

	return p ? p + 1 : text + strlen(text);
}

char *mail_header(const char *text, const char *name)
{
	const char *end = headers_end(text), *p = text;
	size_t n = strlen(name);
	struct strbuf sb = STRBUF_INIT;

	while (p < end) {
		const char *nl = memchr(p, '\n', end - p);

		if (!nl)
			nl = end;
		if (!strncasecmp(p, name, n) && p[n] == ':') {
			const char *v = p + n + 1;

			/* the value and its continuation lines */
			for (;;) {
				while (v < nl && (*v == ' ' || *v == '\t'))
					v++;
				if (sb.len)
					strbuf_addch(&sb, ' ');
				strbuf_add(&sb, v, nl - v);
				if (nl + 1 >= end || (nl[1] != ' ' && nl[1] != '\t'))
					break;
				v = nl + 1;
				nl = memchr(v, '\n', end - v);
				if (!nl)
					nl = end;
			}
			return strbuf_detach(&sb);
		}
		p = nl + 1;
	}
	strbuf_release(&sb);
	return NULL;
}

char *mail_encode_entry(const char *entry)
{
	const char *lt = strrchr(entry, '<');
	const char *name = entry, *name_end = lt;
	struct strbuf sb = STRBUF_INIT;
	int ascii = 1;

	for (const char *p = entry; *p; p++)
		ascii &= !(*p & 0x80);
	if (ascii || !lt)
		return xstrdup(entry);
	while (name_end > name && name_end[-1] == ' ')
		name_end--;
	/* get_maintainer quotes names: the encoded word replaces the quotes */
	if (name_end - name >= 2 && *name == '"' && name_end[-1] == '"') {
		name++;
		name_end--;
	}
	strbuf_addstr(&sb, "=?UTF-8?q?");
	for (const char *p = name; p < name_end; p++) {
		unsigned char c = *p;

		if (c == ' ')
			strbuf_addch(&sb, '_');
		else if (c & 0x80 || c == '=' || c == '?' || c == '_' || c == '"')
			strbuf_addf(&sb, "=%02X", c);
		else
			strbuf_addch(&sb, c);
	}
	strbuf_addf(&sb, "?= %s", lt);
	return strbuf_detach(&sb);
}

/* The header block without the header name (and its continuation lines). */
static void drop_header(struct strbuf *sb, const char *text, const char *end, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = text; p < end;) {
		const char *nl = memchr(p, '\n', end - p);

		nl = nl ? nl + 1 : end;
		if (!strncasecmp(p, name, n) && p[n] == ':')
			while (nl < end && (*nl == ' ' || *nl == '\t')) {
				const char *more = memchr(nl, '\n', end - nl);

				nl = more ? more + 1 : end;
			}
		else
			strbuf_add(sb, p, nl - p);
		p = nl;
	}
}

/* "a, \"Doe, J\" <b>": the entries of a header, a comma in quotes or <> kept. */
static void split_addresses(struct strvec *out, const char *value)
{
	const char *start = value;
	int quoted = 0, angle = 0;

	for (const char *p = value;; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '<' && !quoted)
			angle = 1;
		else if (*p == '>' && !quoted)
			angle = 0;
		if (!*p || (*p == ',' && !quoted && !angle)) {
			const char *b = start, *e = p;

			while (b < e && (*b == ' ' || *b == '\t'))
				b++;
			while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
				e--;
			if (e > b)
				strvec_pushf(out, "%.*s", (int)(e - b), b);
			if (!*p)
				break;
			start = p + 1;
		}
	}
}

int mail_add_header(const char *path, const char *name, const struct strvec *addrs)
{
	char *text = read_file(path), *have;
	struct strvec all = STRVEC_INIT, old = STRVEC_INIT;
	struct address_list seen;
	struct strbuf sb = STRBUF_INIT;
	const char *end;
	size_t had = 0;
	int ret = 0;

	if (!text)
		return error_errno("cannot read %s", path);
	address_list_init(&seen, &old, 0);
	if ((have = mail_header(text, name))) {
		struct strvec had_list = STRVEC_INIT;

		split_addresses(&had_list, have);
		for (size_t i = 0; i < had_list.nr; i++)
			if (address_list_add(&seen, had_list.v[i]))
				strvec_push(&all, had_list.v[i]);
		strvec_clear(&had_list);
		free(have);
	}
	had = all.nr;
	for (size_t i = 0; i < addrs->nr; i++) {
		char *enc = mail_encode_entry(addrs->v[i]);

		if (address_list_add(&seen, enc))
			strvec_push(&all, enc);
		free(enc);
	}
	if (all.nr > had) {
		/* one header of the name: the one already there (format-patch's --to) is merged */
		end = headers_end(text);
		drop_header(&sb, text, end, name);
		if (sb.len && sb.buf[sb.len - 1] != '\n')
			strbuf_addch(&sb, '\n');
		strbuf_addf(&sb, "%s: ", name);
		for (size_t i = 0; i < all.nr; i++)
			strbuf_addf(&sb, "%s%s", i ? ",\n " : "", all.v[i]);
		strbuf_addch(&sb, '\n');
		strbuf_addstr(&sb, end);
		ret = replace_file(path, strbuf_str(&sb));
	}
	strbuf_release(&sb);
	strvec_clear(&all);
	address_list_clear(&seen);
	strvec_clear(&old);
	free(text);
	return ret;
}

/* Unfold the header name of text in place; 1 when it was folded. */
static int unfold_one(char *text, const char *name)
{
	char *end = (char *)headers_end(text), *key = xstrfmt("\n%s: ", name), *p, *nl;
	int changed = 0;

	p = !strncmp(text, key + 1, strlen(key) - 1) ? text : strstr(text, key);
	free(key);
	if (!p || p >= end)
		return 0;
	nl = strchr(p + 1, '\n');
	/* "\n <addr>" -> " <addr>": each continuation line of the header */
	while (nl && nl < end && (nl[1] == ' ' || nl[1] == '\t')) {
		size_t ws = strspn(nl + 1, " \t");

		*nl = ' ';
		memmove(nl + 1, nl + 1 + ws, strlen(nl + 1 + ws) + 1);
		end -= ws;
		nl = strchr(nl, '\n');
		changed = 1;
	}
	return changed;
}

int mail_unfold(const char *path)
{
	char *text = read_file(path);
	int changed, ret = 0;

	if (!text)
		return error_errno("cannot read %s", path);
	changed = unfold_one(text, "From") | unfold_one(text, "Subject");
	if (changed)
		ret = replace_file(path, text);
	free(text);
	return ret;
}
