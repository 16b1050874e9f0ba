/* Unit tests of driver/report/report_check.c: reports and matrices read back are what kseries writes. */
#include <stdlib.h>
#include "report/report_check.h"
#include "unit.h"

/* The check's answer for a JSON text: NULL (good) or what is wrong. */
static char *report(const char *text)
{
	json_t *j = json_loads(text, 0, NULL);
	char *bad = j ? report_check_report(j) : strdup("not JSON");

	json_decref(j);
	return bad;
}

static char *matrix(const char *text)
{
	json_t *j = json_loads(text, 0, NULL);
	char *bad = j ? report_check_matrix(j) : strdup("not JSON");

	json_decref(j);
	return bad;
}

#define GOOD_BUILD "{\"archs\": [{\"arch\": \"x86_64\", \"state\": \"ok\", \"built\": [\"mm/rmap.o\"]}]}"

int main(void)
{
	char *bad;

	bad = report("{\"revision\": \"v4.12\", \"state\": \"converted\", \"build\": " GOOD_BUILD "}");
	CHECK("report: a good one passes", !bad);
	free(bad);
	bad = report("{\"revision\": \"v4.12\", \"state\": \"converted\", \"build\": \"x\"}");
	CHECK_STR("report: build that is no object", bad, "build is not an object");
	free(bad);
	bad = report("{\"revision\": 4, \"state\": \"converted\", \"build\": " GOOD_BUILD "}");
	CHECK_STR("report: a revision that is a number", bad, "the report.revision is not a string");
	free(bad);
	bad = report("{\"revision\": \"v\", \"state\": \"great\", \"build\": " GOOD_BUILD "}");
	CHECK("report: a state kseries never writes", bad && strstr(bad, "state is \"great\""));
	free(bad);
	bad = report("{\"revision\": \"v\", \"state\": \"failed\", \"build\": {\"archs\": "
		     "[{\"arch\": \"arm\", \"state\": \"ok\", \"built\": [1]}]}}");
	CHECK_STR("report: a cell's built list of numbers", bad,
		  "build.archs[0].built is not an array of strings");
	free(bad);
	bad = report("{\"revision\": \"v\", \"state\": \"failed\", \"build\": {\"archs\": [], "
		     "\"proof\": {\"complete\": true, \"hunks\": [{\"file\": \"a.c\"}]}}}");
	CHECK_STR("report: a hunk without proven", bad, "build.proof.hunks[0] has no \"proven\"");
	free(bad);

	bad = matrix("{\"revisions\": [{\"revision\": \"v4.12\", \"dir\": \"v4.12\"}]}");
	CHECK("matrix: a good one passes", !bad);
	free(bad);
	bad = matrix("[]");
	CHECK_STR("matrix: [] is no matrix", bad, "the matrix is not an object");
	free(bad);
	bad = matrix("{\"revisions\": [{\"revision\": \"v\", \"dir\": \"../x\"}]}");
	CHECK("matrix: a dir that leaves the input", bad && strstr(bad, "revisions[0].dir \"../x\""));
	free(bad);
	bad = matrix("{\"revisions\": [{\"revision\": \"v\", \"dir\": \"..\"}]}");
	CHECK("matrix: a dir of ..", bad != NULL);
	free(bad);
	CHECK("report_check_plain_name: one name", report_check_plain_name("origin%2Fmaster"));
	CHECK("report_check_plain_name: not empty, '.', '..' or a path",
	      !report_check_plain_name("") && !report_check_plain_name(".") &&
	      !report_check_plain_name("..") && !report_check_plain_name("a/b"));
	UNIT_EXIT();
}
