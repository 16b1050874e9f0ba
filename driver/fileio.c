#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "fileio.h"
#include "usage.h"

char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return NULL;
	}
	buf = xmalloc(n + 1);
	if (fread(buf, 1, n, f) != (size_t)n)
		n = 0;
	buf[n] = '\0';
	fclose(f);
	return buf;
}

int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");
	int ok;

	if (!f)
		return error("cannot write %s: %s", path, strerror(errno));
	ok = fputs(text, f) >= 0;
	ok &= !fclose(f);
	return ok ? 0 : error("cannot write %s: %s", path, strerror(errno));
}
