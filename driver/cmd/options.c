#include <getopt.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cmd/options.h"
#include "core/manifest.h"
#include "lib/paths.h"
#include "lib/strbuf.h"
#include "lib/usage.h"

/* The options every command takes, after its own. */
static const char *series_dir_arg;
static int show_help;
static const struct opt common_opts[] = {
	OPT_STRING("series", 0, &series_dir_arg, "DIR",
		   "the series to apply: a folder with series.json (default: the shipped one)"),
	OPT_FLAG("quiet", 'q', &usage_quiet, "no progress messages"),
	OPT_FLAG("verbose", 'v', &usage_verbose, "every spatch run, too"),
	OPT_FLAG("help", 'h', &show_help, "this text"),
	OPT_END(),
};

int default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 1024 ? 1024 : (int)n;
}

/*
 * --series must be known before the table is complete (the series declares
 * options of its own): find it first, and make it the rules folder of this
 * run and of every process it starts.
 */
static void take_series_dir(int argc, char **argv)
{
	const char *dir = NULL;
	char real[PATH_MAX], *json;

	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++) {
		if (!strcmp(argv[i], "--series") && i + 1 < argc)
			dir = argv[++i];
		else if (!strncmp(argv[i], "--series=", 9))
			dir = argv[i] + 9;
	}
	if (!dir)
		return;
	json = xstrfmt("%s/series.json", dir);
	if (!realpath(dir, real) || access(json, R_OK))
		die("--series %s: not a series folder (it needs a series.json, docs/manifest.md)", dir);
	free(json);
	setenv("KSERIES_COCCI_DIR", real, 1);
}

static size_t count(const struct opt *opts)
{
	size_t n = 0;

	while (opts[n].kind != OPT_KIND_END)
		n++;
	return n;
}

static void print_opt(FILE *f, const char *name, int short_name, const char *arg, const char *help)
{
	char left[64];

	if (short_name)
		snprintf(left, sizeof(left), "-%c, --%s%s%s", short_name, name, arg ? " " : "",
			 arg ? arg : "");
	else
		snprintf(left, sizeof(left), "    --%s%s%s", name, arg ? " " : "", arg ? arg : "");
	fprintf(f, "  %-26s ", left);
	/* a help text of several lines keeps its column */
	for (const char *p = help; *p; p++) {
		fputc(*p, f);
		if (*p == '\n')
			fprintf(f, "  %-26s ", "");
	}
	fputc('\n', f);
}

void print_options_usage(FILE *f, const struct command_usage *u, const struct opt *opts)
{
	struct manifest m;

	fprintf(f, "usage: kseries %s %s\n%s\n", u->name, u->synopsis, u->about);
	fprintf(f, "\noptions:\n");
	for (size_t i = 0; i < count(opts); i++)
		print_opt(f, opts[i].name, opts[i].short_name, opts[i].arg, opts[i].help);
	for (size_t i = 0; i < count(common_opts); i++)
		print_opt(f, common_opts[i].name, common_opts[i].short_name, common_opts[i].arg,
			  common_opts[i].help);
	if (!manifest_load(&m, kseries_cocci_dir())) {
		if (m.options.rows)
			fprintf(f, "\noptions of the series \"%s\" (%s):\n", m.name, kseries_cocci_dir());
		for (size_t i = 0; i < m.options.rows; i++)
			print_opt(f, cell(&m.options, i, OPTION_NAME), 0, NULL, cell(&m.options, i, OPTION_HELP));
		if (m.options.rows)
			fprintf(f, "  each has a --no- form: off, also where series --stable would turn it on\n");
		manifest_clear(&m);
	}
	if (u->after)
		fprintf(f, "\n%s", u->after);
}

static void set_value(const struct opt *o, const char *val, const char *cmd)
{
	long n;

	switch (o->kind) {
	case OPT_KIND_FLAG:
		*(int *)o->value = o->set_to;
		break;
	case OPT_KIND_STRING:
		*(const char **)o->value = val;
		break;
	case OPT_KIND_LIST:
		strvec_push(o->value, val);
		break;
	case OPT_KIND_JOBS:
		if (whole_number(val, 1, 1024, &n))
			die("--%s %s: give a whole number of processes from 1 to 1024, e.g. --%s 2 "
			    "(see 'kseries %s --help')", o->name, val, o->name, cmd);
		*(int *)o->value = (int)n;
		break;
	case OPT_KIND_END:
		break;
	}
}

/* getopt_long's tables: one entry per option of both tables and the series. */
struct parser {
	const struct opt **opts;	/* own options, then the common ones */
	size_t nr;
	struct option *longs;
	char shorts[128];
	struct manifest m;
	int have_manifest;
	struct strvec no_names;		/* "no-NAME" of each series option, for getopt */
};

/* The defines of series options the command line turned off (--no-NAME). */
static struct strvec turned_off = STRVEC_INIT;

int option_turned_off(const char *define)
{
	return strvec_contains(&turned_off, define);
}

static void build_parser(struct parser *p, const struct opt *opts)
{
	size_t own = count(opts), common = count(common_opts), k = 0, s = 0;

	p->have_manifest = !manifest_load(&p->m, kseries_cocci_dir());
	p->nr = own + common;
	p->opts = xcalloc(p->nr, sizeof(*p->opts));
	p->longs = xcalloc(p->nr + (p->have_manifest ? 2 * p->m.options.rows : 0) + 1, sizeof(*p->longs));
	p->no_names = (struct strvec)STRVEC_INIT;
	p->shorts[s++] = ':';	/* ':' for a missing value, not '?' */
	for (size_t i = 0; i < p->nr; i++) {
		const struct opt *o = i < own ? &opts[i] : &common_opts[i - own];

		p->opts[i] = o;
		p->longs[k++] = (struct option){ o->name, o->kind == OPT_KIND_FLAG ? no_argument :
						 required_argument, NULL, 256 + (int)i };
		if (o->short_name && s + 3 < sizeof(p->shorts)) {
			p->shorts[s++] = (char)o->short_name;
			if (o->kind != OPT_KIND_FLAG)
				p->shorts[s++] = ':';
		}
	}
	for (size_t i = 0; p->have_manifest && i < p->m.options.rows; i++) {
		const char *name = cell(&p->m.options, i, OPTION_NAME);

		/* getopt takes the first of two names: the series' option would never be read */
		for (size_t j = 0; j < p->nr; j++)
			if (!strcmp(p->opts[j]->name, name))
				die("%s/series.json: option \"%s\" has the name of kseries' own --%s: "
				    "give it another name (docs/manifest.md)", p->m.dir, name, name);
		p->longs[k++] = (struct option){ name, no_argument, NULL, 1024 + (int)i };
		strvec_pushf(&p->no_names, "no-%s", name);
	}
	/* --no-NAME: off, also where a default (--stable) would turn it on */
	for (size_t i = 0; i < p->no_names.nr; i++)
		p->longs[k++] = (struct option){ p->no_names.v[i], no_argument, NULL, 2048 + (int)i };
	p->shorts[s] = '\0';
}

static void free_parser(struct parser *p)
{
	if (p->have_manifest)
		manifest_clear(&p->m);
	free(p->opts);
	free(p->longs);
	strvec_clear(&p->no_names);
}

static const struct opt *by_short(const struct parser *p, int c)
{
	for (size_t i = 0; i < p->nr; i++)
		if (p->opts[i]->short_name == c)
			return p->opts[i];
	return NULL;
}

void parse_options(int argc, char **argv, const struct command_usage *u, const struct opt *opts,
		   struct strvec *args, struct strvec *defines)
{
	struct parser p;
	int c, nargs;

	take_series_dir(argc, argv);
	build_parser(&p, opts);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, p.shorts, p.longs, NULL)) != -1) {
		const char *bad = argv[optind - 1];

		if (c == '?' || c == ':') {
			const struct opt *o = c == ':' && optopt >= 256 && optopt < 1024 ?
				p.opts[optopt - 256] : c == ':' ? by_short(&p, optopt) : NULL;

			if (o)
				die("--%s needs a value (%s): see 'kseries %s --help'", o->name, o->arg,
				    u->name);
			die("unknown option '%s': see 'kseries %s --help'",
			    optopt && optopt < 256 ? (char[3]){ '-', (char)optopt, 0 } : bad, u->name);
		}
		if (c >= 2048) {
			const char *d = cell(&p.m.options, c - 2048, OPTION_DEFINE);

			for (size_t i = defines->nr; i-- > 0;)
				if (!strcmp(defines->v[i], d))
					strvec_remove(defines, i);
			if (!strvec_contains(&turned_off, d))
				strvec_push(&turned_off, d);
			continue;
		}
		if (c >= 1024) {
			const char *d = cell(&p.m.options, c - 1024, OPTION_DEFINE);

			/* the last of --NAME and --no-NAME wins */
			for (size_t i = turned_off.nr; i-- > 0;)
				if (!strcmp(turned_off.v[i], d))
					strvec_remove(&turned_off, i);
			if (!strvec_contains(defines, d))
				strvec_push(defines, d);
			continue;
		}
		set_value(c >= 256 ? p.opts[c - 256] : by_short(&p, c), optarg, u->name);
	}
	free_parser(&p);
	if (show_help) {
		print_options_usage(stdout, u, opts);
		exit(0);
	}
	for (int i = optind; i < argc; i++)
		strvec_push(args, argv[i]);
	nargs = argc - optind;
	if (nargs < u->min_args)
		die("too few arguments: kseries %s %s", u->name, u->synopsis);
	if (u->max_args >= 0 && nargs > u->max_args)
		die("unexpected argument '%s': kseries %s %s", argv[optind + u->max_args], u->name,
		    u->synopsis);
}
