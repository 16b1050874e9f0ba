#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/usage.h"

int usage_quiet;
int usage_verbose;
/* "[v4.12] " before each message that does not name its revision itself */
static char context[128];

void usage_context(const char *what)
{
	if (what && *what)
		snprintf(context, sizeof(context), "[%s] ", what);
	else
		context[0] = '\0';
}

static const char *context_for(const char *fmt)
{
	return fmt[0] == '[' ? "" : context;
}

static void vreport(const char *prefix, const char *fmt, va_list ap)
{
	progress_clear();
	fprintf(stderr, "kseries: %s%s", prefix, context_for(fmt));
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("error: ", fmt, ap);
	va_end(ap);
	exit(2);
}

int error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("error: ", fmt, ap);
	va_end(ap);
	return -1;
}

/* "kseries: error: MESSAGE: <strerror(errno)>", errno taken before anything prints */
static void vreport_errno(const char *fmt, va_list ap)
{
	int err = errno;

	progress_clear();
	fprintf(stderr, "kseries: error: %s", context_for(fmt));
	vfprintf(stderr, fmt, ap);
	fprintf(stderr, ": %s\n", strerror(err));
}

int error_errno(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport_errno(fmt, ap);
	va_end(ap);
	return -1;
}

void die_errno(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport_errno(fmt, ap);
	va_end(ap);
	exit(2);
}

void warning(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("warning: ", fmt, ap);
	va_end(ap);
}

void note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport("note: ", fmt, ap);
	va_end(ap);
}

void info(const char *fmt, ...)
{
	va_list ap;

	if (usage_quiet)
		return;
	va_start(ap, fmt);
	vreport("", fmt, ap);
	va_end(ap);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die("out of memory allocating %zu bytes", n);
	return p;
}

void *xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		die("out of memory allocating %zu x %zu bytes", nmemb, size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory allocating %zu bytes", n);
	return p;
}

char *xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d)
		die("out of memory");
	return d;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = strndup(s, n);

	if (!p)
		die("out of memory");
	return p;
}

char *xvstrfmt(const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	return s;
}

char *xstrfmt(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvstrfmt(fmt, ap);
	va_end(ap);
	return s;
}

void verbose(const char *fmt, ...)
{
	va_list ap;

	if (!usage_verbose)
		return;
	va_start(ap, fmt);
	vreport("", fmt, ap);
	va_end(ap);
}

/* Progress lines (usage.h): the one other writer of stderr, so it lives here. */
static int showing;	/* a line is on the terminal, to be overwritten */

static void show(const char *fmt, va_list ap, int end)
{
	if (usage_quiet)
		return;
	if (isatty(STDERR_FILENO)) {
		fprintf(stderr, "\r\033[Kkseries: %s", context_for(fmt));
		vfprintf(stderr, fmt, ap);
		showing = !end;
		if (end)
			fputc('\n', stderr);
	} else if (end) {
		fprintf(stderr, "kseries: %s", context_for(fmt));
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
	}
	fflush(stderr);
}

void progress_clear(void)
{
	if (showing) {
		fputs("\r\033[K", stderr);
		showing = 0;
	}
}

void progress_update(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	show(fmt, ap, 0);
	va_end(ap);
}

void progress_end(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	show(fmt, ap, 1);
	va_end(ap);
	showing = 0;
}
