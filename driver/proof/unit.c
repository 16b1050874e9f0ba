/*
 * A unit cut into items (unit.h). The text is gcc's: comments kept, each
 * #define on one line, a line marker wherever the lines jump; so a small
 * scanner suffices. An item's text is hashed token by token, with one space
 * where the source had any, so a moved or re-indented item hashes the same.
 */
#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "lib/paths.h"
#include "lib/usage.h"
#include "proof/unit.h"

enum tok_kind { TOK_ID, TOK_PUNCT, TOK_OTHER };

struct tok {
	enum tok_kind kind;
	size_t id;		/* TOK_ID */
	char c;			/* TOK_PUNCT */
	int paren, brace;	/* the depths it sits at */
};

struct parser {
	struct unit *u;
	const char *o_dir;
	char *wt_real;
	size_t *marker_file;	/* [marker path id]: files id + 1, or SIZE_MAX outside the tree */
	size_t nr_marker_file;
	struct intern markers;
	const char *file;
	long line;
	int space;		/* whitespace or a comment since the last token */
	unsigned char *is_macro; /* [id] */
	size_t nr_is_macro;
	/* the C item being read */
	struct tok *toks;
	size_t nr_toks, alloc_toks;
	size_t *refs;
	size_t nr_refs, alloc_refs;
	unsigned long long hash;
	const char *ifile;
	long ifirst;
	int paren, brace, is_function;
	long pending_macro;	/* a macro whose last line the next marker gives, or -1 */
};

static void hash_add(unsigned long long *h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		*h = (*h ^ (unsigned char)s[i]) * 1099511628211ull;
}

static void *grow(void *v, size_t *alloc, size_t need, size_t size)
{
	if (need <= *alloc)
		return v;
	*alloc = need < 16 ? 16 : 2 * need;
	return xrealloc(v, *alloc * size);
}

static int is_id_char(int c)
{
	return isalnum(c) || c == '_' || c == '$';
}

static const char *const not_names[] = {
	"__attribute__", "__attribute", "__declspec", "asm", "__asm__", "__asm", "typeof",
	"__typeof__", "__typeof", "sizeof", "_Alignas", "_Static_assert", "int", "char", "void",
	"long", "short", "unsigned", "signed", "const", "volatile", "static", "extern", "inline",
	"__inline__", "__inline", "struct", "union", "enum", "typedef", "register", "restrict",
	"__restrict", "_Bool", "float", "double", "auto", "__volatile__", "__const", "__extension__",
	"__signed__", "return", NULL
};

static int not_a_name(const struct parser *p, size_t id)
{
	const char *s = p->u->ids.names[id];

	if (id < p->nr_is_macro && p->is_macro[id])
		return 1;
	for (size_t i = 0; not_names[i]; i++)
		if (!strcmp(s, not_names[i]))
			return 1;
	return 0;
}

static int tok_is(const struct parser *p, size_t i, char c)
{
	return i < p->nr_toks && p->toks[i].kind == TOK_PUNCT && p->toks[i].c == c;
}

static int tok_word(const struct parser *p, size_t i, const char *w)
{
	return i < p->nr_toks && p->toks[i].kind == TOK_ID && !strcmp(p->u->ids.names[p->toks[i].id], w);
}

static void add_name(struct unit_item *it, size_t id)
{
	for (size_t i = 0; i < it->nr_names; i++)
		if (it->names[i] == id)
			return;
	it->names = xrealloc(it->names, (it->nr_names + 1) * sizeof(*it->names));
	it->names[it->nr_names++] = id;
}

/* A function definition: the first name called at the top of its head. */
static void function_name(const struct parser *p, struct unit_item *it)
{
	for (size_t i = 0; i + 1 < p->nr_toks && p->toks[i].brace == 0; i++)
		if (p->toks[i].kind == TOK_ID && !p->toks[i].paren && tok_is(p, i + 1, '(') &&
		    !tok_is(p, i + 2, '(') && !not_a_name(p, p->toks[i].id)) {
			add_name(it, p->toks[i].id);
			return;
		}
}

/*
 * A declaration's names: a tag, what each declarator declares ("x" of
 * "int x = 1, *y;", "fp" of "void (*fp)(void)", a prototype's function),
 * an enum's constants.
 */
static void decl_names(const struct parser *p, struct unit_item *it)
{
	int is_enum = 0;

	for (size_t i = 0; i < p->nr_toks; i++) {
		const struct tok *t = &p->toks[i];

		if (t->kind != TOK_ID)
			continue;
		if (!t->brace && tok_word(p, i, "enum"))
			is_enum = 1;
		/* "struct x {", "struct x;" define the tag; "struct x *p" only names it */
		if (!t->brace && i && (tok_word(p, i - 1, "struct") || tok_word(p, i - 1, "union") ||
				       tok_word(p, i - 1, "enum"))) {
			if (!t->paren && (tok_is(p, i + 1, '{') || tok_is(p, i + 1, ';')))
				add_name(it, t->id);
			continue;
		}
		if (not_a_name(p, t->id))
			continue;
		if (is_enum && t->brace == 1 && !t->paren && (tok_is(p, i - 1, '{') || tok_is(p, i - 1, ',')))
			add_name(it, t->id);
		if (t->brace)
			continue;
		if (!t->paren && (tok_is(p, i + 1, '(') || tok_is(p, i + 1, '=') || tok_is(p, i + 1, '[') ||
				  tok_is(p, i + 1, ';') || tok_is(p, i + 1, ',') ||
				  tok_word(p, i + 1, "__attribute__")))
			add_name(it, t->id);
		else if (t->paren == 1 && i >= 2 && tok_is(p, i - 2, '(') && tok_is(p, i - 1, '*') &&
			 tok_is(p, i + 1, ')'))
			add_name(it, t->id);
	}
}

static struct unit_item *new_item(struct unit *u, enum unit_kind kind, const char *file, long first,
				  long last, unsigned long long hash)
{
	struct unit_item *it;

	u->items = grow(u->items, &u->alloc, u->nr + 1, sizeof(*u->items));
	it = &u->items[u->nr++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->file = file;
	it->first = first;
	it->last = last < first ? first : last;
	it->hash = hash;
	return it;
}

static void end_item(struct parser *p)
{
	struct unit_item *it;

	if (!p->nr_toks)
		return;
	it = new_item(p->u, p->is_function ? UNIT_FUNCTION : UNIT_DECL, p->ifile, p->ifirst, p->line,
		      p->hash);
	if (p->is_function)
		function_name(p, it);
	else
		decl_names(p, it);
	it->refs = xmalloc((p->nr_refs + 1) * sizeof(*it->refs));
	memcpy(it->refs, p->refs, p->nr_refs * sizeof(*it->refs));
	it->nr_refs = p->nr_refs;
	p->nr_toks = p->nr_refs = 0;
	p->paren = p->brace = p->is_function = 0;
	p->hash = 14695981039346656037ull;
}

/* Each identifier once per item: a linear look suffices, items name few. */
static void add_ref(size_t **refs, size_t *nr, size_t *alloc, size_t id)
{
	for (size_t i = *nr; i-- > 0 && *nr - i <= 64;)
		if ((*refs)[i] == id)
			return;
	*refs = grow(*refs, alloc, *nr + 1, sizeof(**refs));
	(*refs)[(*nr)++] = id;
}

static void token(struct parser *p, enum tok_kind kind, const char *s, size_t n)
{
	struct tok *t;

	if (!p->nr_toks) {
		p->ifile = p->file;
		p->ifirst = p->line;
	} else if (p->space) {
		hash_add(&p->hash, " ", 1);
	}
	p->space = 0;
	p->pending_macro = -1;
	hash_add(&p->hash, s, n);
	p->toks = grow(p->toks, &p->alloc_toks, p->nr_toks + 1, sizeof(*p->toks));
	t = &p->toks[p->nr_toks++];
	t->kind = kind;
	t->c = *s;
	t->paren = p->paren;
	t->brace = p->brace;
	t->id = 0;
	if (kind == TOK_ID) {
		t->id = intern_id(&p->u->ids, s, n);
		add_ref(&p->refs, &p->nr_refs, &p->alloc_refs, t->id);
	}
	if (kind != TOK_PUNCT)
		return;
	switch (*s) {
	case '(':
	case '[':
		p->paren++;
		break;
	case ')':
	case ']':
		p->paren -= p->paren > 0;
		break;
	case '{':
		/* "f(...) {" opens a function; "= {", "struct x {" do not */
		if (!p->brace && !p->paren && p->nr_toks >= 2 && tok_is(p, p->nr_toks - 2, ')') &&
		    !(tok_word(p, 0, "struct") || tok_word(p, 0, "union") || tok_word(p, 0, "enum") ||
		      tok_word(p, 0, "typedef")))
			p->is_function = 1;
		p->brace++;
		break;
	case '}':
		p->brace -= p->brace > 0;
		if (!p->brace && p->is_function)
			end_item(p);
		break;
	case ';':
		if (!p->brace && !p->paren)
			end_item(p);
		break;
	}
}

/* The tree-relative path of a line marker's path, or NULL outside the tree. */
static const char *marker_path(struct parser *p, const char *s, size_t n)
{
	size_t id = intern_id(&p->markers, s, n);

	if (id == p->nr_marker_file) {
		char *key = xstrndup(s, n), *rel = path_in_tree(key, p->o_dir, p->wt_real);

		p->marker_file = xrealloc(p->marker_file, (id + 1) * sizeof(*p->marker_file));
		p->nr_marker_file = id + 1;
		/* a miss is remembered too: SIZE_MAX stands for "outside" */
		p->marker_file[id] = rel ? intern_id(&p->u->files, rel, strlen(rel)) + 1 : SIZE_MAX;
		free(rel);
		free(key);
	}
	return p->marker_file[id] == SIZE_MAX ? NULL : p->u->files.names[p->marker_file[id] - 1];
}

/* A #define: a macro item of its own, even inside a C item. */
static void macro(struct parser *p, const char *s, size_t n)
{
	const char *q = s + strspn(s, " \t"), *end = s + n;
	size_t *refs = NULL, nr = 0, alloc = 0, name;
	unsigned long long h = 14695981039346656037ull;
	struct unit_item *it;
	const char *start = q;

	q += strcspn(q, " \t(");
	if (q == start)
		return;
	name = intern_id(&p->u->ids, start, (size_t)(q - start));
	if (name >= p->nr_is_macro) {
		size_t n = 2 * (name + 1);

		p->is_macro = xrealloc(p->is_macro, n);
		memset(p->is_macro + p->nr_is_macro, 0, n - p->nr_is_macro);
		p->nr_is_macro = n;
	}
	p->is_macro[name] = 1;
	hash_add(&h, s, n);
	for (const char *w = q; w < end;) {
		if ((isalpha((unsigned char)*w) || *w == '_') && (w == q || !is_id_char((unsigned char)w[-1]))) {
			const char *e = w;

			while (e < end && is_id_char((unsigned char)*e))
				e++;
			add_ref(&refs, &nr, &alloc, intern_id(&p->u->ids, w, (size_t)(e - w)));
			w = e;
		} else {
			w++;
		}
	}
	it = new_item(p->u, UNIT_MACRO, p->file, p->line, p->line, h);
	add_name(it, name);
	it->refs = refs;
	it->nr_refs = nr;
	p->pending_macro = (long)(p->u->nr - 1);
}

/* A line starting with #: a marker, a #define, or another directive (skipped). */
static void directive(struct parser *p, const char *s, size_t n)
{
	const char *q = s + 1 + strspn(s + 1, " \t");

	if (isdigit((unsigned char)*q)) {
		char *end;
		long nr = strtol(q, &end, 10);
		const char *a = memchr(end, '"', (size_t)(s + n - end));
		const char *b = a ? memchr(a + 1, '"', (size_t)(s + n - a - 1)) : NULL;
		const char *file = a && b ? marker_path(p, a + 1, (size_t)(b - a - 1)) : NULL;

		if (p->pending_macro >= 0 && file == p->file && nr - 1 > p->u->items[p->pending_macro].first)
			p->u->items[p->pending_macro].last = nr - 1;
		p->pending_macro = -1;
		p->file = file;
		p->line = nr - 1;	/* the newline after the marker makes it nr */
	} else if (!strncmp(q, "define", 6) && (q[6] == ' ' || q[6] == '\t')) {
		macro(p, q + 6, (size_t)(s + n - q - 6));
	}
}

/* A string or character literal from s (at the quote): where it ends. */
static const char *literal_end(const char *s)
{
	char q = *s++;

	while (*s && *s != q && *s != '\n')
		s += (*s == '\\' && s[1]) ? 2 : 1;
	return *s == q ? s + 1 : s;
}

void unit_parse(struct unit *u, const char *text, const char *o_dir, const char *wt)
{
	struct parser p = { .u = u, .o_dir = o_dir, .line = 1, .pending_macro = -1,
			    .hash = 14695981039346656037ull };
	int bol = 1;

	memset(u, 0, sizeof(*u));
	p.wt_real = realpath(wt, NULL);
	for (const char *s = text; *s;) {
		const char *e;

		if (*s == '\n') {
			p.line++;
			p.space = bol = 1;
			s++;
		} else if (isspace((unsigned char)*s)) {
			p.space = 1;
			s++;
		} else if (bol && *s == '#') {
			size_t n = strcspn(s, "\n");

			directive(&p, s, n);
			s += n;
		} else if (s[0] == '/' && s[1] == '*') {
			for (e = s + 2; *e && !(e[0] == '*' && e[1] == '/'); e++)
				p.line += *e == '\n';
			s = *e ? e + 2 : e;
			p.space = 1;
		} else if (s[0] == '/' && s[1] == '/') {
			s += strcspn(s, "\n");
			p.space = 1;
		} else {
			bol = 0;
			if (*s == '"' || *s == '\'') {
				e = literal_end(s);
				token(&p, TOK_OTHER, s, (size_t)(e - s));
			} else if (isalpha((unsigned char)*s) || *s == '_' || *s == '$') {
				for (e = s; is_id_char((unsigned char)*e); e++)
					;
				token(&p, TOK_ID, s, (size_t)(e - s));
			} else if (isdigit((unsigned char)*s) || (*s == '.' && isdigit((unsigned char)s[1]))) {
				for (e = s; is_id_char((unsigned char)*e) || *e == '.' ||
					    ((*e == '+' || *e == '-') && strchr("eEpP", e[-1])); e++)
					;
				token(&p, TOK_OTHER, s, (size_t)(e - s));
			} else {
				e = s + 1;
				token(&p, TOK_PUNCT, s, 1);
			}
			s = e;
			continue;
		}
	}
	end_item(&p);
	/* which items define each identifier */
	u->defs = xcalloc(u->ids.nr + 1, sizeof(*u->defs));
	u->nr_defs = xcalloc(u->ids.nr + 1, sizeof(*u->nr_defs));
	for (size_t i = 0; i < u->nr; i++)
		for (size_t k = 0; k < u->items[i].nr_names; k++) {
			size_t id = u->items[i].names[k];

			u->defs[id] = xrealloc(u->defs[id], (u->nr_defs[id] + 1) * sizeof(**u->defs));
			u->defs[id][u->nr_defs[id]++] = i;
		}
	intern_clear(&p.markers);
	free(p.marker_file);
	free(p.is_macro);
	free(p.toks);
	free(p.refs);
	free(p.wt_real);
}

int unit_closure(const struct unit *u, const char *fn, unsigned char *marks)
{
	long id = intern_find(&u->ids, fn, strlen(fn));
	size_t *queue, head = 0, tail = 0;
	int found = 0;

	if (id < 0)
		return -1;
	queue = xmalloc((u->nr + 1) * sizeof(*queue));
	for (size_t d = 0; d < u->nr_defs[id]; d++) {
		size_t it = u->defs[id][d];

		found |= u->items[it].kind == UNIT_FUNCTION;
		if (!marks[it]) {
			marks[it] = 1;
			queue[tail++] = it;
		}
	}
	while (head < tail) {
		const struct unit_item *it = &u->items[queue[head++]];

		for (size_t r = 0; r < it->nr_refs; r++)
			for (size_t d = 0; d < u->nr_defs[it->refs[r]]; d++) {
				size_t x = u->defs[it->refs[r]][d];

				if (!marks[x]) {
					marks[x] = 1;
					queue[tail++] = x;
				}
			}
	}
	free(queue);
	return found ? 0 : -1;
}

const char *unit_item_name(const struct unit *u, const struct unit_item *it)
{
	return it->nr_names ? u->ids.names[it->names[0]] : "(unnamed)";
}

void unit_clear(struct unit *u)
{
	for (size_t i = 0; i < u->nr; i++) {
		free(u->items[i].names);
		free(u->items[i].refs);
	}
	for (size_t i = 0; u->defs && i < u->ids.nr; i++)
		free(u->defs[i]);
	free(u->defs);
	free(u->nr_defs);
	free(u->items);
	intern_clear(&u->ids);
	intern_clear(&u->files);
	memset(u, 0, sizeof(*u));
}
