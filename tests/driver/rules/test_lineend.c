/* Unit tests of driver/rules/lineend.c. */
#include <stdlib.h>
#include "rules/lineend.h"
#include "unit.h"

int main(void)
{
	int crlf, lines;
	char *s, *t;

	CHECK("lineend: LF file", line_ends_of("a\nb\n", &crlf, &lines) == ENDS_LF && !crlf && lines == 2);
	CHECK("lineend: CRLF file", line_ends_of("a\r\nb\r\n", &crlf, &lines) == ENDS_CRLF && crlf == 2);
	CHECK("lineend: mixed file", line_ends_of("a\r\nb\nc\r\n", &crlf, &lines) == ENDS_MIXED &&
	      crlf == 2 && lines == 3);
	CHECK("lineend: a lone CR is not a line end", line_ends_of("a\rb\n", NULL, NULL) == ENDS_LF);
	CHECK("lineend: empty text is LF", line_ends_of("", NULL, NULL) == ENDS_LF);
	CHECK("lineend: a CR at the very start", line_ends_of("\n\r\n", NULL, NULL) == ENDS_MIXED);
	s = crlf_to_lf("int f(void)\r\n{\r\n\treturn 0;\r\n}\r\nx\ry");
	CHECK_STR("lineend: CR LF to LF, a lone CR kept", s, "int f(void)\n{\n\treturn 0;\n}\nx\ry");
	t = lf_to_crlf(s);
	CHECK_STR("lineend: and back", t, "int f(void)\r\n{\r\n\treturn 0;\r\n}\r\nx\ry");
	free(s);
	free(t);
	s = lf_to_crlf("}\n");
	CHECK_STR("lineend: no CR CR", s, "}\r\n");
	free(s);
	UNIT_EXIT();
}
