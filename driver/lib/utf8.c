#include <string.h>
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "lib/utf8.h"

/* Length of the valid UTF-8 sequence at s, or 0 when it is not one. */
static int sequence(const unsigned char *s)
{
	int n = *s < 0x80 ? 1 : (*s & 0xe0) == 0xc0 ? 2 : (*s & 0xf0) == 0xe0 ? 3 :
		(*s & 0xf8) == 0xf0 ? 4 : 0;

	for (int i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	/* overlong two-byte forms (0xc0, 0xc1) are not UTF-8 */
	return n == 2 && *s < 0xc2 ? 0 : n;
}

int utf8_valid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int n;

	while (*p) {
		if (!(n = sequence(p)))
			return 0;
		p += n;
	}
	return 1;
}

char *utf8_replace_invalid(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	struct strbuf sb = STRBUF_INIT;
	int n;

	while (*p) {
		if ((n = sequence(p))) {
			strbuf_add(&sb, (const char *)p, (size_t)n);
			p += n;
		} else {
			strbuf_addstr(&sb, "\xef\xbf\xbd");
			p++;
		}
	}
	return sb.buf ? strbuf_detach(&sb) : xstrdup("");
}
