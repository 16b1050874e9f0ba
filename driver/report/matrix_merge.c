/*
 * Merging the report.json of one revision from several runs (one CI job per
 * revision or per arch): the cells are united by arch, the proof's hunks by
 * their place, and two runs that say different things of the same cell are
 * a conflict, unless the newer one is asked for.
 */
#include <stdlib.h>
#include <string.h>
#include "lib/usage.h"
#include "report/matrix_merge.h"

/* What a cell says, without what differs between machines (time, paths in the reason). */
static json_t *cell_result(json_t *cell)
{
	json_t *r = json_deep_copy(cell);

	json_object_del(r, "seconds");
	json_object_del(r, "reason");
	json_object_del(r, "dir");
	return r;
}

static int same_cell(json_t *a, json_t *b)
{
	json_t *ra = cell_result(a), *rb = cell_result(b);
	int same = json_equal(ra, rb);

	json_decref(ra);
	json_decref(rb);
	return same;
}

/* What the rules made of the revision: the same rules on the same tree make the same series. */
static int same_series(json_t *a, json_t *b)
{
	static const char *const keys[] = { "commit", "patches", "files_changed", "insertions",
					    "deletions", "residuals", NULL };

	for (size_t i = 0; keys[i]; i++)
		if (!json_equal(json_object_get(a, keys[i]), json_object_get(b, keys[i])))
			return 0;
	return 1;
}

static const char *str(json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s ? s : "";
}

/* b is newer than a ("finished"; a tie goes to b, the later folder given) */
static int newer(json_t *a, json_t *b)
{
	return strcmp(str(b, "finished"), str(a, "finished")) >= 0;
}

static json_t *hunk_at(json_t *hunks, json_t *h)
{
	json_t *e;
	size_t k;

	json_array_foreach(hunks, k, e)
		if (!strcmp(str(e, "file"), str(h, "file")) &&
		    json_equal(json_object_get(e, "old_line"), json_object_get(h, "old_line")) &&
		    json_equal(json_object_get(e, "new_line"), json_object_get(h, "new_line")))
			return e;
	return NULL;
}

static void union_strings(json_t *into, json_t *from)
{
	json_t *s, *t;
	size_t i, j;

	json_array_foreach(from, i, s) {
		int have = 0;

		json_array_foreach(into, j, t)
			have |= json_equal(s, t);
		if (!have)
			json_array_append(into, s);
	}
}

/* the same line of the same side: "file", "line", "side" */
static int same_line(json_t *a, json_t *b)
{
	return !strcmp(str(a, "file"), str(b, "file")) && !strcmp(str(a, "side"), str(b, "side")) &&
	       json_equal(json_object_get(a, "line"), json_object_get(b, "line"));
}

/*
 * A hunk neither run proved whole: a line stays unproven only when no run
 * compiled it (in both runs' "unproven"); none left, the hunk is proven.
 */
static void unite_lines(json_t *mine, json_t *theirs)
{
	json_t *keep = json_array(), *u, *t;
	size_t i, j;

	json_array_foreach(json_object_get(mine, "unproven"), i, u) {
		int both = 0;

		json_array_foreach(json_object_get(theirs, "unproven"), j, t)
			both |= same_line(u, t);
		if (both)
			json_array_append(keep, u);
	}
	json_object_set_new(mine, "proven", json_boolean(json_array_size(keep) == 0));
	json_object_set_new(mine, "unproven", keep);
}

/*
 * The proof of both runs: a hunk is proven when one run proved it whole,
 * or when every line one run left unproven the other compiled (lines are
 * united, not halves thrown away); with the arches of both; the counts
 * follow.
 */
static void merge_proof(json_t *into_build, json_t *from_build)
{
	json_t *pi = json_object_get(into_build, "proof"), *pf = json_object_get(from_build, "proof");
	json_t *hunks, *h, *mine;
	json_int_t proven = 0;
	size_t k;

	if (!json_is_object(pf))
		return;
	if (!json_is_object(pi)) {
		json_object_set(into_build, "proof", pf);
		return;
	}
	hunks = json_object_get(pi, "hunks");
	json_array_foreach(json_object_get(pf, "hunks"), k, h) {
		if (!(mine = hunk_at(hunks, h))) {
			json_array_append(hunks, h);
			continue;
		}
		union_strings(json_object_get(mine, "before_archs"), json_object_get(h, "before_archs"));
		union_strings(json_object_get(mine, "after_archs"), json_object_get(h, "after_archs"));
		if (json_is_true(json_object_get(h, "proven"))) {
			json_object_set_new(mine, "proven", json_true());
			json_object_set_new(mine, "unproven", json_array());
		} else if (!json_is_true(json_object_get(mine, "proven"))) {
			unite_lines(mine, h);
		}
	}
	json_array_foreach(hunks, k, h)
		proven += json_is_true(json_object_get(h, "proven"));
	json_object_set_new(pi, "hunks_proven", json_integer(proven));
	json_object_set_new(pi, "hunks_total", json_integer((json_int_t)json_array_size(hunks)));
	json_object_set_new(pi, "complete", json_boolean(proven == (json_int_t)json_array_size(hunks)));
	union_strings(json_object_get(pi, "errors"), json_object_get(pf, "errors"));
}

/* Add from's cells to into's, arch by arch; *conflict on a cell both have and disagree on. */
static int merge_cells(json_t *into, json_t *from, const char *rev, const struct merge_side *s,
		       int prefer_newest, char **conflict)
{
	json_t *cells = json_object_get(json_object_get(into, "build"), "archs"), *c, *mine;
	size_t k, j;

	json_array_foreach(json_object_get(json_object_get(from, "build"), "archs"), k, c) {
		mine = NULL;
		json_array_foreach(cells, j, mine)
			if (!strcmp(str(mine, "arch"), str(c, "arch")))
				break;
		if (j == json_array_size(cells)) {
			json_array_append(cells, c);
		} else if (!same_cell(mine, c)) {
			if (!prefer_newest) {
				*conflict = xstrfmt("%s %s: %s says %s, %s says %s (%zu and %zu built)", rev,
						    str(c, "arch"), s->into_name, str(mine, "state"),
						    s->from_name, str(c, "state"),
						    json_array_size(json_object_get(mine, "built")),
						    json_array_size(json_object_get(c, "built")));
				return -1;
			}
			if (s->from_is_newer)
				json_array_set(cells, j, c);
		}
	}
	return 0;
}

int merge_report(json_t *into, json_t *from, const struct merge_side *s, int prefer_newest,
		 char **conflict)
{
	const char *rev = str(into, "revision");
	struct merge_side side = *s;

	*conflict = NULL;
	side.from_is_newer = newer(into, from);
	if (!same_series(into, from)) {
		if (!prefer_newest) {
			*conflict = xstrfmt("%s: %s and %s made different series (commit, patches or "
					    "diffstat differ): runs of other rules or another tree",
					    rev, s->into_name, s->from_name);
			return -1;
		}
		/* the newer run's series, whole: cells of another series do not mix with it */
		if (side.from_is_newer) {
			json_object_clear(into);
			json_object_update(into, from);
		}
		return 0;
	}
	if (!json_is_object(json_object_get(into, "build")))
		json_object_set_new(into, "build", json_object());
	if (!json_is_array(json_object_get(json_object_get(into, "build"), "archs")))
		json_object_set_new(json_object_get(into, "build"), "archs", json_array());
	if (merge_cells(into, from, rev, &side, prefer_newest, conflict))
		return -1;
	merge_proof(json_object_get(into, "build"), json_object_get(from, "build"));
	/* a revision that failed in one run failed */
	if (!strcmp(str(from, "state"), "failed") && strcmp(str(into, "state"), "failed")) {
		json_object_set(into, "state", json_object_get(from, "state"));
		json_object_set(into, "error", json_object_get(from, "error"));
	}
	if (side.from_is_newer)
		json_object_set(into, "finished", json_object_get(from, "finished"));
	return 0;
}
