#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "manifest.h"
#include "usage.h"

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

int manifest_load(struct manifest *m, const char *cocci_dir)
{
	char *path = xstrfmt("%s/series.json", cocci_dir);
	json_error_t jerr;
	json_t *root, *patches, *p;
	size_t i;
	int ret = -1;

	memset(m, 0, sizeof(*m));
	root = json_load_file(path, 0, &jerr);
	if (!root) {
		error("cannot read the series manifest %s: %s (line %d)", path, jerr.text, jerr.line);
		free(path);
		return -1;
	}
	if (get_string(root, "name", &m->name, path) ||
	    get_string(root, "cover", &m->cover, path) ||
	    get_string(root, "api_member", &m->api_member, path) ||
	    get_strings(root, "tokens", &m->tokens, path))
		goto out;
	if (json_object_get(root, "order") && get_strings(root, "order", &m->order, path))
		goto out;
	if (get_checks(root, m, path))
		goto out;
	{
		json_t *ca = json_object_get(root, "catchall");
		const char *fmt;

		if (!json_is_object(ca) ||
		    get_string(ca, "subject", &m->catchall_subject, path) ||
		    get_string(ca, "message", &m->catchall_message, path)) {
			error("%s: \"catchall\" must give a subject and a message", path);
			goto out;
		}
		/* the subject is a format with exactly one %s: check before using it */
		fmt = strchr(m->catchall_subject, '%');
		if (!fmt || fmt[1] != 's' || strchr(fmt + 2, '%')) {
			error("%s: the catchall subject needs exactly one %%s (the prefix)", path);
			goto out;
		}
	}
	patches = json_object_get(root, "patches");
	if (!json_is_array(patches) || !json_array_size(patches)) {
		error("%s: \"patches\" must be a non-empty list", path);
		goto out;
	}
	m->patches = xcalloc(json_array_size(patches), sizeof(*m->patches));
	json_array_foreach(patches, i, p) {
		struct manifest_patch *mp = &m->patches[i];
		char *where = xstrfmt("%s: patch %zu", path, i + 1);
		int bad;

		m->nr_patches = i + 1;
		bad = get_string(p, "subject", &mp->subject, where) ||
		      get_string(p, "message", &mp->message, where) ||
		      get_strings(p, "rules", &mp->rules, where) ||
		      get_strings(p, "paths", &mp->paths, where);
		free(where);
		if (bad)
			goto out;
		for (size_t r = 0; m->order.nr && r < mp->rules.nr; r++)
			if (!strvec_contains(&m->order, mp->rules.v[r])) {
				error("%s: rule %s of patch %zu is missing from \"order\"",
				      path, mp->rules.v[r], i + 1);
				goto out;
			}
	}
	ret = 0;
out:
	json_decref(root);
	free(path);
	if (ret)
		manifest_clear(m);
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
		strvec_clear(&m->patches[i].paths);
	}
	free(m->patches);
	free(m->name);
	free(m->cover);
	free(m->api_member);
	free(m->catchall_subject);
	free(m->catchall_message);
	strvec_clear(&m->tokens);
	strvec_clear(&m->check_rules);
	strvec_clear(&m->check_tokens);
	strvec_clear(&m->order);
	memset(m, 0, sizeof(*m));
}
