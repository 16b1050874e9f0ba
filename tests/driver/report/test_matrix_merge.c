/* Unit tests of driver/report/matrix_merge.c: two runs' proofs united line by line. */
#include <jansson.h>
#include <stdlib.h>
#include "report/matrix_merge.h"
#include "unit.h"

/* one run's report: a hunk of two lines, the given ones left unproven */
static json_t *run(const char *arch, const char *unproven_lines, const char *finished)
{
	char *text = NULL;
	json_error_t e;
	json_t *r;

	if (asprintf(&text,
		     "{\"revision\": \"v1\", \"commit\": \"c\", \"state\": \"converted\", \"finished\": \"%s\","
		     " \"patches\": [], \"files_changed\": 1, \"insertions\": 2, \"deletions\": 0, \"residuals\": [],"
		     " \"build\": {\"archs\": [{\"arch\": \"%s\", \"state\": \"ok\"}],"
		     " \"proof\": {\"complete\": false, \"errors\": [], \"hunks\": [{\"file\": \"a.c\","
		     " \"old_line\": 5, \"new_line\": 5, \"proven\": %s, \"before_archs\": [],"
		     " \"after_archs\": [\"%s\"], \"unproven\": [%s]}]}}}",
		     finished, arch, *unproven_lines ? "false" : "true", arch, unproven_lines) < 0)
		return NULL;
	r = json_loads(text, 0, &e);
	if (!r)
		printf("  bad test json: %s\n", e.text);
	free(text);
	return r;
}

#define LINE(n) "{\"file\": \"a.c\", \"line\": " #n ", \"side\": \"after\", \"text\": \"x\", \"why\": \"y\"}"

int main(void)
{
	struct merge_side s = { "x86", "arm", 0 };
	json_t *a = run("x86_64", LINE(6), "1"), *b = run("arm", LINE(5), "2"), *h;
	char *conflict = NULL;

	CHECK("merge: two runs merge", a && b && !merge_report(a, b, &s, 0, &conflict));
	if (conflict)
		printf("  conflict: %s\n", conflict);
	h = json_array_get(json_object_get(json_object_get(json_object_get(a, "build"), "proof"),
					   "hunks"), 0);
	CHECK("merge: lines two runs proved in halves make the hunk proven",
	      h && json_is_true(json_object_get(h, "proven")) &&
	      json_array_size(json_object_get(h, "unproven")) == 0);
	CHECK("merge: ... and the proof complete",
	      json_is_true(json_object_get(json_object_get(json_object_get(a, "build"), "proof"),
					   "complete")));
	json_decref(a);
	json_decref(b);
	a = run("x86_64", LINE(6), "1");
	b = run("arm", LINE(6) ", " LINE(5), "2");
	CHECK("merge: a line neither run compiled stays unproven, alone",
	      !merge_report(a, b, &s, 0, &conflict) &&
	      (h = json_array_get(json_object_get(json_object_get(json_object_get(a, "build"), "proof"),
						  "hunks"), 0)) &&
	      json_is_false(json_object_get(h, "proven")) &&
	      json_array_size(json_object_get(h, "unproven")) == 1 &&
	      json_integer_value(json_object_get(json_array_get(json_object_get(h, "unproven"), 0),
						 "line")) == 6);
	json_decref(a);
	json_decref(b);
	free(conflict);
	UNIT_EXIT();
}
