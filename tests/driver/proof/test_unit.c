/* driver/proof/unit.c and driver/proof/sourcediff.c: items of a unit, closures, verdicts. */
#include "unit.h"
#include <sys/stat.h>
#include "lib/strvec.h"
#include "lib/usage.h"
#include "proof/sourcediff.h"
#include "proof/unit.h"

/* A -fdirectives-only unit in gcc's shape: markers, one-line #defines, comments kept. */
static const char *unit_text(int after)
{
	static char buf[4096];

	snprintf(buf, sizeof(buf),
		 "# 0 \"x.c\"\n"
		 "# 1 \"inc/calc.h\" 1\n"
		 "#define SCALE %d\n"
		 "# 5 \"inc/calc.h\"\n"
		 "#define SCALED(n) ((n) * SCALE)\n"
		 "struct box { int v; /* a comment */ };\n"
		 "struct box *box_get(int id, struct box *pt);\n"
		 "typedef int (*cb_t)(struct box *);\n"
		 "enum mode { MODE_A, MODE_B = 2 };\n"
		 "# 2 \"x.c\" 2\n"
		 "static inline int weight(int n)\n{\n\treturn n * %d;\n}\n"
		 "int score(int n)\n{\n\treturn weight(n) + 1;\n}\n"
		 "int scaled(int n)\n{\n\treturn SCALED(n);\n}\n"
		 "int alone(struct box *b)\n{\n\treturn b->v + MODE_B;\n}\n",
		 after ? 4 : 3, 3);
	return buf;
}

static size_t named(const struct unit *u, const char *name, enum unit_kind kind)
{
	for (size_t i = 0; i < u->nr; i++)
		if (u->items[i].kind == kind)
			for (size_t k = 0; k < u->items[i].nr_names; k++)
				if (!strcmp(u->ids.names[u->items[i].names[k]], name))
					return i + 1;
	return 0;
}

static size_t closure_size(const struct unit *u, const char *fn, int *rc)
{
	unsigned char *m = calloc(u->nr + 1, 1);
	size_t n = 0;

	*rc = unit_closure(u, fn, m);
	for (size_t i = 0; i < u->nr; i++)
		n += m[i];
	free(m);
	return n;
}

int main(void)
{
	char dir[] = "/tmp/kseries-unit-XXXXXX";
	struct unit u;
	struct hunks h;
	struct source_units su = { 0 };
	struct source_judgement j;
	size_t i;
	int rc;

	CHECK("unit: a scratch tree", mkdtemp(dir) != NULL);
	unit_parse(&u, unit_text(0), dir, dir);
	CHECK("unit: the macros, the struct tag, the prototype, the typedef, the enum constants",
	      named(&u, "SCALE", UNIT_MACRO) && named(&u, "SCALED", UNIT_MACRO) &&
	      named(&u, "box", UNIT_DECL) && named(&u, "box_get", UNIT_DECL) &&
	      named(&u, "cb_t", UNIT_DECL) && named(&u, "MODE_A", UNIT_DECL) && named(&u, "MODE_B", UNIT_DECL));
	CHECK("unit: a prototype's parameters and the tags it names are not its names",
	      !named(&u, "pt", UNIT_DECL) && !named(&u, "id", UNIT_DECL) &&
	      u.items[named(&u, "box_get", UNIT_DECL) - 1].nr_names == 1);
	CHECK("unit: the functions", named(&u, "weight", UNIT_FUNCTION) && named(&u, "score", UNIT_FUNCTION) &&
	      named(&u, "scaled", UNIT_FUNCTION) && named(&u, "alone", UNIT_FUNCTION));
	i = named(&u, "SCALE", UNIT_MACRO) - 1;
	CHECK("unit: a #define spans to the line before the next marker (its continuation lines)",
	      u.items[i].first == 1 && u.items[i].last == 4);
	i = named(&u, "score", UNIT_FUNCTION) - 1;
	CHECK("unit: items keep their file and lines (markers outside the tree: no file)",
	      u.items[i].first == 6 && u.items[i].last == 9 && !u.items[i].file);
	CHECK("unit: score's closure is itself and weight", closure_size(&u, "score", &rc) == 2 && rc == 0);
	CHECK("unit: scaled's closure follows SCALED to SCALE", closure_size(&u, "scaled", &rc) == 3 && rc == 0);
	CHECK("unit: alone's closure holds struct box and the enum",
	      closure_size(&u, "alone", &rc) == 3 && rc == 0);
	CHECK("unit: a prototype alone is no function (its closure: it and struct box)",
	      closure_size(&u, "box_get", &rc) == 2 && rc == -1);
	unit_clear(&u);

	/* the verdicts: the header's file kept relative to the tree */
	{
		char *inc = xstrfmt("%s/inc", dir), *hdr = xstrfmt("%s/inc/calc.h", dir);
		FILE *f;

		mkdir(inc, 0777);
		f = fopen(hdr, "w");
		fputs("x\n", f);
		fclose(f);
		unit_parse(&su.before, unit_text(0), dir, dir);
		unit_parse(&su.after, unit_text(1), dir, dir);
		su.state = 1;
		free(inc);
		free(hdr);
	}
	hunks_parse(&h, "diff --git a/inc/calc.h b/inc/calc.h\n--- a/inc/calc.h\n+++ b/inc/calc.h\n"
		    "@@ -1 +1 @@\n-#define SCALE 3\n+#define SCALE 4\n");
	h.v[0].in_series = 1;
	source_judge(&su, &h, "scaled", &j);
	CHECK("sourcediff: through the series' macro", j.verdict == SOURCE_SERIES && j.item &&
	      !strcmp(j.item, "SCALE") && !strcmp(j.where, "inc/calc.h:1"));
	source_judgement_clear(&j);
	h.v[0].in_series = 0;
	source_judge(&su, &h, "scaled", &j);
	CHECK("sourcediff: through a macro a change not of the series changed",
	      j.verdict == SOURCE_FOREIGN && !strcmp(j.item, "SCALE"));
	source_judgement_clear(&j);
	source_judge(&su, &h, "score", &j);
	CHECK("sourcediff: same source: the compiler's choice", j.verdict == SOURCE_SAME && !j.item);
	source_judgement_clear(&j);
	hunks_clear(&h);
	hunks_parse(&h, "diff --git a/y.c b/y.c\n--- a/y.c\n+++ b/y.c\n@@ -1 +1 @@\n-a\n+b\n");
	source_judge(&su, &h, "scaled", &j);
	CHECK("sourcediff: an item no hunk changes is unexplained", j.verdict == SOURCE_UNEXPLAINED);
	source_judgement_clear(&j);
	source_judge(&su, &h, "nosuch", &j);
	CHECK("sourcediff: a name the unit does not define is unknown", j.verdict == SOURCE_UNKNOWN);
	{
		struct strvec names = STRVEC_INIT, out = STRVEC_INIT;

		strvec_pushl(&names, "score", "box", "missing", NULL);
		source_functions_among(&su, &names, &out);
		CHECK("sourcediff: which names are the unit's functions", out.nr == 1 && !strcmp(out.v[0], "score"));
		strvec_clear(&names);
		strvec_clear(&out);
	}
	hunks_clear(&h);
	source_units_clear(&su);
	{
		char *cmd = xstrfmt("rm -rf '%s'", dir);

		CHECK("unit: scratch removed", system(cmd) == 0);
		free(cmd);
	}
	UNIT_EXIT();
}
