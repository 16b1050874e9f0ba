#include <fnmatch.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "core/manifest.h"
#include "core/manifest_keys.h"
#include "lib/fileio.h"
#include "lib/strbuf.h"
#include "lib/usage.h"

static int get_string(json_t *obj, const char *key, char **out, const char *where)
{
	json_t *v = json_object_get(obj, key);

	if (!json_is_string(v))
		return error("%s: \"%s\" must be a string", where, key);
	*out = xstrdup(json_string_value(v));
	return 0;
}

static int get_strings(json_t *obj, const char *key, struct strvec *out, const char *where)
{
	json_t *arr = json_object_get(obj, key), *v;
	size_t i;

	if (!json_is_array(arr) || !json_array_size(arr))
		return error("%s: \"%s\" must be a non-empty list of strings", where, key);
	json_array_foreach(arr, i, v) {
		if (!json_is_string(v))
			return error("%s: \"%s\"[%zu] must be a string", where, key, i);
		strvec_push(out, json_string_value(v));
	}
	return 0;
}

/*
 * An optional list of objects (root[key], or root[key][sub]) whose fields
 * are all strings, into a table with one column per field named.
 */
static int get_table(json_t *obj, const char *key, const char *const *fields,
		     struct manifest_table *t, const char *where)
{
	json_t *arr = json_object_get(obj, key), *row;
	size_t i;

	for (t->cols = 0; fields[t->cols]; t->cols++)
		;
	if (!arr)
		return 0;
	if (!json_is_array(arr))
		return error("%s: \"%s\" must be a list of objects", where, key);
	json_array_foreach(arr, i, row) {
		for (size_t f = 0; f < t->cols; f++) {
			json_t *v = json_object_get(row, fields[f]);

			if (!json_is_string(v))
				return error("%s: \"%s\"[%zu] needs a string \"%s\"", where, key, i,
					     fields[f]);
			strvec_push(&t->cells, json_string_value(v));
		}
		t->rows++;
	}
	return 0;
}

/* "SYMBOL=y", "SYMBOL=m" or "SYMBOL=n" */
static int is_setting(const char *s)
{
	const char *eq = s ? strchr(s, '=') : NULL;

	return eq && (!strcmp(eq, "=y") || !strcmp(eq, "=m") || !strcmp(eq, "=n"));
}

/* "variants": [{"name", "arch", "config": [...], "files": [...], "why"}] */
static int get_variants(json_t *b, struct manifest *m, const char *where)
{
	json_t *v, *s;
	size_t i, k;

	m->variants.cols = 4;
	json_array_foreach(json_object_get(b, "variants"), i, v) {
		const char *name = json_string_value(json_object_get(v, "name"));
		const char *arch = json_string_value(json_object_get(v, "arch"));
		const char *why = json_string_value(json_object_get(v, "why"));
		struct strvec files = STRVEC_INIT;
		char *joined;

		if (!name || !arch || !why || !json_is_array(json_object_get(v, "files")))
			return error("%s: \"build\".\"variants\"[%zu] needs \"name\", \"arch\", "
				     "\"why\" (strings) and \"files\" (a list of folders)", where, i);
		/* an O= folder and a column of the matrix: Kbuild splits on spaces and colons */
		if (!*name || strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
				     "0123456789._-") != strlen(name))
			return error("%s: \"build\".\"variants\"[%zu]: name \"%s\" may hold only "
				     "letters, digits and . _ -", where, i, name);
		json_array_foreach(json_object_get(v, "files"), k, s)
			if (json_is_string(s))
				strvec_push(&files, json_string_value(s));
		joined = strvec_join(&files, files.nr, " ");
		strvec_pushl(&m->variants.cells, name, arch, joined, why, NULL);
		m->variants.rows++;
		free(joined);
		strvec_clear(&files);
		json_array_foreach(json_object_get(v, "config"), k, s) {
			const char *set = json_string_value(s);

			if (!is_setting(set))
				return error("%s: \"build\".\"variants\"[%zu].\"config\"[%zu] must be "
					     "\"SYMBOL=y\", \"=m\" or \"=n\"", where, i, k);
			strvec_pushl(&m->config.cells, name, set, NULL);
			m->config.rows++;
		}
	}
	return 0;
}

/* A defconfig name, or a list of them: space-separated, in order; NULL when neither. */
static char *defconfig_names(json_t *v)
{
	struct strvec names = STRVEC_INIT;
	char *joined = NULL;
	size_t i;
	json_t *e;

	if (json_is_string(v) && *json_string_value(v) && !strchr(json_string_value(v), ' '))
		return xstrdup(json_string_value(v));
	json_array_foreach(v, i, e) {
		if (!json_is_string(e) || !*json_string_value(e) || strchr(json_string_value(e), ' ')) {
			strvec_clear(&names);
			return NULL;
		}
		strvec_push(&names, json_string_value(e));
	}
	if (names.nr)
		joined = strvec_join(&names, names.nr, " ");
	strvec_clear(&names);
	return joined;
}

/* "build": {"config": {ARCH or "all": ["SYMBOL=y|m|n", ...]}, "targets": [...]} */
static int get_build(json_t *root, struct manifest *m, const char *where)
{
	static const char *const target_fields[] = { "files", "build_in", "when", NULL };
	json_t *b = json_object_get(root, "build"), *config, *list, *v;
	const char *arch;
	size_t i;

	m->config.cols = 2;
	m->defconfigs.cols = 2;
	m->targets.cols = 3;
	if (!b)
		return 0;
	if (get_table(b, "targets", target_fields, &m->targets, where))
		return -1;
	json_object_foreach(json_object_get(b, "defconfigs"), arch, v) {
		char *names = defconfig_names(v);

		if (!names)
			return error("%s: \"build\".\"defconfigs\".\"%s\" must be a defconfig name or a "
				     "list of them, the first the tree has is used (\"powernv_defconfig\" or "
				     "[\"powernv_defconfig\", \"ppc64le_defconfig\"])", where, arch);
		strvec_pushl(&m->defconfigs.cells, arch, names, NULL);
		free(names);
		m->defconfigs.rows++;
	}
	if (get_variants(b, m, where))
		return -1;
	config = json_object_get(b, "config");
	json_object_foreach(config, arch, list) {
		json_array_foreach(list, i, v) {
			const char *s = json_string_value(v);

			if (!is_setting(s))
				return error("%s: \"build\".\"config\".\"%s\"[%zu] must be "
					     "\"SYMBOL=y\", \"=m\" or \"=n\"", where, arch, i);
			strvec_pushl(&m->config.cells, arch, s, NULL);
			m->config.rows++;
		}
	}
	return 0;
}

/* The preamble of every message, when the series has one. */
static void add_preamble(char **message, const char *preamble)
{
	char *both;

	if (!preamble)
		return;
	both = xstrfmt("%s\n\n%s", preamble, *message);
	free(*message);
	*message = both;
}

/* "audit" is optional: its rules, and the fix program with its modes. */
static int get_audit(json_t *root, struct manifest *m, const char *where)
{
	json_t *au = json_object_get(root, "audit");

	if (!au)
		return 0;
	if (get_strings(au, "rules", &m->audit_rules, where))
		return -1;
	if (json_object_get(au, "fix") &&
	    (get_string(au, "fix", &m->audit_fix, where) ||
	     get_strings(au, "fix_modes", &m->audit_fix_modes, where)))
		return -1;
	/* --fix convert: the series' own rules (patch mode) on the module's uses */
	if (json_object_get(au, "convert")) {
		json_t *cv = json_object_get(au, "convert");

		if (!json_is_object(cv))
			return error("%s: \"audit\".\"convert\" must be an object with \"rules\" "
				     "and \"ids\"", where);
		if (get_strings(cv, "rules", &m->audit_convert, where) ||
		    get_strings(cv, "ids", &m->audit_convert_ids, where))
			return -1;
	}
	return 0;
}

/* "runtime" is optional (a series without it cannot be booted). */
static int get_runtime(json_t *root, struct manifest *m, const char *where)
{
	static const char *const watch_fields[] = { "name", "text", "config", NULL };
	json_t *rt = json_object_get(root, "runtime"), *runs;

	if (!rt)
		return 0;
	if (!json_is_object(rt))
		return error("%s: \"runtime\" must be an object (docs/runtime.md)", where);
	if (get_string(rt, "probe", &m->runtime_probe, where) ||
	    get_string(rt, "init", &m->runtime_init, where) ||
	    get_strings(rt, "guest", &m->runtime_guest, where) ||
	    get_strings(rt, "config", &m->runtime_config, where) ||
	    (json_object_get(rt, "modules") && get_strings(rt, "modules", &m->runtime_modules, where)) ||
	    get_table(rt, "watch", watch_fields, &m->runtime_watch, where))
		return -1;
	for (size_t i = 0; i < m->runtime_config.nr; i++)
		if (!is_setting(m->runtime_config.v[i]))
			return error("%s: \"runtime\".\"config\"[%zu] must be \"SYMBOL=y\", \"=m\" or \"=n\"",
				     where, i);
	runs = json_object_get(rt, "runs");
	m->runtime_runs = runs ? json_integer_value(runs) : 10;
	if (runs && (!json_is_integer(runs) || m->runtime_runs < 1))
		return error("%s: \"runtime\".\"runs\" must be a number of runs, 1 or more", where);
	return 0;
}

/* "checks" is optional; when there, it needs both lists. */
static int get_checks(json_t *root, struct manifest *m, const char *where)
{
	json_t *ck = json_object_get(root, "checks");

	if (!ck)
		return 0;
	if (!json_is_object(ck))
		return error("%s: \"checks\" must be an object with \"rules\" and \"tokens\"", where);
	if (get_strings(ck, "rules", &m->check_rules, where) ||
	    get_strings(ck, "tokens", &m->check_tokens, where))
		return -1;
	return 0;
}

/* An option's optional words for the cover letter and its stable default. */
static int get_option_words(json_t *root, struct manifest *m, const char *where)
{
	json_t *o;
	size_t i;

	m->option_stable = xcalloc(m->options.rows + 1, sizeof(*m->option_stable));
	json_array_foreach(json_object_get(root, "options"), i, o) {
		static const char *const keys[] = { "said_on", "said_off" };
		struct strvec *to[] = { &m->option_said_on, &m->option_said_off };
		json_t *st = json_object_get(o, "stable");

		for (int k = 0; k < 2; k++) {
			json_t *v = json_object_get(o, keys[k]);

			if (v && !json_is_string(v))
				return error("%s: \"options\"[%zu].\"%s\" must be a string", where, i,
					     keys[k]);
			strvec_push(to[k], v ? json_string_value(v) : "");
		}
		if (st && !json_is_boolean(st))
			return error("%s: \"options\"[%zu].\"stable\" must be true or false", where, i);
		m->option_stable[i] = json_is_true(st);
	}
	return 0;
}

static int is_probe(const struct manifest *m, const char *define)
{
	for (size_t i = 0; i < m->probes.rows; i++)
		if (!strcmp(cell(&m->probes, i, PROBE_DEFINE), define))
			return 1;
	return 0;
}

/*
 * "message_with": {"NAME": "message"}: NAME an option of "options", or a
 * define of "probes" (a fact of the tree: the message true of its shape).
 */
static int get_message_with(json_t *p, struct manifest *m, struct manifest_patch *mp,
			    const char *where)
{
	json_t *w = json_object_get(p, "message_with"), *v;
	const char *name;

	if (!w)
		return 0;
	if (!json_is_object(w))
		return error("%s: \"message_with\" must be an object: {\"OPTION\": \"message\"}", where);
	json_object_foreach(w, name, v) {
		if (!json_is_string(v))
			return error("%s: \"message_with\".\"%s\" must be a string", where, name);
		if (manifest_option(m, name) < 0 && !is_probe(m, name))
			return error("%s: \"message_with\".\"%s\": no such option in \"options\", nor "
				     "define in \"probes\"", where, name);
		strvec_push(&mp->with_option, name);
		strvec_push(&mp->with_message, json_string_value(v));
	}
	return 0;
}

static int get_tables(json_t *root, struct manifest *m, const char *where)
{
	static const char *const option_fields[] = { "name", "define", "help", NULL };
	static const char *const probe_fields[] = { "define", "when_a_file_contains", NULL };
	static const char *const kind_fields[] = { "prefix", "key", "label", NULL };

	if (get_table(root, "options", option_fields, &m->options, where) ||
	    get_table(root, "probes", probe_fields, &m->probes, where) ||
	    get_table(root, "kinds", kind_fields, &m->kinds, where) ||
	    get_build(root, m, where))
		return -1;
	for (size_t i = 0; i < m->options.rows; i++) {
		const char *name = cell(&m->options, i, OPTION_NAME);

		if (!*name || name[0] == '-' || strpbrk(name, " =\t"))
			return error("%s: option \"%s\": give the name without dashes or spaces, "
				     "e.g. \"keep-legacy\"", where, name);
	}
	return get_option_words(root, m, where);
}

/*
 * "exclude": paths or patterns; and the residual kinds: "by hand" and the
 * "kinds" entries marked "residual": true.
 */
static int get_scope(json_t *root, struct manifest *m, const char *where)
{
	json_t *kinds = json_object_get(root, "kinds"), *k, *res;
	size_t i;

	if (json_object_get(root, "exclude") && get_strings(root, "exclude", &m->exclude, where))
		return -1;
	for (i = 0; i < m->exclude.nr; i++)
		if (!*m->exclude.v[i] || m->exclude.v[i][0] == '/')
			return error("%s: \"exclude\"[%zu] must be a path inside the tree (\"tools/\", "
				     "\"samples/mic/\", \"*/selftests/*\"), not \"%s\"", where, i,
				     m->exclude.v[i]);
	strvec_push(&m->residual_kinds, "by hand");
	json_array_foreach(kinds, i, k) {
		res = json_object_get(k, "residual");
		if (res && !json_is_boolean(res))
			return error("%s: \"kinds\"[%zu].\"residual\" must be true or false", where, i);
		if (json_is_true(res))
			strvec_push(&m->residual_kinds, cell(&m->kinds, i, KIND_PREFIX));
	}
	return 0;
}

int manifest_excluded(const struct manifest *m, const char *file)
{
	for (size_t i = 0; i < m->exclude.nr; i++) {
		const char *e = m->exclude.v[i];
		size_t n = strlen(e);

		if (e[n - 1] == '/' ? !strncmp(file, e, n) : !fnmatch(e, file, 0))
			return 1;
	}
	return 0;
}

int manifest_residual_kind(const struct manifest *m, const char *message)
{
	for (size_t i = 0; i < m->residual_kinds.nr; i++)
		if (!strncmp(message, m->residual_kinds.v[i], strlen(m->residual_kinds.v[i])))
			return 1;
	return 0;
}

/* The patch with "removes_api": true, else the last one. */
static int find_api_patch(json_t *patches, struct manifest *m, const char *where)
{
	json_t *p;
	size_t i, found = 0;

	m->api_patch = json_array_size(patches) - 1;
	json_array_foreach(patches, i, p)
		if (json_is_true(json_object_get(p, "removes_api"))) {
			if (found++)
				return error("%s: only one patch can have \"removes_api\"", where);
			m->api_patch = i;
		}
	return 0;
}

/* "catchall": the subject (a format with exactly one %s) and the message. */
static int get_catchall(json_t *root, struct manifest *m, const char *preamble, const char *where)
{
	json_t *ca = json_object_get(root, "catchall");
	const char *fmt;

	if (!json_is_object(ca) || get_string(ca, "subject", &m->catchall_subject, where) ||
	    get_string(ca, "message", &m->catchall_message, where))
		return error("%s: \"catchall\" must give a subject and a message", where);
	/* check the format before anything uses it */
	fmt = strchr(m->catchall_subject, '%');
	if (!fmt || fmt[1] != 's' || strchr(fmt + 2, '%'))
		return error("%s: the catchall subject needs exactly one %%s (the prefix)", where);
	add_preamble(&m->catchall_message, preamble);
	/* "prefixes": {"drivers/nvme/host/": "nvme-pci", ...} */
	m->catchall_prefixes.cols = 2;
	if (json_object_get(ca, "prefixes")) {
		const char *dir;
		json_t *v;

		if (!json_is_object(json_object_get(ca, "prefixes")))
			return error("%s: \"catchall\".\"prefixes\" must map folders to subject "
				     "prefixes ({\"drivers/nvme/host/\": \"nvme-pci\"})", where);
		json_object_foreach(json_object_get(ca, "prefixes"), dir, v) {
			if (!json_is_string(v) || !*json_string_value(v))
				return error("%s: \"catchall\".\"prefixes\".\"%s\" must be a subject "
					     "prefix (a string)", where, dir);
			strvec_pushl(&m->catchall_prefixes.cells, dir, json_string_value(v), NULL);
			m->catchall_prefixes.rows++;
		}
	}
	return 0;
}

/*
 * A hand edit: "diff", the author's patch file in the series folder (a
 * regular file), instead of "rules" and "paths": the diff names its files.
 */
static int get_diff(json_t *p, const struct manifest *m, struct manifest_patch *mp,
		    const char *where)
{
	char *path, *text;

	if (json_object_get(p, "rules") || json_object_get(p, "paths"))
		return error("%s: a \"diff\" entry has no \"rules\" or \"paths\": its patch file "
			     "says what it changes", where);
	if (get_string(p, "diff", &mp->diff, where))
		return -1;
	/* the series is its folder: a hand edit is one of its files */
	if (mp->diff[0] == '/' || !strcmp(mp->diff, "..") || !strncmp(mp->diff, "../", 3) ||
	    strstr(mp->diff, "/../") || ends_with(mp->diff, "/.."))
		return error("%s: \"diff\" %s is outside the series folder: give a path inside it "
			     "(\"hand/fix.diff\")", where, mp->diff);
	path = xstrfmt("%s/%s", m->dir, mp->diff);
	text = read_file(path);
	free(path);
	if (!text)
		return error("%s: \"diff\" %s is no readable file of the series folder", where,
			     mp->diff);
	if (!strstr(text, "\n+++ ") && strncmp(text, "+++ ", 4)) {
		free(text);
		return error("%s: \"diff\" %s holds no unified diff (no \"+++ b/FILE\" line): "
			     "make it with git diff or git format-patch", where, mp->diff);
	}
	free(text);
	return 0;
}

/* "patches": each with its subject, message, rules (all in "order") and paths. */
static int get_patches(json_t *root, struct manifest *m, const char *preamble, const char *path)
{
	json_t *patches = json_object_get(root, "patches"), *p;
	size_t i;

	if (!json_is_array(patches) || !json_array_size(patches))
		return error("%s: \"patches\" must be a non-empty list", path);
	if (find_api_patch(patches, m, path))
		return -1;
	m->patches = xcalloc(json_array_size(patches), sizeof(*m->patches));
	json_array_foreach(patches, i, p) {
		struct manifest_patch *mp = &m->patches[i];
		char *where = xstrfmt("%s: patch %zu", path, i + 1);
		int bad;

		m->nr_patches = i + 1;
		bad = get_string(p, "subject", &mp->subject, where) ||
		      get_string(p, "message", &mp->message, where) ||
		      get_message_with(p, m, mp, where) ||
		      (json_object_get(p, "diff") ? get_diff(p, m, mp, where) :
		       get_strings(p, "rules", &mp->rules, where) ||
		       get_strings(p, "paths", &mp->paths, where));
		free(where);
		if (bad)
			return -1;
		if (!json_is_false(json_object_get(p, "preamble")))
		{
			add_preamble(&mp->message, preamble);
			for (size_t k = 0; k < mp->with_message.nr; k++)
				add_preamble(&mp->with_message.v[k], preamble);
		}
		for (size_t r = 0; m->order.nr && r < mp->rules.nr; r++)
			if (!strvec_contains(&m->order, mp->rules.v[r]))
				return error("%s: rule %s of patch %zu is missing from \"order\"",
					     path, mp->rules.v[r], i + 1);
	}
	return 0;
}

/* "macro_file" is a file of the series folder (spatch would run without it, silently). */
static int check_macro_file(const struct manifest *m, const char *where)
{
	char *path = xstrfmt("%s/%s", m->dir, m->macro_file), *text = read_file(path);
	int ret = text ? 0 : error("%s: \"macro_file\" %s is no readable file of the series folder: "
				   "fix its name, or add it", where, m->macro_file);

	free(text);
	free(path);
	return ret;
}

/* The folder whose manifest failed: said once, however often a command loads it. */
static char *failed_dir;

int manifest_load(struct manifest *m, const char *cocci_dir)
{
	char *path;
	json_error_t jerr;
	json_t *root;
	const char *preamble;
	int ret = -1;

	memset(m, 0, sizeof(*m));
	if (failed_dir && !strcmp(failed_dir, cocci_dir))
		return -1;
	path = xstrfmt("%s/series.json", cocci_dir);
	/* a key given twice is an error, never "the last one wins" */
	root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		error("cannot read the series manifest %s: %s (line %d)", path, jerr.text, jerr.line);
		free(path);
		free(failed_dir);
		failed_dir = xstrdup(cocci_dir);
		return -1;
	}
	m->dir = xstrdup(cocci_dir);
	preamble = json_string_value(json_object_get(root, "preamble"));
	if (!manifest_check_keys(root, path) &&
	    !get_string(root, "name", &m->name, path) &&
	    !get_string(root, "cover", &m->cover, path) &&
	    !get_string(root, "macro_file", &m->macro_file, path) &&
	    !get_strings(root, "tokens", &m->tokens, path) &&
	    !get_tables(root, m, path) &&
	    !get_scope(root, m, path) &&
	    !(json_object_get(root, "order") && get_strings(root, "order", &m->order, path)) &&
	    !get_checks(root, m, path) &&
	    !get_audit(root, m, path) &&
	    !get_runtime(root, m, path) &&
	    !get_catchall(root, m, preamble, path) &&
	    !get_patches(root, m, preamble, path) &&
	    !check_macro_file(m, path))
		ret = 0;
	json_decref(root);
	free(path);
	if (ret) {
		manifest_clear(m);
		free(failed_dir);
		failed_dir = xstrdup(cocci_dir);
	}
	return ret;
}

void manifest_rules(const struct manifest *m, struct strvec *out)
{
	if (m->order.nr) {
		strvec_pushv(out, (const char *const *)m->order.v);
		return;
	}
	for (size_t i = 0; i < m->nr_patches; i++)
		for (size_t j = 0; j < m->patches[i].rules.nr; j++)
			if (!strvec_contains(out, m->patches[i].rules.v[j]))
				strvec_push(out, m->patches[i].rules.v[j]);
}

void manifest_clear(struct manifest *m)
{
	for (size_t i = 0; i < m->nr_patches; i++) {
		free(m->patches[i].subject);
		free(m->patches[i].message);
		strvec_clear(&m->patches[i].rules);
		strvec_clear(&m->patches[i].with_option);
		strvec_clear(&m->patches[i].with_message);
		strvec_clear(&m->patches[i].paths);
		free(m->patches[i].diff);
	}
	free(m->patches);
	free(m->name);
	free(m->cover);
	free(m->dir);
	free(m->macro_file);
	free(m->audit_fix);
	strvec_clear(&m->audit_rules);
	strvec_clear(&m->audit_fix_modes);
	strvec_clear(&m->audit_convert);
	strvec_clear(&m->audit_convert_ids);
	free(m->runtime_probe);
	free(m->runtime_init);
	strvec_clear(&m->runtime_guest);
	strvec_clear(&m->runtime_config);
	strvec_clear(&m->runtime_modules);
	strvec_clear(&m->runtime_watch.cells);
	strvec_clear(&m->options.cells);
	strvec_clear(&m->option_said_on);
	strvec_clear(&m->option_said_off);
	free(m->option_stable);
	strvec_clear(&m->probes.cells);
	strvec_clear(&m->kinds.cells);
	strvec_clear(&m->exclude);
	strvec_clear(&m->residual_kinds);
	strvec_clear(&m->config.cells);
	strvec_clear(&m->defconfigs.cells);
	strvec_clear(&m->variants.cells);
	strvec_clear(&m->targets.cells);
	free(m->catchall_subject);
	free(m->catchall_message);
	strvec_clear(&m->catchall_prefixes.cells);
	strvec_clear(&m->tokens);
	strvec_clear(&m->check_rules);
	strvec_clear(&m->check_tokens);
	strvec_clear(&m->order);
	memset(m, 0, sizeof(*m));
}

long manifest_option(const struct manifest *m, const char *name)
{
	for (size_t i = 0; i < m->options.rows; i++)
		if (!strcmp(cell(&m->options, i, OPTION_NAME), name))
			return (long)i;
	return -1;
}

const char *manifest_message(const struct manifest *m, const struct manifest_patch *p,
			     const struct strvec *defines)
{
	for (size_t k = 0; k < p->with_option.nr; k++) {
		long o = manifest_option(m, p->with_option.v[k]);
		const char *define = o >= 0 ? cell(&m->options, (size_t)o, OPTION_DEFINE) : p->with_option.v[k];

		if (strvec_contains(defines, define))
			return p->with_message.v[k];
	}
	return p->message;
}

char *manifest_options_said(const struct manifest *m, const struct strvec *defines)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < m->options.rows && i < m->option_said_on.nr; i++) {
		int on = strvec_contains(defines, cell(&m->options, i, OPTION_DEFINE));
		const char *said = on ? m->option_said_on.v[i] : m->option_said_off.v[i];

		if (*said)
			strbuf_addf(&sb, "%s%s", sb.len ? " " : "", said);
	}
	if (!sb.len) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}
