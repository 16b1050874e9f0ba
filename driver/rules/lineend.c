#include <string.h>
#include "lib/usage.h"
#include "rules/lineend.h"

enum line_ends line_ends_of(const char *text, int *crlf_lines, int *lines)
{
	int crlf = 0, all = 0;

	for (const char *p = text; (p = strchr(p, '\n')); p++) {
		all++;
		crlf += p > text && p[-1] == '\r';
	}
	if (crlf_lines)
		*crlf_lines = crlf;
	if (lines)
		*lines = all;
	if (!crlf)
		return ENDS_LF;
	return crlf == all ? ENDS_CRLF : ENDS_MIXED;
}

char *crlf_to_lf(const char *text)
{
	char *out = xmalloc(strlen(text) + 1), *o = out;

	for (const char *p = text; *p; p++)
		if (!(p[0] == '\r' && p[1] == '\n'))
			*o++ = *p;
	*o = '\0';
	return out;
}

char *lf_to_crlf(const char *text)
{
	int lines;
	char *out, *o;

	line_ends_of(text, NULL, &lines);
	out = o = xmalloc(strlen(text) + lines + 1);
	for (const char *p = text; *p; p++) {
		if (*p == '\n')
			*o++ = '\r';
		*o++ = *p;
	}
	*o = '\0';
	return out;
}
