/*
 * report.json and matrix.json read back (kseries matrix) are checked
 * against docs/report-schema.md first: a file from another run, a CI
 * artifact, is hostile until then. Only what kseries reads of them is
 * checked, each key's type, and every path in them is one plain name.
 */
#include <string.h>
#include "lib/usage.h"
#include "report/report_check.h"

/* What a key's value may be. */
enum kind { STRING, STRING_OR_NULL, INTEGER, INTEGER_OR_NULL, BOOLEAN, STRINGS, ARRAY, OBJECT_OR_NULL };

struct key_rule {
	const char *key;
	enum kind kind;
	int required;
};

static const char *const kind_names[] = {
	"a string", "a string or null", "an integer", "an integer or null", "true or false",
	"an array of strings", "an array", "an object or null",
};

static int is_kind(json_t *v, enum kind k)
{
	size_t i;
	json_t *e;

	switch (k) {
	case STRING:
		return json_is_string(v);
	case STRING_OR_NULL:
		return json_is_string(v) || json_is_null(v);
	case INTEGER:
		return json_is_integer(v);
	case INTEGER_OR_NULL:
		return json_is_integer(v) || json_is_null(v);
	case BOOLEAN:
		return json_is_boolean(v);
	case STRINGS:
		if (!json_is_array(v))
			return 0;
		json_array_foreach(v, i, e)
			if (!json_is_string(e))
				return 0;
		return 1;
	case ARRAY:
		return json_is_array(v);
	case OBJECT_OR_NULL:
		return json_is_object(v) || json_is_null(v);
	}
	return 0;
}

/* The first key of o that breaks rules, as "WHERE.KEY is not KIND" (caller frees); NULL: none. */
static char *check_keys(json_t *o, const char *where, const struct key_rule *rules)
{
	if (!json_is_object(o))
		return xstrfmt("%s is not an object", where);
	for (size_t i = 0; rules[i].key; i++) {
		json_t *v = json_object_get(o, rules[i].key);

		if (!v && !rules[i].required)
			continue;
		if (!v)
			return xstrfmt("%s has no \"%s\"", where, rules[i].key);
		if (!is_kind(v, rules[i].kind))
			return xstrfmt("%s.%s is not %s", where, rules[i].key, kind_names[rules[i].kind]);
	}
	return NULL;
}

/* Is s one of the words of the NULL-terminated list? */
static int one_of(const char *s, const char *const *words)
{
	for (size_t i = 0; s && words[i]; i++)
		if (!strcmp(s, words[i]))
			return 1;
	return 0;
}

int report_check_plain_name(const char *name)
{
	return name && *name && !strchr(name, '/') && strcmp(name, ".") && strcmp(name, "..");
}

static char *check_cell(json_t *cell, size_t i)
{
	static const struct key_rule rules[] = {
		{ "arch", STRING, 1 }, { "state", STRING, 1 }, { "reason", STRING_OR_NULL, 0 },
		{ "built", STRINGS, 1 }, { "regressions", STRINGS, 0 }, { "not_buildable", STRINGS, 0 },
		{ "bisect_failures", STRINGS, 0 }, { "proof", OBJECT_OR_NULL, 0 }, { NULL, 0, 0 },
	};
	static const char *const states[] = { "ok", "failed", "skipped", NULL };
	char *where = xstrfmt("build.archs[%zu]", i), *bad = check_keys(cell, where, rules);
	const char *state = json_string_value(json_object_get(cell, "state"));

	if (!bad && !one_of(state, states))
		bad = xstrfmt("%s.state is \"%s\", not ok, failed or skipped", where, state);
	free(where);
	return bad;
}

static char *check_proof(json_t *proof)
{
	static const struct key_rule rules[] = {
		{ "complete", BOOLEAN, 1 }, { "hunks", ARRAY, 1 }, { "errors", STRINGS, 0 },
		{ NULL, 0, 0 },
	};
	static const struct key_rule hunk_rules[] = {
		{ "file", STRING, 1 }, { "old_line", INTEGER_OR_NULL, 0 },
		{ "new_line", INTEGER_OR_NULL, 0 }, { "proven", BOOLEAN, 1 },
		{ "before_archs", STRINGS, 0 }, { "after_archs", STRINGS, 0 }, { "unproven", ARRAY, 0 },
		{ NULL, 0, 0 },
	};
	char *bad;
	json_t *h;
	size_t i;

	if (!proof || json_is_null(proof))
		return NULL;	/* no build, or a proof that could not run */
	if ((bad = check_keys(proof, "build.proof", rules)))
		return bad;
	json_array_foreach(json_object_get(proof, "hunks"), i, h) {
		char *where = xstrfmt("build.proof.hunks[%zu]", i);

		bad = check_keys(h, where, hunk_rules);
		free(where);
		if (bad)
			return bad;
	}
	return NULL;
}

char *report_check_report(json_t *root)
{
	static const struct key_rule rules[] = {
		{ "revision", STRING, 1 }, { "commit", STRING_OR_NULL, 0 }, { "state", STRING, 1 },
		{ "error", STRING_OR_NULL, 0 }, { "patches", ARRAY, 0 }, { "files_changed", INTEGER, 0 },
		{ "insertions", INTEGER, 0 }, { "deletions", INTEGER, 0 }, { "residuals", STRINGS, 0 },
		{ "parse_errors", INTEGER, 0 }, { "finished", STRING, 0 }, { NULL, 0, 0 },
	};
	static const char *const states[] = { "converted", "already-converted", "failed", NULL };
	static const struct key_rule build_rules[] = {
		{ "note", STRING_OR_NULL, 0 }, { "archs", ARRAY, 1 }, { "proof", OBJECT_OR_NULL, 0 },
		{ NULL, 0, 0 },
	};
	char *bad = check_keys(root, "the report", rules);
	const char *state;
	json_t *build, *cell;
	size_t i;

	if (bad)
		return bad;
	state = json_string_value(json_object_get(root, "state"));
	if (!one_of(state, states))
		return xstrfmt("state is \"%s\", not converted, already-converted or failed", state);
	build = json_object_get(root, "build");
	if (!build)
		return xstrdup("the report has no \"build\" (an object, docs/report-schema.md)");
	if ((bad = check_keys(build, "build", build_rules)))
		return bad;
	json_array_foreach(json_object_get(build, "archs"), i, cell)
		if ((bad = check_cell(cell, i)))
			return bad;
	return check_proof(json_object_get(build, "proof"));
}

char *report_check_matrix(json_t *root)
{
	static const struct key_rule rules[] = {
		{ "revisions", ARRAY, 1 }, { "archs", STRINGS, 0 }, { NULL, 0, 0 },
	};
	static const struct key_rule row_rules[] = {
		{ "revision", STRING, 1 }, { "dir", STRING_OR_NULL, 0 }, { "state", STRING, 0 },
		{ NULL, 0, 0 },
	};
	char *bad = check_keys(root, "the matrix", rules);
	json_t *row;
	size_t i;

	if (bad)
		return bad;
	json_array_foreach(json_object_get(root, "revisions"), i, row) {
		char *where = xstrfmt("revisions[%zu]", i);
		const char *dir;

		bad = check_keys(row, where, row_rules);
		dir = json_string_value(json_object_get(row, "dir"));
		if (!bad && !*json_string_value(json_object_get(row, "revision")))
			bad = xstrfmt("%s.revision is empty", where);
		/* a path from an input never leaves that input's folder */
		if (!bad && dir && !report_check_plain_name(dir))
			bad = xstrfmt("%s.dir \"%s\" is not a folder name of the run's own output "
				      "(no '/', not '.' or '..')", where, dir);
		free(where);
		if (bad)
			return bad;
	}
	return NULL;
}
