/*
 * Mail addresses as a header takes them (RFC 5322's name-addr and
 * addr-spec, as git send-email and b4 read them): parsed, checked, the
 * display name quoted when it holds a special character, and kept in
 * lists de-duplicated by address in linear time, with a cap.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "posting/address.h"

/* RFC 5322 atext, and any byte of UTF-8 beyond ASCII (SMTPUTF8, names in UTF-8). */
static int atext(unsigned char c)
{
	return isalnum(c) || strchr("!#$%&'*+/=?^_`{|}~-", c) || c >= 0x80;
}

/* local@domain: dot-atoms on both sides, one '@'; 0 or -1 with *why. */
static int check_spec(const char *spec, size_t n, const char **why)
{
	const char *at = memchr(spec, '@', n);

	if (!at || memchr(at + 1, '@', n - (size_t)(at - spec) - 1)) {
		*why = at ? "more than one '@'" : "no '@'";
		return -1;
	}
	for (const char *p = spec; p < spec + n; p++) {
		int dot_ok = *p == '.' && p != spec && p != at + 1 && p + 1 != spec + n &&
			     p[1] != '.' && p[1] != '@' && p[-1] != '@';

		if (p != at && !atext((unsigned char)*p) && !dot_ok) {
			*why = *p == '.' ? "a '.' out of place" : "a character an address cannot hold";
			return -1;
		}
	}
	if (at == spec || at + 1 == spec + n) {
		*why = at == spec ? "nothing before the '@'" : "no domain after the '@'";
		return -1;
	}
	return 0;
}

/* The display name as a header takes it: quoted when it holds a special, else as it is. */
static void add_name(struct strbuf *sb, const char *name, size_t n)
{
	int quoted = n >= 2 && name[0] == '"' && name[n - 1] == '"', special = 0;

	for (size_t i = 0; i < n && !quoted; i++)
		special |= !!strchr("()<>[]:;@\\,.\"", name[i]);
	if (quoted || !special) {
		strbuf_add(sb, name, n);
		return;
	}
	strbuf_addch(sb, '"');
	for (size_t i = 0; i < n; i++) {
		if (name[i] == '"' || name[i] == '\\')
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, name[i]);
	}
	strbuf_addch(sb, '"');
}

char *address_parse(const char *text, const char **why)
{
	const char *s = text + strspn(text, " "), *lt, *gt, *spec;
	size_t n = strlen(s), spec_n;
	struct strbuf sb = STRBUF_INIT;

	while (n && s[n - 1] == ' ')
		n--;
	for (const char *p = text; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			/* a CR or LF would end the header: a Bcc: line of the sender's choosing */
			*why = "a control character (a line break would start another header)";
			return NULL;
		}
	lt = memchr(s, '<', n);
	gt = lt ? memchr(lt, '>', n - (size_t)(lt - s)) : NULL;
	if (lt && (!gt || gt != s + n - 1)) {
		*why = "a '<' without its '>' at the end";
		return NULL;
	}
	spec = lt ? lt + 1 : s;
	spec_n = lt ? (size_t)(gt - lt - 1) : n;
	if (!n || check_spec(spec, spec_n, why)) {
		if (!n)
			*why = "nothing";
		return NULL;
	}
	if (lt) {
		size_t name_n = (size_t)(lt - s);

		while (name_n && s[name_n - 1] == ' ')
			name_n--;
		if (name_n) {
			add_name(&sb, s, name_n);
			strbuf_addch(&sb, ' ');
		}
		strbuf_addch(&sb, '<');
		strbuf_add(&sb, spec, spec_n);
		strbuf_addch(&sb, '>');
	} else {
		strbuf_add(&sb, spec, spec_n);
	}
	return strbuf_detach(&sb);
}

char *address_key(const char *entry)
{
	const char *lt = strrchr(entry, '<'), *gt = lt ? strchr(lt, '>') : NULL;
	char *addr = lt && gt ? xstrndup(lt + 1, (size_t)(gt - lt - 1)) : xstrdup(entry);

	for (char *p = addr; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return addr;
}

static unsigned long hash(const char *s)
{
	unsigned long h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The slot of key in keys (cap a power of two): where it is, or the empty one it would take. */
static size_t slot(char *const *keys, size_t cap, const char *key)
{
	size_t k = hash(key) & (cap - 1);

	while (keys[k] && strcmp(keys[k], key))
		k = (k + 1) & (cap - 1);
	return k;
}

/* 1 when key (taken over) was in the set already; else it is added: 0. Open addressing. */
static int seen(struct address_list *l, char *key)
{
	size_t k;

	if (2 * (l->nr_keys + 1) > l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		char **keys = xcalloc(cap, sizeof(*keys));

		for (size_t i = 0; i < l->cap; i++)
			if (l->keys[i])
				keys[slot(keys, cap, l->keys[i])] = l->keys[i];
		free(l->keys);
		l->keys = keys;
		l->cap = cap;
	}
	k = slot(l->keys, l->cap, key);
	if (l->keys[k]) {
		free(key);
		return 1;
	}
	l->keys[k] = key;
	l->nr_keys++;
	return 0;
}

int address_list_add(struct address_list *l, const char *entry)
{
	if (seen(l, address_key(entry)))
		return 0;
	if (l->max && l->entries->nr >= l->max) {
		l->over++;	/* counted, not kept: the cap */
		return 0;
	}
	strvec_push(l->entries, entry);
	return 1;
}

void address_list_init(struct address_list *l, struct strvec *entries, size_t max)
{
	memset(l, 0, sizeof(*l));
	l->entries = entries;
	l->max = max;
	for (size_t i = 0; i < entries->nr; i++)
		seen(l, address_key(entries->v[i]));
}

void address_list_clear(struct address_list *l)
{
	for (size_t i = 0; i < l->cap; i++)
		free(l->keys[i]);
	free(l->keys);
	memset(l, 0, sizeof(*l));
}
