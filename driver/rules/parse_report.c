#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/cscan.h"
#include "lib/fileio.h"
#include "lib/usage.h"
#include "rules/parse_report.h"

/*
 * Parse failures: where the unparsed code uses the API, a warning that
 * says what helps (its uses are residuals, rules/residuals.h); elsewhere a
 * note (nothing to do: the token scan stands guard) per spot, or one per
 * file when a file has many (a template such as paging_tmpl.h) or when they
 * are macro definitions: real problems must not drown in the noise.
 */
#define SPOTS_PER_FILE 3

/*
 * A failure spatch's context lines name no function for: the function (or
 * type, or initialised variable) the line sits in, from the file itself,
 * or "outside any function".
 */
#define OUTSIDE_FUNCTIONS "outside any function"

/* "in foo" or "outside any function": where a failure is */
static const char *where_in(const char *function, char *buf, size_t len)
{
	if (!strcmp(function, OUTSIDE_FUNCTIONS))
		return function;
	snprintf(buf, len, "in %s", function);
	return buf;
}

static void name_functions(const char *dir, struct parse_failure *f, size_t nr)
{
	for (size_t start = 0, end; start < nr; start = end) {
		struct cscan scan;
		char *path = xstrfmt("%s/%s", dir, f[start].file), *text = NULL;
		int unknown = 0;

		for (end = start; end < nr && !strcmp(f[end].file, f[start].file); end++)
			unknown |= !strcmp(f[end].function, "?");
		if (unknown && (text = read_file(path))) {
			cscan_text(&scan, text);
			for (size_t i = start; i < end; i++) {
				const struct cextent *e = cscan_extent_at(&scan, f[i].line);

				if (strcmp(f[i].function, "?"))
					continue;
				free(f[i].function);
				f[i].function = !e ? xstrdup(OUTSIDE_FUNCTIONS) :
						e->kind == EXTENT_FUNCTION ? xstrdup(e->name) :
						xstrfmt("%s %s", e->kind == EXTENT_TYPE ? "the type" :
							"the initialiser of", e->name);
			}
			cscan_clear(&scan);
		}
		free(text);
		free(path);
	}
}

static int report_parse_failures(const struct parse_failure *f, size_t nr, const char *macro_file)
{
	int errors = 0;
	char buf[256];

	for (size_t start = 0, end; start < nr; start = end) {
		size_t spots = 0, macros = 0;
		int first_spot = 0, first_macro = 0;
		const char *fn = NULL;

		/* failures come grouped by file */
		for (end = start; end < nr && !strcmp(f[end].file, f[start].file); end++) {
			if (f[end].holds_tokens) {
				/*
				 * a residual unless a hand edit converts it (residuals.h);
				 * a macro cannot move an attribute spatch does not place
				 */
				warning("spatch cannot parse %s:%d (%s), code that uses the API: %s%s",
				      f[end].file, f[end].line,
				      where_in(f[end].function, buf, sizeof(buf)),
				      f[end].attribute ? "it cannot place the __attribute__ there; "
				      "convert that use by hand (a \"diff\" entry of the manifest)" :
				      "add a macro to ", f[end].attribute ? "" : macro_file);
				errors++;
			} else if (f[end].in_macro) {
				if (!macros++)
					first_macro = f[end].line;
			} else if (!spots++) {
				first_spot = f[end].line;
				fn = f[end].function;
			}
		}
		for (size_t i = start; spots <= SPOTS_PER_FILE && i < end; i++)
			if (!f[i].holds_tokens && !f[i].in_macro)
				note("spatch cannot parse %s:%d (%s); that code does not use the API",
					f[i].file, f[i].line, where_in(f[i].function, buf, sizeof(buf)));
		if (spots > SPOTS_PER_FILE)
			note("spatch cannot parse %zu spots in %s (first at line %d, %s); "
				"none of them uses the API", spots, f[start].file, first_spot,
				where_in(fn, buf, sizeof(buf)));
		if (macros)
			note("spatch cannot parse %zu macro definition%s in %s (first at line %d); "
				"no rule sees their bodies", macros, macros == 1 ? "" : "s",
				f[start].file, first_macro);
	}
	return errors;
}

int parse_report(const char *dir, struct parse_failure *f, size_t nr, const char *macro_file)
{
	name_functions(dir, f, nr);
	return report_parse_failures(f, nr, macro_file);
}
