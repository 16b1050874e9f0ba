/* New warnings, before against after (newwarn.h). */
#include <stdlib.h>
#include <string.h>
#include "lib/usage.h"
#include "proof/newwarn.h"

static long find(const struct build_warnings *w, const unsigned char *used, const char *file,
		 long line, const char *text)
{
	for (size_t i = 0; i < w->nr; i++)
		if (!used[i] && (line < 0 || w->v[i].line == line) && !strcmp(w->v[i].file, file) &&
		    !strcmp(w->v[i].text, text))
			return (long)i;
	return -1;
}

void warnings_new(const struct build_warnings *before, const struct build_warnings *after,
		  const struct hunks *h, struct strvec *out, size_t *old)
{
	unsigned char *used_a = xcalloc(after->nr + 1, 1), *used_b = xcalloc(before->nr + 1, 1);
	long k;

	*old = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < before->nr; i++) {
			const struct build_warning *b = &before->v[i];
			long to = pass ? -1 : hunks_map_line(h, b->file, b->line);

			if (used_b[i] || (!pass && to < 0))
				continue;
			if ((k = find(after, used_a, b->file, to, b->text)) >= 0) {
				used_a[k] = used_b[i] = 1;
				(*old)++;
			}
		}
	for (size_t i = 0; i < after->nr; i++)
		if (!used_a[i])
			strvec_pushf(out, "%s:%ld: %s", after->v[i].file, after->v[i].line, after->v[i].text);
	free(used_a);
	free(used_b);
}
