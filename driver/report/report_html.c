/*
 * matrix.html: the matrix as one page people open from a CI artifact. Self-
 * contained (inline style, no script, no network): revisions are rows,
 * arches columns, a cell is coloured by its result and links to its logs.
 * Every cell carries data- attributes, so a browser test can read it back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lib/usage.h"
#include "report/report_html.h"

static void esc(FILE *f, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '&': fputs("&amp;", f); break;
		case '"': fputs("&quot;", f); break;
		default: fputc(*s, f);
		}
	}
}

static const char style[] =
	"body{font:14px/1.4 sans-serif;margin:1.5em;color:#222}"
	"table{border-collapse:collapse}th,td{border:1px solid #999;padding:.4em .6em;"
	"vertical-align:top;text-align:left}th{background:#eee}"
	"td.ok{background:#c9f0c9}td.failed{background:#f7b9b9}td.skipped{background:#f3e3a6}"
	"td.none{background:#fff;color:#888}td.rev.failed{background:#f7b9b9}"
	"td.rev.incomplete{background:#f7b9b9}.state{font-weight:bold;text-transform:uppercase}"
	".why{font-size:12px;max-width:22em}small{color:#555}";

/* a link to dir/name when the file is there (a merged matrix may lack some logs) */
static void log_link(FILE *f, const char *out, const char *dir, const char *name, const char *label)
{
	char *path = xstrfmt("%s/%s/%s", out, dir, name);

	if (!access(path, R_OK)) {
		fputs(" <a href=\"", f);
		esc(f, dir);
		fputc('/', f);
		esc(f, name);
		fputs("\">", f);
		esc(f, label);
		fputs("</a>", f);
	}
	free(path);
}

static json_int_t int_of(json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

/* One arch of one revision: the cell, or an empty one when that arch did not run. */
static void arch_cell(FILE *f, const char *out, const char *rev, json_t *row, const char *arch)
{
	json_t *cells = json_object_get(row, "build"), *c = NULL, *e, *proof;
	const char *state, *dir;
	char *name;
	size_t k;

	json_array_foreach(cells, k, e)
		if (!strcmp(json_string_value(json_object_get(e, "arch")), arch))
			c = e;
	fputs("<td class=\"", f);
	if (!c) {
		fputs("none\" data-revision=\"", f);
		esc(f, rev);
		fputs("\" data-arch=\"", f);
		esc(f, arch);
		fputs("\" data-state=\"not-run\">not run</td>", f);
		return;
	}
	state = json_string_value(json_object_get(c, "state"));
	dir = json_string_value(json_object_get(c, "dir"));
	if (!dir)
		dir = json_string_value(json_object_get(row, "dir"));
	fprintf(f, "%s\" data-revision=\"", state);
	esc(f, rev);
	fputs("\" data-arch=\"", f);
	esc(f, arch);
	fprintf(f, "\" data-state=\"%s\" data-built=\"%zu\" data-failed=\"%zu\">", state,
		json_array_size(json_object_get(c, "built")),
		json_array_size(json_object_get(c, "regressions")));
	fprintf(f, "<span class=\"state\">%s</span><br>%zu built, %zu failed", state,
		json_array_size(json_object_get(c, "built")),
		json_array_size(json_object_get(c, "regressions")));
	/* a disabled driver is not a broken one: counted apart */
	if (json_array_size(json_object_get(c, "not_buildable")))
		fprintf(f, "<br><small>%zu not enabled here, %zu failing before either</small>",
			json_array_size(json_object_get(c, "not_enabled")),
			json_array_size(json_object_get(c, "not_buildable")) -
			json_array_size(json_object_get(c, "not_enabled")));
	if (int_of(c, "patches_built") || json_array_size(json_object_get(c, "bisect_failures")))
		fprintf(f, "<br>bisect: %lld patches, %zu failures", int_of(c, "patches_built"),
			json_array_size(json_object_get(c, "bisect_failures")));
	proof = json_object_get(c, "proof");
	if (json_is_object(proof))
		fprintf(f, "<br>proof: %lld/%lld hunks, %lld unexpected", int_of(proof, "hunks_compiled"),
			int_of(proof, "hunks_total"), int_of(proof, "unexpected"));
	fprintf(f, "<br><small>%.0f s", json_number_value(json_object_get(c, "seconds")));
	if (json_is_string(json_object_get(c, "defconfig"))) {
		fputs(", ", f);
		esc(f, json_string_value(json_object_get(c, "defconfig")));
	}
	fputs("</small>", f);
	if (json_is_string(json_object_get(c, "reason"))) {
		fputs("<div class=\"why\">", f);
		esc(f, json_string_value(json_object_get(c, "reason")));
		fputs("</div>", f);
	}
	fputs("<br>logs:", f);
	name = xstrfmt("build/%s-before.log", arch);
	log_link(f, out, dir, name, "before");
	free(name);
	name = xstrfmt("build/%s.log", arch);
	log_link(f, out, dir, name, "after");
	free(name);
	log_link(f, out, dir, "report.txt", "report");
	fputs("</td>", f);
}

static void revision_row(FILE *f, const char *out, json_t *row, json_t *archs)
{
	const char *rev = json_string_value(json_object_get(row, "revision"));
	const char *state = json_string_value(json_object_get(row, "state"));
	const char *dir = json_string_value(json_object_get(row, "dir"));
	json_t *a;
	size_t k;

	fprintf(f, "<tr><td class=\"rev %s\" data-revision=\"", state);
	esc(f, rev);
	fprintf(f, "\" data-state=\"%s\"><b>", state);
	esc(f, rev);
	fprintf(f, "</b><br><span class=\"state\">%s</span>", state);
	if (json_object_get(row, "patches"))
		fprintf(f, "<br>%lld patches, %lld files, +%lld/-%lld<br>%lld residuals, proof ",
			int_of(row, "patches"), int_of(row, "files_changed"), int_of(row, "insertions"),
			int_of(row, "deletions"), int_of(row, "residuals"));
	esc(f, json_string_value(json_object_get(row, "proof")));
	if (json_is_string(json_object_get(row, "error"))) {
		fputs("<div class=\"why\">", f);
		esc(f, json_string_value(json_object_get(row, "error")));
		fputs("</div>", f);
	}
	if (json_is_object(json_object_get(row, "runtime"))) {
		json_t *rt = json_object_get(row, "runtime");

		fputs("<br>runtime: ", f);
		esc(f, json_string_value(json_object_get(rt, "verdict")));
		fprintf(f, ", fixes %zu", json_array_size(json_object_get(rt, "fixed")));
	}
	if (dir) {
		fputs("<br>", f);
		log_link(f, out, dir, "report.txt", "report");
		log_link(f, out, dir, "series", "patches");
		if (json_object_get(row, "runtime"))
			log_link(f, out, dir, "boot/runtime.txt", "runtime");
	}
	fputs("</td>", f);
	json_array_foreach(archs, k, a)
		arch_cell(f, out, rev, row, json_string_value(a));
	fputs("</tr>\n", f);
}

int report_matrix_html(const char *out, json_t *matrix)
{
	char *path = xstrfmt("%s/matrix.html", out);
	json_t *archs = json_object_get(matrix, "archs"), *row, *a;
	FILE *f = fopen(path, "w");
	size_t k;
	int ret = 0;

	if (!f) {
		ret = error_errno("cannot write %s", path);
		free(path);
		return ret;
	}
	fprintf(f, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>kseries build matrix"
		"</title>\n<style>%s</style></head>\n<body><h1>kseries build matrix</h1>\n"
		"<table id=\"matrix\">\n<tr><th>revision</th>", style);
	json_array_foreach(archs, k, a) {
		fputs("<th>", f);
		esc(f, json_string_value(a));
		fputs("</th>", f);
	}
	fputs("</tr>\n", f);
	json_array_foreach(json_object_get(matrix, "revisions"), k, row)
		revision_row(f, out, row, archs);
	fputs("</table>\n<p><small>Cells: objects built after the series and objects that built "
	      "before it and fail after it; bisect: patches built one by one; proof: hunks this arch "
	      "compiled, functions whose code changed where the diff does not say so. matrix.json "
	      "holds the same data.</small></p>\n</body></html>\n", f);
	if (fclose(f))
		ret = error_errno("cannot write %s", path);
	free(path);
	return ret;
}
