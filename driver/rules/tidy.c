#include <string.h>
#include "lib/usage.h"
#include "rules/tidy.h"

static const char *skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

static int line_starts(const char *line, const char *word)
{
	line = skip_blanks(line);
	if (*line != '#')
		return 0;
	line = skip_blanks(line + 1);
	return !strncmp(line, word, strlen(word));
}

char *tidy_empty_ifdefs(const char *text, int *removed)
{
	size_t len = strlen(text);
	char *out = xmalloc(len + 1), *o = out;
	const char *p = text;

	*removed = 0;
	while (*p) {
		const char *nl = strchr(p, '\n');
		const char *next = nl ? nl + 1 : p + strlen(p);

		if (line_starts(p, "if") && *next && line_starts(next, "endif")) {
			const char *nl2 = strchr(next, '\n');

			p = nl2 ? nl2 + 1 : next + strlen(next);
			(*removed)++;
			continue;
		}
		memcpy(o, p, next - p);
		o += next - p;
		p = next;
	}
	*o = '\0';
	return out;
}
