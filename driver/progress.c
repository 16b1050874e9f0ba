#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>
#include "progress.h"
#include "usage.h"

static int showing;	/* a line is on the terminal, to be overwritten */

static void show(const char *fmt, va_list ap, int end)
{
	if (usage_quiet)
		return;
	if (isatty(STDERR_FILENO)) {
		fputs("\r\033[Kkseries: ", stderr);
		vfprintf(stderr, fmt, ap);
		showing = !end;
		if (end)
			fputc('\n', stderr);
	} else if (end) {
		fputs("kseries: ", stderr);
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
