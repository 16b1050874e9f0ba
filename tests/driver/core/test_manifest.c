/*
 * Unit tests of driver/core/manifest.c and driver/core/manifest_keys.c: the
 * shipped series, the second one, bad manifests and keys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lib/fileio.h"
#include "core/manifest.h"
#include "core/manifest_keys.h"
#include "unit.h"
#include "lib/usage.h"

/* A series folder holding series.json with text and the macro file m.h; its path (caller frees). */
static char *series_with(const char *text)
{
	char tmpl[] = "/tmp/kseries-manifest-XXXXXX", *dir = mkdtemp(tmpl), *path;

	if (!dir)
		return NULL;
	path = xstrfmt("%s/series.json", dir);
	write_file(path, text);
	free(path);
	path = xstrfmt("%s/m.h", dir);
	write_file(path, "#define x\n");
	free(path);
	return xstrdup(dir);
}

static void drop(char *dir)
{
	char *path;

	if (!dir)
		return;
	path = xstrfmt("%s/series.json", dir);

	unlink(path);
	free(path);
	path = xstrfmt("%s/m.h", dir);
	unlink(path);
	rmdir(dir);
	free(path);
	free(dir);
}

/* 1 when text loads, 0 when the loader refuses it */
static int loads(const char *text)
{
	struct manifest m;
	char *dir = series_with(text);
	int ok = dir && !manifest_load(&m, dir);

	if (ok)
		manifest_clear(&m);
	drop(dir);
	return ok;
}

#define MINIMAL(extra) "{\"name\": \"n\", \"cover\": \"c\", \"tokens\": [\"t\"], " \
	"\"macro_file\": \"m.h\", \"catchall\": {\"subject\": \"%s: x\", \"message\": \"m\"}, " \
	extra "\"patches\": [{\"subject\": \"s\", \"message\": \"m\", \"rules\": [\"r.cocci\"], " \
	"\"paths\": [\"a.c\"]}]}"

/* A series with one option (its extra keys) and one patch (its extra keys). */
#define WITH_OPTION(opt, patch) "{\"name\": \"n\", \"cover\": \"c\", \"tokens\": [\"t\"], " \
	"\"macro_file\": \"m.h\", \"catchall\": {\"subject\": \"%s: x\", \"message\": \"m\"}, " \
	"\"options\": [{\"name\": \"o\", \"define\": \"d\", \"help\": \"h\"" opt "}], " \
	"\"patches\": [{\"subject\": \"s\", \"message\": \"m\", \"rules\": [\"r.cocci\"], " \
	"\"paths\": [\"a.c\"]" patch "}]}"

int main(void)
{
	struct manifest m;

	CHECK("manifest: the shipped series loads", !manifest_load(&m, TOP "/cocci"));
	CHECK("manifest: its options", m.options.rows == 1 &&
	      !strcmp(cell(&m.options, 0, OPTION_NAME), "kvm-apic-range") &&
	      !strcmp(cell(&m.options, 0, OPTION_DEFINE), "kvm_apic_range"));
	{
		struct strvec on = STRVEC_INIT, off = STRVEC_INIT;
		const struct manifest_patch *kvm = NULL;
		char *said_on, *said_off;

		strvec_push(&on, "kvm_apic_range");
		for (size_t i = 0; i < m.nr_patches; i++)
			if (!strncmp(m.patches[i].subject, "KVM:", 4))
				kvm = &m.patches[i];
		said_on = manifest_options_said(&m, &on);
		said_off = manifest_options_said(&m, &off);
		CHECK("manifest: the option's cover words, on and off, and its stable default",
		      m.option_stable[0] == 1 && said_on && strstr(said_on, "this series keeps x86") &&
		      said_off && strstr(said_off, "this series drops x86"));
		CHECK("manifest: the KVM patch's message with the option, and without",
		      kvm && strstr(manifest_message(&m, kvm, &on), "becomes kvm_arch_mmu_notifier_invalidate_range()") &&
		      manifest_message(&m, kvm, &off) == kvm->message &&
		      !strncmp(manifest_message(&m, kvm, &on), "The invalidate_page callback", 28));
		free(said_on);
		free(said_off);
		strvec_clear(&on);
	}
	CHECK("manifest: its kinds, in order", m.kinds.rows == 4 &&
	      !strcmp(cell(&m.kinds, 2, KIND_KEY), "kvm_hooks"));
	CHECK("manifest: the API patch is the last one", m.api_patch == m.nr_patches - 1);
	CHECK("manifest: the preamble opens a patch message",
	      m.nr_patches && !strncmp(m.patches[0].message, "The invalidate_page callback", 28));
	CHECK("manifest: ... but not the one that opts out",
	      m.nr_patches && strncmp(m.patches[m.nr_patches - 1].message, "The invalidate_page callback", 28));
	CHECK("manifest: per-arch build settings and targets", m.config.rows > 20 && m.targets.rows == 2);
	CHECK("manifest: its variant, config under its name", m.variants.rows == 1 &&
	      !strcmp(cell(&m.variants, 0, VARIANT_NAME), "x86_64-nomn") &&
	      !strcmp(cell(&m.variants, 0, VARIANT_FILES), "mm/rmap fs/dax"));
	manifest_clear(&m);

	CHECK("manifest: the second series loads", !manifest_load(&m, TOP "/tests/series2/series"));
	CHECK("manifest: ... its own option and kinds", m.options.rows == 1 && m.kinds.rows == 3 &&
	      !strcmp(cell(&m.options, 0, OPTION_NAME), "trace-puts"));
	manifest_clear(&m);

	CHECK("manifest: a minimal series loads", loads(MINIMAL("")));
	CHECK("manifest: \"exclude\" paths load; an empty or absolute one is refused",
	      loads(MINIMAL("\"exclude\": [\"tools/\", \"*/selftests/*\"], ")) &&
	      !loads(MINIMAL("\"exclude\": [\"\"], ")) && !loads(MINIMAL("\"exclude\": [\"/usr/\"], ")) &&
	      !loads(MINIMAL("\"exclude\": \"tools/\", ")));
	CHECK("manifest: a kind's \"residual\" must be true or false",
	      loads(MINIMAL("\"kinds\": [{\"prefix\": \"p\", \"key\": \"k\", \"label\": \"l\", "
			    "\"residual\": true}], ")) &&
	      !loads(MINIMAL("\"kinds\": [{\"prefix\": \"p\", \"key\": \"k\", \"label\": \"l\", "
			     "\"residual\": \"yes\"}], ")));
	{
		char *dir = series_with(MINIMAL("\"exclude\": [\"tools/\", \"drivers/*/test_*.c\"], "
						"\"kinds\": [{\"prefix\": \"manual\", \"key\": \"k\", "
						"\"label\": \"l\", \"residual\": true}], "));

		CHECK("manifest: loads with exclude and a residual kind", dir && !manifest_load(&m, dir));
		CHECK("manifest: exclude: a folder, a pattern across folders; not a look-alike",
		      manifest_excluded(&m, "tools/gadget/user.c") &&
		      manifest_excluded(&m, "drivers/misc/test_x.c") &&
		      !manifest_excluded(&m, "toolsx/a.c") && !manifest_excluded(&m, "drivers/misc/x.c"));
		CHECK("manifest: residual kinds: \"by hand\" always, and the marked kind",
		      manifest_residual_kind(&m, "by hand: x") && manifest_residual_kind(&m, "manual: y") &&
		      !manifest_residual_kind(&m, "caller: z"));
		manifest_clear(&m);
		drop(dir);
	}
	{
		char *dir = series_with(MINIMAL("")), *json = NULL, *path;
		const char *hand[] = {
			"{\"subject\": \"h\", \"message\": \"m\", \"diff\": \"fix.diff\"}",
			"{\"subject\": \"h\", \"message\": \"m\", \"diff\": \"../fix.diff\"}",
			"{\"subject\": \"h\", \"message\": \"m\", \"diff\": \"none.diff\"}",
			"{\"subject\": \"h\", \"message\": \"m\", \"diff\": \"m.h\"}",
			"{\"subject\": \"h\", \"message\": \"m\", \"diff\": \"fix.diff\", \"rules\": [\"r.cocci\"]}",
		};
		int ok[5];

		path = xstrfmt("%s/fix.diff", dir);
		write_file(path, "--- a/a.c\n+++ b/a.c\n@@ -1 +1 @@\n-x\n+y\n");
		for (int i = 0; i < 5; i++) {
			char *p2 = xstrfmt("%s/series.json", dir);

			json = xstrfmt("{\"name\": \"n\", \"cover\": \"c\", \"tokens\": [\"t\"], "
				       "\"macro_file\": \"m.h\", \"catchall\": {\"subject\": \"%%s: x\", "
				       "\"message\": \"m\"}, \"patches\": [%s]}", hand[i]);
			write_file(p2, json);
			ok[i] = !manifest_load(&m, dir);
			if (ok[i]) {
				if (i == 0)
					CHECK_STR("manifest: a \"diff\" entry keeps its patch file", m.patches[0].diff,
						  "fix.diff");
				manifest_clear(&m);
			}
			free(p2);
			free(json);
		}
		CHECK("manifest: a \"diff\" entry: inside the folder, a unified diff, no rules with it",
		      ok[0] && !ok[1] && !ok[2] && !ok[3] && !ok[4]);
		unlink(path);
		free(path);
		drop(dir);
	}
	CHECK("manifest: a defconfig may be a list, the first the tree has wins",
	      loads(MINIMAL("\"build\": {\"defconfigs\": {\"powerpc\": [\"powernv_defconfig\", "
			    "\"ppc64le_defconfig\"]}}, ")));
	CHECK("manifest: a defconfig list of something else is refused",
	      !loads(MINIMAL("\"build\": {\"defconfigs\": {\"powerpc\": [\"a b\"]}}, ")) &&
	      !loads(MINIMAL("\"build\": {\"defconfigs\": {\"powerpc\": [1]}}, ")) &&
	      !loads(MINIMAL("\"build\": {\"defconfigs\": {\"powerpc\": []}}, ")));
	CHECK("manifest: no macro_file is refused", !loads(
		"{\"name\": \"n\", \"cover\": \"c\", \"tokens\": [\"t\"], \"catchall\": {\"subject\": "
		"\"%s\", \"message\": \"m\"}, \"patches\": [{\"subject\": \"s\", \"message\": \"m\", "
		"\"rules\": [\"r\"], \"paths\": [\"a\"]}]}"));
	CHECK("manifest: a key given twice is refused, never the last one taken",
	      !loads(MINIMAL("\"name\": \"again\", ")));
	CHECK("manifest: a macro_file the folder does not have is refused",
	      !loads("{\"name\": \"n\", \"cover\": \"c\", \"tokens\": [\"t\"], \"macro_file\": \"nope.h\", "
		     "\"catchall\": {\"subject\": \"%s: x\", \"message\": \"m\"}, \"patches\": [{\"subject\": "
		     "\"s\", \"message\": \"m\", \"rules\": [\"r.cocci\"], \"paths\": [\"a.c\"]}]}"));
	CHECK("manifest: an option named with dashes is refused",
	      !loads(MINIMAL("\"options\": [{\"name\": \"--x\", \"define\": \"x\", \"help\": \"h\"}], ")));
	CHECK("manifest: an option without help is refused",
	      !loads(MINIMAL("\"options\": [{\"name\": \"x\", \"define\": \"x\"}], ")));
	CHECK("manifest: a Kconfig setting that is not SYMBOL=y|m|n is refused",
	      !loads(MINIMAL("\"build\": {\"config\": {\"all\": [\"KVM\"]}}, ")));
	CHECK("manifest: a variant loads",
	      loads(MINIMAL("\"build\": {\"variants\": [{\"name\": \"x86_64-v\", \"arch\": \"x86_64\", "
			    "\"why\": \"w\", \"config\": [\"A=n\"], \"files\": [\"mm/\"]}]}, ")));
	CHECK("manifest: a variant without its files is refused",
	      !loads(MINIMAL("\"build\": {\"variants\": [{\"name\": \"v\", \"arch\": \"x86_64\", "
			     "\"why\": \"w\"}]}, ")));
	CHECK("manifest: a variant named with a colon is refused (Kbuild cannot build there)",
	      !loads(MINIMAL("\"build\": {\"variants\": [{\"name\": \"x86:v\", \"arch\": \"x86_64\", "
			     "\"why\": \"w\", \"files\": []}]}, ")));
	CHECK("manifest: a variant's setting that is not SYMBOL=y|m|n is refused",
	      !loads(MINIMAL("\"build\": {\"variants\": [{\"name\": \"v\", \"arch\": \"x86_64\", "
			     "\"why\": \"w\", \"config\": [\"A\"], \"files\": []}]}, ")));
	CHECK("manifest: two patches removing the API are refused", !loads(
		"{\"name\": \"n\", \"cover\": \"c\", \"tokens\": [\"t\"], \"macro_file\": \"m\", "
		"\"catchall\": {\"subject\": \"%s\", \"message\": \"m\"}, \"patches\": ["
		"{\"subject\": \"s\", \"message\": \"m\", \"rules\": [\"r\"], \"paths\": [\"a\"], \"removes_api\": true},"
		"{\"subject\": \"s\", \"message\": \"m\", \"rules\": [\"r\"], \"paths\": [\"a\"], \"removes_api\": true}]}"));
	CHECK("manifest: a catch-all subject without %s is refused", !loads(
		"{\"name\": \"n\", \"cover\": \"c\", \"tokens\": [\"t\"], \"macro_file\": \"m\", "
		"\"catchall\": {\"subject\": \"x\", \"message\": \"m\"}, \"patches\": [{\"subject\": \"s\", "
		"\"message\": \"m\", \"rules\": [\"r\"], \"paths\": [\"a\"]}]}"));
	CHECK("manifest: a rule missing from order is refused",
	      !loads(MINIMAL("\"order\": [\"other.cocci\"], ")));
	CHECK("manifest: a misspelt top-level key is refused", !loads(MINIMAL("\"preambel\": \"p\", ")));
	CHECK("manifest: a misspelt key of a patch is refused", !loads(
		"{\"name\": \"n\", \"cover\": \"c\", \"tokens\": [\"t\"], \"macro_file\": \"m\", "
		"\"catchall\": {\"subject\": \"%s\", \"message\": \"m\"}, \"patches\": ["
		"{\"subject\": \"s\", \"message\": \"m\", \"rules\": [\"r\"], \"paths\": [\"a\"], \"remove_api\": true}]}"));
	CHECK("manifest: a misspelt build key is refused", !loads(MINIMAL("\"build\": {\"confg\": {}}, ")));
	CHECK("manifest: a misspelt arch is refused", !loads(MINIMAL("\"build\": {\"config\": {\"x68_64\": [\"A=y\"]}}, ")));
	CHECK("manifest: a variant's misspelt arch is refused",
	      !loads(MINIMAL("\"build\": {\"variants\": [{\"name\": \"v\", \"arch\": \"x68_64\", "
			     "\"why\": \"w\", \"files\": []}]}, ")));
	CHECK("manifest: a misspelt runtime key is refused", !loads(MINIMAL("\"runtime\": {\"prob\": \"p\"}, ")));
	CHECK("manifest: the edit distance of a typo", manifest_key_distance("preambel", "preamble") == 2 &&
	      manifest_key_distance("buid", "build") == 1 && manifest_key_distance("", "abc") == 3);
	CHECK("manifest: an option's said_on, said_off and stable; a patch's message_with",
	      loads(WITH_OPTION(", \"said_on\": \"on\", \"said_off\": \"off\", \"stable\": true",
				", \"message_with\": {\"o\": \"m2\"}")));
	CHECK("manifest: message_with must name an option of the series",
	      !loads(WITH_OPTION("", ", \"message_with\": {\"nope\": \"m2\"}")));
	CHECK("manifest: stable must be true or false, said_on a string",
	      !loads(WITH_OPTION(", \"stable\": \"yes\"", "")) &&
	      !loads(WITH_OPTION(", \"said_on\": 3", "")));
	UNIT_EXIT();
}
