#include <string.h>
#include "lib/usage.h"
#include "lib/wrap.h"

char *wrap_text(const char *text, int width)
{
	size_t len = strlen(text);
	char *out = xmalloc(len * 2 + 2), *o = out;
	const char *p = text;
	int col = 0;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);

		if (n == 0 || *p == ' ' || *p == '\t') {
			/* a paragraph break or a preformatted line: as it is */
			if (col)
				*o++ = '\n';
			memcpy(o, p, n);
			o += n;
			*o++ = '\n';
			col = 0;
		} else {
			const char *w = p, *end = p + n;

			while (w < end) {
				const char *we = w;

				while (we < end && *we != ' ')
					we++;
				if (col && col + 1 + (we - w) > width) {
					*o++ = '\n';
					col = 0;
				} else if (col) {
					*o++ = ' ';
					col++;
				}
				memcpy(o, w, we - w);
				o += we - w;
				col += we - w;
				while (we < end && *we == ' ')
					we++;
				w = we;
			}
			/* the next line of the same paragraph continues this one */
			if (!nl || nl[1] == '\n' || nl[1] == '\0' || nl[1] == ' ') {
				*o++ = '\n';
				col = 0;
			}
		}
		p = nl ? nl + 1 : p + n;
	}
	*o = '\0';
	return out;
}
