#include <stdlib.h>
#include <string.h>
#include "core/arch.h"
#include "core/manifest_keys.h"
#include "lib/strbuf.h"
#include "lib/usage.h"

/* docs/manifest.md: what each object of series.json may hold */
static const char *const top_keys[] = { "name", "cover", "preamble", "tokens", "macro_file",
	"probes", "options", "kinds", "build", "checks", "audit", "order", "catchall", "patches",
	"runtime", "exclude", NULL };
static const char *const patch_keys[] = { "subject", "message", "rules", "paths", "removes_api",
	"preamble", "diff", "message_with", NULL };
static const char *const probe_keys[] = { "define", "when_a_file_contains", NULL };
static const char *const option_keys[] = { "name", "define", "help", "said_on", "said_off", "stable",
	NULL };
static const char *const kind_keys[] = { "prefix", "key", "label", "residual", NULL };
static const char *const build_keys[] = { "config", "defconfigs", "targets", "variants", NULL };
static const char *const target_keys[] = { "files", "build_in", "when", NULL };
static const char *const variant_keys[] = { "name", "arch", "config", "files", "why", NULL };
static const char *const checks_keys[] = { "rules", "tokens", NULL };
static const char *const audit_keys[] = { "rules", "fix", "fix_modes", "convert", NULL };
static const char *const convert_keys[] = { "rules", "ids", NULL };
static const char *const catchall_keys[] = { "subject", "message", "prefixes", NULL };
static const char *const runtime_keys[] = { "probe", "init", "guest", "config", "modules",
	"watch", "runs", NULL };
static const char *const watch_keys[] = { "name", "text", "config", NULL };
static const char *const config_arch_keys[] = { "all", "x86_64", "arm64", "arm", "powerpc",
	"mips", NULL };

size_t manifest_key_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), *row = xcalloc(lb + 1, sizeof(*row)), d;

	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

/* "did you mean "preamble"?" or the list of valid keys. */
static char *nearest(const char *key, const char *const *keys)
{
	struct strbuf sb = STRBUF_INIT;
	const char *best = NULL;
	size_t best_d = (size_t)-1;

	for (size_t i = 0; keys[i]; i++) {
		size_t d = manifest_key_distance(key, keys[i]);

		if (d < best_d) {
			best_d = d;
			best = keys[i];
		}
	}
	/* close enough to be a typo: at most a third of the word, or 2 */
	if (best && (best_d <= 2 || best_d * 3 <= strlen(key))) {
		strbuf_addf(&sb, "did you mean \"%s\"?", best);
	} else {
		strbuf_addstr(&sb, "the keys here are");
		for (size_t i = 0; keys[i]; i++)
			strbuf_addf(&sb, "%s \"%s\"", i ? "," : "", keys[i]);
	}
	return strbuf_detach(&sb);
}

/* Every key of obj (an object at where) is one of keys. Returns the unknown ones. */
static int check_object(json_t *obj, const char *const *keys, const char *what, const char *file,
			const char *where)
{
	const char *key;
	json_t *v;
	int bad = 0;

	if (!json_is_object(obj))
		return 0;	/* the loader names a wrong type */
	json_object_foreach(obj, key, v) {
		int known = 0;

		for (size_t i = 0; keys[i] && !known; i++)
			known = !strcmp(key, keys[i]);
		if (!known) {
			char *hint = nearest(key, keys);

			error("%s: unknown %s \"%s\" in %s: %s", file, what, key, where, hint);
			free(hint);
			bad++;
		}
	}
	return bad;
}

/* Each object of the list root[key] against keys. */
static int check_list(json_t *parent, const char *key, const char *const *keys, const char *file,
		      const char *where)
{
	json_t *arr = json_object_get(parent, key), *v;
	size_t i;
	int bad = 0;

	json_array_foreach(arr, i, v) {
		char *at = xstrfmt("%s\"%s\" entry %zu", where, key, i + 1);

		bad += check_object(v, keys, "key", file, at);
		free(at);
	}
	return bad;
}

static int check_build(json_t *b, const char *file)
{
	json_t *variants = json_object_get(b, "variants"), *v;
	size_t i;
	int bad = check_object(b, build_keys, "key", file, "\"build\"");

	bad += check_object(json_object_get(b, "config"), config_arch_keys, "architecture", file,
			    "\"build\".\"config\"");
	bad += check_object(json_object_get(b, "defconfigs"), config_arch_keys + 1, "architecture",
			    file, "\"build\".\"defconfigs\"");
	bad += check_list(b, "targets", target_keys, file, "\"build\".");
	bad += check_list(b, "variants", variant_keys, file, "\"build\".");
	json_array_foreach(variants, i, v) {
		const char *arch = json_string_value(json_object_get(v, "arch"));
		int known = !arch;

		for (size_t k = 0; arch_names[k] && !known; k++)
			known = !strcmp(arch, arch_names[k]);
		if (!known) {
			char *hint = nearest(arch, arch_names);

			error("%s: unknown architecture \"%s\" in \"build\".\"variants\" entry %zu: %s",
			      file, arch, i + 1, hint);
			free(hint);
			bad++;
		}
	}
	return bad;
}

int manifest_check_keys(json_t *root, const char *file)
{
	json_t *audit = json_object_get(root, "audit"), *rt = json_object_get(root, "runtime");
	int bad = check_object(root, top_keys, "key", file, "the manifest");

	bad += check_list(root, "patches", patch_keys, file, "");
	bad += check_list(root, "probes", probe_keys, file, "");
	bad += check_list(root, "options", option_keys, file, "");
	bad += check_list(root, "kinds", kind_keys, file, "");
	bad += check_build(json_object_get(root, "build"), file);
	bad += check_object(json_object_get(root, "checks"), checks_keys, "key", file, "\"checks\"");
	bad += check_object(audit, audit_keys, "key", file, "\"audit\"");
	bad += check_object(json_object_get(audit, "convert"), convert_keys, "key", file,
			    "\"audit\".\"convert\"");
	bad += check_object(json_object_get(root, "catchall"), catchall_keys, "key", file,
			    "\"catchall\"");
	bad += check_object(rt, runtime_keys, "key", file, "\"runtime\"");
	bad += check_list(rt, "watch", watch_keys, file, "\"runtime\".");
	return bad ? -1 : 0;
}
