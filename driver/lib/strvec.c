#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lib/strvec.h"
#include "lib/usage.h"

static void strvec_grow(struct strvec *sv)
{
	if (sv->nr + 2 > sv->alloc) {
		sv->alloc = sv->alloc ? 2 * sv->alloc : 8;
		sv->v = xrealloc(sv->v, sv->alloc * sizeof(*sv->v));
	}
}

static void strvec_push_owned(struct strvec *sv, char *s)
{
	strvec_grow(sv);
	sv->v[sv->nr++] = s;
	sv->v[sv->nr] = NULL;
}

void strvec_push(struct strvec *sv, const char *s)
{
	strvec_push_owned(sv, xstrdup(s));
}

void strvec_pushf(struct strvec *sv, const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvstrfmt(fmt, ap);
	va_end(ap);
	strvec_push_owned(sv, s);
}

void strvec_pushl(struct strvec *sv, ...)
{
	va_list ap;
	const char *s;

	va_start(ap, sv);
	while ((s = va_arg(ap, const char *)))
		strvec_push(sv, s);
	va_end(ap);
}

void strvec_pushv(struct strvec *sv, const char *const *v)
{
	for (; v && *v; v++)
		strvec_push(sv, *v);
}

void strvec_split_lines(struct strvec *sv, const char *text)
{
	const char *p = text;

	while (p && *p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		if (len) {
			char *s = xmalloc(len + 1);

			memcpy(s, p, len);
			s[len] = '\0';
			strvec_push_owned(sv, s);
		}
		p = nl ? nl + 1 : NULL;
	}
}

int strvec_contains(const struct strvec *sv, const char *s)
{
	for (size_t i = 0; i < sv->nr; i++)
		if (!strcmp(sv->v[i], s))
			return 1;
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "file:line:col: text": the length of file, or of the whole string when no ":N" follows */
static size_t location_file(const char *s)
{
	for (const char *p = s; (p = strchr(p, ':')); p++)
		if (p[1] >= '0' && p[1] <= '9')
			return p - s;
	return strlen(s);
}

static int cmp_location(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t fx = location_file(x), fy = location_file(y);
	int c = strncmp(x, y, fx < fy ? fx : fy);

	if (c || fx != fy)
		return c ? c : (fx < fy ? -1 : 1);
	x += fx;
	y += fy;
	/* then the line and the column as numbers, then the rest as text */
	while (*x == ':' && *y == ':' && x[1] >= '0' && x[1] <= '9' && y[1] >= '0' && y[1] <= '9') {
		char *ex, *ey;
		long nx = strtol(x + 1, &ex, 10), ny = strtol(y + 1, &ey, 10);

		if (nx != ny)
			return nx < ny ? -1 : 1;
		x = ex;
		y = ey;
	}
	return strcmp(x, y);
}

void strvec_sort_locations(struct strvec *sv)
{
	if (sv->nr > 1)
		qsort(sv->v, sv->nr, sizeof(*sv->v), cmp_location);
}

void strvec_sort(struct strvec *sv)
{
	if (sv->nr > 1)
		qsort(sv->v, sv->nr, sizeof(*sv->v), cmp_str);
}

void strvec_clear(struct strvec *sv)
{
	for (size_t i = 0; i < sv->nr; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->nr = sv->alloc = 0;
}

char *strvec_join(const struct strvec *sv, size_t max, const char *sep)
{
	size_t len = 1, n = sv->nr < max ? sv->nr : max;
	char *out;

	for (size_t i = 0; i < n; i++)
		len += strlen(sv->v[i]) + strlen(sep);
	out = xmalloc(len + 4);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, sep);
		strcat(out, sv->v[i]);
	}
	if (n < sv->nr)
		strcat(out, n ? ", ..." : "...");
	return out;
}

void strvec_remove(struct strvec *sv, size_t i)
{
	if (i >= sv->nr)
		return;
	free(sv->v[i]);
	memmove(sv->v + i, sv->v + i + 1, (sv->nr - i) * sizeof(*sv->v));	/* the NULL too */
	sv->nr--;
}
