/*
 * Runs of rule files on files (rules.h: rules_run, rules_run_each), each
 * file's result kept by content between runs (rule_cache.h): a file whose
 * key is known is answered from the cache without starting spatch; spatch
 * runs on the others only, and their results are kept.
 */
#include <stdlib.h>
#include <string.h>
#include "core/cache.h"
#include "lib/fileio.h"
#include "lib/usage.h"
#include "rules/rule_cache.h"
#include "rules/rules.h"
#include "rules/rules_internal.h"

/* One rule file of a run: what spatch still has to do, and what the cache answered. */
struct rule_part {
	int skip;			/* nothing to do in this mode (or an error: -1) */
	struct strvec todo;		/* files spatch runs on */
	struct strvec keys;		/* per todo file: its key, "" when it has none */
	struct strvec before;		/* per todo file: its content before (patch mode) */
	struct strvec lines;		/* what the rule printed, per file in files' order */
	struct strvec cached;		/* the cache's answers, lines */
};

/* The -D values of a spatch command line ("patch", the defines the rule declares). */
static void dflags_of(const struct strvec *args, struct strvec *dflags)
{
	for (size_t i = 0; i + 1 < args->nr; i++)
		if (!strcmp(args->v[i], "-D"))
			strvec_push(dflags, args->v[i + 1]);
}

/* The rule's -D values and whether it has anything to do in mode. */
static int rule_dflags(const struct rules_opts *o, const char *rule, const char *mode,
		       struct strvec *dflags)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	int skip = rules_rule_process(o, rule, mode, "-", "-", NULL, &cp);

	dflags_of(&cp.args, dflags);
	child_process_clear(&cp);
	return skip;
}

/* Which files the cache answers for this rule (applied), which spatch must run. */
static void ask_cache(const struct rules_opts *o, const char *dir, const char *rule,
		      const char *mode, const struct strvec *files, struct rule_part *p)
{
	struct strvec dflags = STRVEC_INIT;
	char *rule_path = xstrfmt("%s/%s", o->cocci_dir, rule), *rule_text = read_file(rule_path);
	int patch = !strcmp(mode, "patch");

	p->skip = rule_dflags(o, rule, mode, &dflags);
	for (size_t i = 0; !p->skip && i < files->nr; i++) {
		char *path = xstrfmt("%s/%s", dir, files->v[i]), *content = read_file(path);
		char *key = content ? rule_cache_key(rule_text, o->macro_file, &dflags, mode,
						     files->v[i], content) : NULL;

		if (!key || !rule_cache_apply(key, dir, files->v[i], patch, &p->cached)) {
			strvec_push(&p->todo, files->v[i]);
			strvec_push(&p->keys, key ? key : "");
			strvec_push(&p->before, content ? content : "");
		}
		free(key);
		free(content);
		free(path);
	}
	strvec_clear(&dflags);
	free(rule_text);
	free(rule_path);
}

/* Every line of fresh is a todo file's: then each todo file's result is kept. */
static void keep_results(const char *dir, const char *mode, const struct rule_part *p,
			 const struct strvec *fresh)
{
	for (size_t l = 0; l < fresh->nr; l++) {
		size_t f = 0;

		while (f < p->todo.nr && !rule_cache_line_of(fresh->v[l], p->todo.v[f]))
			f++;
		if (f == p->todo.nr)
			return;	/* a line of no file: its result is not the file's alone */
	}
	for (size_t f = 0; f < p->todo.nr; f++)
		if (*p->keys.v[f])
			rule_cache_store(p->keys.v[f], dir, p->todo.v[f], !strcmp(mode, "patch"),
					 p->before.v[f], fresh);
}

/* The rule's lines, the cache's and spatch's, each file's in files' order, then the rest. */
static void order_lines(const struct strvec *files, const struct strvec *a,
			const struct strvec *b, struct strvec *out)
{
	const struct strvec *both[] = { a, b };
	char *used = xcalloc(a->nr + b->nr + 1, 1);

	for (size_t f = 0; f < files->nr; f++)
		for (size_t k = 0, n = 0; k < 2; k++)
			for (size_t l = 0; l < both[k]->nr; l++, n++)
				if (!used[n] && rule_cache_line_of(both[k]->v[l], files->v[f])) {
					strvec_push(out, both[k]->v[l]);
					used[n] = 1;
				}
	for (size_t k = 0, n = 0; k < 2; k++)
		for (size_t l = 0; l < both[k]->nr; l++, n++)
			if (!used[n])
				strvec_push(out, both[k]->v[l]);
	free(used);
}

static void part_clear(struct rule_part *p)
{
	strvec_clear(&p->todo);
	strvec_clear(&p->keys);
	strvec_clear(&p->before);
	strvec_clear(&p->lines);
	strvec_clear(&p->cached);
}

/* Start spatch for every rule with files left, side by side; collect each one's lines. */
static int run_spatch(const struct rules_opts *o, const char *dir, const struct strvec *rules,
		      const char *mode, int caching, struct rule_part *parts)
{
	struct child_process *cps = xcalloc(rules->nr + 1, sizeof(*cps));
	int *results = xcalloc(rules->nr + 1, sizeof(*results)), ret = 0;
	size_t *part_of = xcalloc(rules->nr + 1, sizeof(*part_of)), n = 0;
	char *tmp = rules_spatch_tmp_dir(o), *prefix = xstrfmt("%s/run", tmp);

	for (size_t r = 0; r < rules->nr && !ret; r++) {
		char *name = xstrfmt("file-groups-%zu", r), *groups;

		if (parts[r].skip || !parts[r].todo.nr) {
			free(name);
			continue;
		}
		if (!(groups = rules_file_groups(o, dir, &parts[r].todo, name)))
			ret = -1;
		cps[n] = (struct child_process)CHILD_PROCESS_INIT;
		if (!ret && rules_rule_process(o, rules->v[r], mode, groups, prefix, tmp, &cps[n]))
			ret = -1;
		part_of[n++] = r;
		free(groups);
		free(name);
	}
	/* the runs share the CPUs with their own workers: one scheduler for all */
	if (!ret && n)
		run_parallel(cps, n, o->jobs > 0 ? o->jobs : 1, results);
	for (size_t k = 0; k < n; k++) {
		struct rule_part *p = &parts[part_of[k]];
		struct strvec fresh = STRVEC_INIT;

		if (!ret && rules_rule_result(rules->v[part_of[k]], mode, results[k], &cps[k],
					      &p->todo, &fresh))
			ret = -1;
		if (!ret && caching)
			keep_results(dir, mode, p, &fresh);
		strvec_pushv(&p->lines, (const char *const *)fresh.v);
		strvec_clear(&fresh);
		child_process_clear(&cps[k]);
	}
	free(cps);
	free(results);
	free(part_of);
	free(prefix);
	free(tmp);
	return ret;
}

int rules_run_each(const struct rules_opts *o, const char *dir, const struct strvec *rules,
		   const char *mode, const struct strvec *files, struct strvec *report)
{
	struct rule_part *parts;
	char *top;
	int ret = 0, caching;

	if (!files->nr || !rules->nr)
		return 0;
	/* rules side by side in patch mode would key a file another is changing */
	top = cache_folder();
	caching = top && (strcmp(mode, "patch") || rules->nr == 1);
	free(top);
	parts = xcalloc(rules->nr, sizeof(*parts));
	for (size_t r = 0; r < rules->nr; r++) {
		struct strvec dflags = STRVEC_INIT;

		if (caching) {
			ask_cache(o, dir, rules->v[r], mode, files, &parts[r]);
		} else if (!(parts[r].skip = rule_dflags(o, rules->v[r], mode, &dflags))) {
			strvec_pushv(&parts[r].todo, (const char *const *)files->v);
			for (size_t f = 0; f < files->nr; f++)
				strvec_pushl(&parts[r].keys, "", NULL);
		}
		if (parts[r].skip < 0)
			ret = -1;
		strvec_clear(&dflags);
	}
	if (!ret)
		ret = run_spatch(o, dir, rules, mode, caching, parts);
	/* in rules' order; each rule's lines file by file, whatever ran them */
	for (size_t r = 0; r < rules->nr; r++) {
		if (!ret && report)
			order_lines(files, &parts[r].cached, &parts[r].lines, report);
		part_clear(&parts[r]);
	}
	free(parts);
	return ret;
}

int rules_run(const struct rules_opts *o, const char *dir, const char *rule, const char *mode,
	      const struct strvec *files, struct strvec *report)
{
	struct strvec one = STRVEC_INIT;
	int ret;

	strvec_push(&one, rule);
	ret = rules_run_each(o, dir, &one, mode, files, report);
	strvec_clear(&one);
	return ret;
}
