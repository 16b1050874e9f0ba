/*
 * kseries matrix: one matrix from the output folders of several runs (a CI
 * job per revision or per arch). Each input's revision folders are copied
 * under MERGED/<rev>/input-N (reports, patches, build logs: what the page
 * links to), their reports merged into MERGED/<rev>/report.json, and the
 * matrix written from those, as `series` writes its own.
 */
#include <dirent.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cmd/options.h"
#include "commands.h"
#include "core/outdir.h"
#include "lib/fileio.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "report/matrix_merge.h"
#include "report/report_check.h"
#include "report/report.h"

static const struct command_usage usage_matrix = {
	"matrix", "--out MERGED [options] DIR...",
	"  Merge the output folders of several runs (each the --out of a 'kseries\n"
	"  series' or 'kseries build', one CI job per revision or per arch) into one\n"
	"  matrix: MERGED/matrix.txt, matrix.json and matrix.html, with every input's\n"
	"  reports, patches and build logs under MERGED/<revision>/input-N. Cells of\n"
	"  one revision are united by arch; two inputs that built the same cell with\n"
	"  different results, or made different series of one revision, are refused\n"
	"  unless --prefer newest. See docs/ci.md.\n",
	"Exit status: 0 every revision converted (or already), every cell ok and\n"
	"every line proven; 1 a revision failed or is incomplete, or a line no arch\n"
	"compiled (unless --allow-unproven); 2 bad usage, unreadable inputs, a conflict.\n",
	1, -1,
};

struct matrix_args {
	const char *out, *prefer;
	int force, allow_unproven;
	struct strvec dirs, defines;
};

/* One revision of the merge: its folder name and the report so far. */
struct merged_rev {
	char *rev, *dir;
	json_t *report;		/* NULL until an input has one */
	const char *from;	/* the input it came from first (messages) */
	size_t inputs;
};

static void parse_args(int argc, char **argv, struct matrix_args *a)
{
	const struct opt opts[] = {
		OPT_STRING("out", 'o', &a->out, "MERGED", "output folder of the merged matrix"),
		OPT_STRING("prefer", 0, &a->prefer, "newest",
			   "when two inputs disagree on a cell, keep the run that finished last"),
		OPT_FLAG("allow-unproven", 0, &a->allow_unproven,
			 "a changed line no input's arch compiled is reported, not a failure"),
		OPT_FLAG("force", 0, &a->force, "replace what an earlier kseries run wrote in MERGED"),
		OPT_END(),
	};

	parse_options(argc, argv, &usage_matrix, opts, &a->dirs, &a->defines);
	if (!a->out)
		die("no output folder given: kseries matrix --out MERGED DIR...");
	if (a->prefer && strcmp(a->prefer, "newest"))
		die("--prefer %s: the only choice is --prefer newest (the run that finished last)", a->prefer);
	for (size_t i = 0; i < a->dirs.nr; i++) {
		char *m = xstrfmt("%s/matrix.json", a->dirs.v[i]);
		char *marker = xstrfmt("%s/INCOMPLETE", a->dirs.v[i]);

		/* an interrupted run (INCOMPLETE) is merged as it is: its revisions incomplete */
		if (access(m, R_OK) && access(marker, F_OK))
			die("%s holds no matrix.json: give the --out folder of a 'kseries series' or "
			    "'kseries build' run", a->dirs.v[i]);
		/* what this run writes or empties must not hold what it reads, nor the reverse */
		if (path_within(a->out, a->dirs.v[i]) || path_within(a->dirs.v[i], a->out))
			die("--out %s and the input %s hold one another: give the merged matrix a "
			    "folder of its own", a->out, a->dirs.v[i]);
		free(m);
		free(marker);
	}
}

/* cp -R of the files of src that exist among names into dest; dies on a copy that fails */
static void copy_existing(const char *src, const struct strvec *names, const char *dest)
{
	struct child_process cp = CHILD_PROCESS_INIT;

	strvec_pushl(&cp.args, "cp", "-R", NULL);
	for (size_t i = 0; i < names->nr; i++) {
		char *p = xstrfmt("%s/%s", src, names->v[i]);

		if (!access(p, F_OK))
			strvec_push(&cp.args, p);
		free(p);
	}
	strvec_push(&cp.args, dest);
	if (cp.args.nr > 3 && run_command(&cp))
		die("cannot copy from %s into %s", src, dest);
	child_process_clear(&cp);
}

/* What the page links to: reports, the patches, the build logs (not O= folders or worktrees). */
static void copy_input(const char *src, const char *dest)
{
	struct strvec top = STRVEC_INIT, logs = STRVEC_INIT;
	char *build = xstrfmt("%s/build", src), *dest_build = xstrfmt("%s/build", dest);
	DIR *d;
	struct dirent *e;

	mkdir(dest, 0777);
	strvec_pushl(&top, "report.txt", "report.json", "series", NULL);
	copy_existing(src, &top, dest);
	if ((d = opendir(build))) {
		while ((e = readdir(d)))
			if (strlen(e->d_name) > 4 && !strcmp(e->d_name + strlen(e->d_name) - 4, ".log"))
				strvec_push(&logs, e->d_name);
		closedir(d);
		mkdir(dest_build, 0777);
		copy_existing(build, &logs, dest_build);
	}
	strvec_clear(&top);
	strvec_clear(&logs);
	free(build);
	free(dest_build);
}

static struct merged_rev *find_rev(struct merged_rev **revs, size_t *nr, const char *rev)
{
	for (size_t i = 0; i < *nr; i++)
		if (!strcmp((*revs)[i].rev, rev))
			return &(*revs)[i];
	*revs = xrealloc(*revs, (*nr + 1) * sizeof(**revs));
	(*revs)[*nr] = (struct merged_rev){ .rev = xstrdup(rev), .dir = outdir_rev_name(rev) };
	return &(*revs)[(*nr)++];
}

/*
 * An input's report.json, checked (docs/report-schema.md): NULL when the run
 * did not write it (it did not finish that revision); dies (exit 2) on one
 * that is not a report kseries wrote, or one of another revision.
 */
static json_t *load_report(const char *path, const char *rev)
{
	json_error_t jerr;
	json_t *report;
	char *bad;

	if (access(path, F_OK))
		return NULL;
	if (!(report = json_load_file(path, 0, &jerr)))
		die("%s: %s (line %d): not a report.json kseries wrote", path, jerr.text, jerr.line);
	if ((bad = report_check_report(report)))
		die("%s: %s (docs/report-schema.md): not a report.json kseries wrote", path, bad);
	if (strcmp(json_string_value(json_object_get(report, "revision")), rev))
		die("%s is the report of %s, but its matrix.json names %s there", path,
		    json_string_value(json_object_get(report, "revision")), rev);
	return report;
}

/* One input's revision into the merge: its files copied, its cells tagged, its report merged. */
static void take_revision(const struct matrix_args *a, const char *input, json_t *row,
			  struct merged_rev *m, const char *out)
{
	const char *dir = json_string_value(json_object_get(row, "dir"));
	/* checked: one folder name, never a path out of the input */
	char *own = dir ? xstrdup(dir) : outdir_rev_name(m->rev);
	char *src = xstrfmt("%s/%s", input, own), *path = xstrfmt("%s/report.json", src);
	char *rel = xstrfmt("%s/input-%zu", m->dir, ++m->inputs), *dest = xstrfmt("%s/%s", out, rel);
	char *rev_dir = xstrfmt("%s/%s", out, m->dir);
	json_t *report = load_report(path, m->rev), *cell;
	size_t k;

	if (!mkdir(rev_dir, 0777)) {
		/* until its merged report is written, the revision's folder says it is partial */
		char *marker = xstrfmt("%s/INCOMPLETE", rev_dir);

		write_file(marker, "kseries matrix did not finish this revision: its output is partial\n");
		free(marker);
	}
	free(rev_dir);
	copy_input(src, dest);
	if (!report) {
		warning("%s: %s has no report (that run did not finish it): its cells are left out",
			m->rev, src);
	} else {
		json_array_foreach(json_object_get(json_object_get(report, "build"), "archs"), k, cell)
			json_object_set_new(cell, "dir", json_string(rel));
		if (!m->report) {
			m->report = report;
			m->from = input;
		} else {
			struct merge_side s = { m->from, input, 0 };
			char *conflict;

			if (merge_report(m->report, report, &s, a->prefer != NULL, &conflict))
				die("%s: keep one of them, or give --prefer newest", conflict);
			json_decref(report);
		}
	}
	free(own);
	free(src);
	free(path);
	free(rel);
	free(dest);
}

/*
 * An interrupted run's output (INCOMPLETE, no matrix.json): a row per
 * revision folder it made, so that each is merged as far as it got (a
 * revision without its report is incomplete: a failure).
 */
static json_t *interrupted_rows(const char *input)
{
	struct strvec names = STRVEC_INIT;
	json_t *rows = json_array();

	outdir_rev_dirs(input, &names);
	warning("%s was interrupted (INCOMPLETE, no matrix.json): %zu revision folders merged as "
		"far as they got", input, names.nr);
	for (size_t i = 0; i < names.nr; i++) {
		char *rev = outdir_rev_of_name(names.v[i]);

		json_array_append_new(rows, json_pack("{s:s, s:s}", "revision", rev, "dir", names.v[i]));
		free(rev);
	}
	strvec_clear(&names);
	return json_pack("{s:o}", "revisions", rows);
}

/* An input's rows: its matrix.json, checked (docs/report-schema.md), or an interrupted run's. */
static json_t *input_rows(const char *input)
{
	char *path = xstrfmt("%s/matrix.json", input), *bad;
	json_error_t jerr;
	json_t *mx;

	if (access(path, F_OK)) {
		free(path);
		return interrupted_rows(input);
	}
	if (!(mx = json_load_file(path, 0, &jerr)))
		die("%s: %s (line %d): not a matrix.json kseries wrote", path, jerr.text, jerr.line);
	if ((bad = report_check_matrix(mx)))
		die("%s: %s (docs/report-schema.md): not a matrix.json kseries wrote", path, bad);
	free(path);
	return mx;
}

/* MERGED/<rev>/report.json and a report.txt that says where each cell came from */
static int write_merged(const char *out, const struct merged_rev *m)
{
	char *dir = xstrfmt("%s/%s", out, m->dir), *js = xstrfmt("%s/report.json", dir);
	char *txt = xstrfmt("%s/report.txt", dir);
	FILE *f;
	json_t *cell;
	size_t k;
	int ret = 0;

	char *marker = xstrfmt("%s/INCOMPLETE", dir);

	if (m->report && json_dump_file(m->report, js, JSON_INDENT(1) | JSON_PRESERVE_ORDER))
		ret = error_write(js);
	if (!(f = fopen(txt, "w")))
		ret = error_write(txt);
	if (!f)
		goto out;
	fprintf(f, "revision: %s (merged from %zu runs: kseries matrix)\nstate: %s\n", m->rev, m->inputs,
		m->report ? json_string_value(json_object_get(m->report, "state")) : "incomplete");
	json_array_foreach(json_object_get(json_object_get(m->report, "build"), "archs"), k, cell)
		fprintf(f, "  %-12s %-8s from %s/report.txt\n",
			json_string_value(json_object_get(cell, "arch")),
			json_string_value(json_object_get(cell, "state")),
			json_string_value(json_object_get(cell, "dir")));
	if (fclose(f))
		ret = error_write(txt);
out:
	if (!ret)
		remove(marker);
	free(marker);
	free(dir);
	free(js);
	free(txt);
	return ret;
}

/* 1 when the merged revision is not a pass: failed, incomplete, or unproven lines */
static int rev_fails(const struct merged_rev *m, int allow_unproven)
{
	const char *state = m->report ? json_string_value(json_object_get(m->report, "state")) : NULL;
	json_t *proof = m->report ? json_object_get(json_object_get(m->report, "build"), "proof") : NULL;

	if (!state || !strcmp(state, "failed"))
		return 1;
	return !allow_unproven && json_is_object(proof) && !json_is_true(json_object_get(proof, "complete"));
}

int cmd_matrix(int argc, char **argv)
{
	struct matrix_args a = { .dirs = STRVEC_INIT, .defines = STRVEC_INIT };
	struct strvec dirs = STRVEC_INIT, names = STRVEC_INIT;
	struct merged_rev *revs = NULL;
	size_t nr = 0;
	char out[PATH_MAX], *marker;
	int failed = 0, broken = 0;

	parse_args(argc, argv, &a);
	outdir_prepare(a.out, a.force, NULL);
	if (!realpath(a.out, out))
		die("cannot resolve %s", a.out);
	marker = xstrfmt("%s/INCOMPLETE", out);
	write_file(marker, "kseries matrix did not finish: this output is partial\n");
	for (size_t i = 0; i < a.dirs.nr; i++) {
		json_t *mx = input_rows(a.dirs.v[i]), *row;
		size_t k;

		if (!json_array_size(json_object_get(mx, "revisions")))
			failed = 1;	/* an interrupted job that reached no revision */
		json_array_foreach(json_object_get(mx, "revisions"), k, row) {
			struct merged_rev *m = find_rev(&revs, &nr,
							json_string_value(json_object_get(row, "revision")));

			take_revision(&a, a.dirs.v[i], row, m, out);
		}
		json_decref(mx);
	}
	for (size_t i = 0; i < nr; i++) {
		if (write_merged(out, &revs[i]))
			broken = 1;
		failed |= rev_fails(&revs[i], a.allow_unproven);
		strvec_pushf(&dirs, "%s/%s", out, revs[i].dir);
		strvec_push(&names, revs[i].rev);
	}
	if (report_matrix(out, &dirs, &names))
		broken = 1;
	else
		remove(marker);
	report_show_matrix(out);
	for (size_t i = 0; i < nr; i++) {
		free(revs[i].rev);
		free(revs[i].dir);
		json_decref(revs[i].report);
	}
	free(revs);
	free(marker);
	strvec_clear(&dirs);
	strvec_clear(&names);
	strvec_clear(&a.dirs);
	strvec_clear(&a.defines);
	return broken ? 2 : failed;
}
