/* Unit tests of driver/lib/wrap.c and the subject-prefix picker of patchset.c. */
#include <stdlib.h>
#include "posting/patchset.h"
#include "unit.h"
#include "lib/wrap.h"

int main(void)
{
	char *s;

	s = wrap_text("one two three four", 9);
	CHECK_STR("wrap: breaks at the width", s, "one two\nthree\nfour\n");
	free(s);
	s = wrap_text("a b\n\nc d", 72);
	CHECK_STR("wrap: keeps paragraphs", s, "a b\n\nc d\n");
	free(s);
	s = wrap_text("joined\nline", 72);
	CHECK_STR("wrap: re-flows a paragraph", s, "joined line\n");
	free(s);
	s = wrap_text("averyveryverylongword x", 5);
	CHECK_STR("wrap: a long word stays whole", s, "averyveryverylongword\nx\n");
	free(s);

	s = patchset_prefix_from_subjects("drm/amdgpu: fix a\nMerge tag 'x'\ndrm/amdgpu: fix b\n"
					  "drm: core change\nRevert \"drm: y\"\n");
	CHECK_STR("prefix: the most common wins", s, "drm/amdgpu");
	free(s);
	s = patchset_prefix_from_subjects("Linux 4.12 (snapshot)\nsome sentence: with colon\n");
	CHECK("prefix: none in plain sentences", s == NULL);
	free(s);
	s = patchset_prefix_from_subjects("");
	CHECK("prefix: none without history", s == NULL);
	free(s);
	UNIT_EXIT();
}
