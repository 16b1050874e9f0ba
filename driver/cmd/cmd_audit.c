/* kseries audit: out-of-tree code against the series' API change. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "audit/audit.h"
#include "audit/audit_proof.h"
#include "audit/fix_paths.h"
#include "cmd/options.h"
#include "commands.h"
#include "core/manifest.h"
#include "lib/cleanup.h"
#include "lib/fileio.h"
#include "lib/paths.h"
#include "lib/run.h"
#include "lib/usage.h"
#include "rules/convert.h"
#include "rules/spatch.h"

static const struct command_usage usage_audit = {
	"audit", "[options] PATH...",
	"  Audit out-of-tree code (a module's folders or files; no kernel tree needed)\n"
	"  for the series' API change: every finding as FILE:LINE:COL: SEVERITY:\n"
	"  MESSAGE [kseries-ID], a verdict per ops structure, and the guards around\n"
	"  each use. --fix MODE writes a patch that fixes what was found.",
	"Exit status: 0 nothing to fix (notes only); 1 warnings or errors; 2 bad usage\n"
	"or environment. docs/audit.md explains every finding and verdict.\n",
	1, -1,
};

struct audit_args {
	const char *format, *fix, *output, *kernel, *arch;
	int in_place, jobs;
	struct strvec paths, defines, revs;
};

static void parse_args(int argc, char **argv, struct audit_args *a)
{
	const struct opt opts[] = {
		OPT_STRING("format", 0, &a->format, "FORMAT", "text (default), json or sarif"),
		OPT_STRING("fix", 0, &a->fix, "MODE", "write the patch that fixes the findings:\n"
			   "guard, probe, delete or convert (docs/audit.md)"),
		OPT_STRING("output", 'o', &a->output, "FILE", "write the patch (or the findings) here"),
		OPT_FLAG("in-place", 0, &a->in_place, "with --fix: apply the patch to the files"),
		OPT_STRING("kernel", 0, &a->kernel, "REPO", "build proof: a kernel git repo to build\n"
			   "the module (fixed, with --fix) against"),
		OPT_LIST("rev", 0, &a->revs, "REV", "build proof: a revision of REPO; repeat"),
		OPT_STRING("arch", 0, &a->arch, "ARCH", "build proof: the architecture (x86_64)"),
		OPT_JOBS(&a->jobs),
		OPT_END(),
	};

	a->format = "text";
	a->jobs = default_jobs();
	parse_options(argc, argv, &usage_audit, opts, &a->paths, &a->defines);
	if (strcmp(a->format, "text") && strcmp(a->format, "json") && strcmp(a->format, "sarif"))
		die("--format %s: give text, json or sarif", a->format);
	if (a->in_place && !a->fix)
		die("--in-place applies a fix: add --fix MODE");
	if (!a->arch)
		a->arch = "x86_64";
	if (a->kernel || a->revs.nr) {
		struct stat st;

		if (!a->kernel || !a->revs.nr)
			die("the build proof needs both --kernel REPO and --rev REV");
		if (a->paths.nr != 1 || stat(a->paths.v[0], &st) || !S_ISDIR(st.st_mode))
			die("the build proof builds one module: give its folder (with its Kbuild file) "
			    "as the only PATH");
	}
}

/* The findings as the fix program reads them: a JSON list with paths inside the copy. */
static int write_fix_input(const struct audit *a, const char *path)
{
	json_t *list = json_array();
	int ret;

	for (size_t i = 0; i < a->nr; i++) {
		char *file = audit_patch_path(a, a->f[i].file);

		json_array_append_new(list, audit_finding_json(&a->f[i], file));
		free(file);
	}
	ret = json_dump_file(list, path, JSON_INDENT(1));
	json_decref(list);
	return ret ? error_write(path) : 0;
}

/*
 * What a fix may change: every audited file, and the Kbuild file or Makefile
 * next to it (a fix may add a compile probe there).
 */
static void fix_files(const struct audit *a, struct strvec *all)
{
	for (size_t i = 0; i < a->paths.nr; i++) {
		const char *slash = strrchr(a->paths.v[i], '/');
		int dir_len = slash ? (int)(slash - a->paths.v[i]) + 1 : 0;

		if (!strvec_contains(all, a->paths.v[i]))
			strvec_push(all, a->paths.v[i]);
		for (const char *const *k = (const char *const[]){ "Kbuild", "Makefile", NULL }; *k; k++) {
			char *build = xstrfmt("%.*s%s", dir_len, a->paths.v[i], *k);

			if (!access(build, R_OK) && !strvec_contains(all, build))
				strvec_push(all, build);
			free(build);
		}
	}
}

/* Copy what a fix may change to SCRATCH/a/<file> and SCRATCH/b/<file>. */
static int copy_files(const struct audit *a, const char *scratch)
{
	struct strvec all = STRVEC_INIT;

	fix_files(a, &all);
	for (size_t i = 0; i < all.nr; i++) {
		const char *src = all.v[i];
		char *text = read_file(src);
		int ret = 0;

		if (!text) {
			ret = error_errno("cannot read %s", src);
		} else {
			for (const char *side = "a"; side; side = *side == 'a' ? "b" : NULL) {
				char *rel = audit_patch_path(a, src);
				char *dst = xstrfmt("%s/%s/%s", scratch, side, rel), *slash;

				free(rel);

				for (slash = strchr(dst + strlen(scratch) + 1, '/'); slash;
				     slash = strchr(slash + 1, '/')) {
					*slash = '\0';
					mkdir(dst, 0777);
					*slash = '/';
				}
				ret |= write_file(dst, text);
				free(dst);
			}
		}
		free(text);
		if (ret) {
			strvec_clear(&all);
			return -1;
		}
	}
	strvec_clear(&all);
	return 0;
}

/* Whether a finding is one --fix convert converts (series.json "audit"."convert"."ids"). */
static int converted_id(const struct manifest *m, const struct finding *f)
{
	return strvec_contains(&m->audit_convert_ids, f->id) && strcmp(f->severity, "note");
}

/*
 * --fix convert: the series' own rules in patch mode on the copies of the
 * files that use what they convert, then the series' checks on what they
 * wrote (convert_apply, as rewrite and series do). A use left as it was
 * (no rule knows its shape, or the check put it back) is named: by hand.
 */
static int convert_uses(const struct audit *a, const struct manifest *m, const char *scratch,
			const struct audit_args *args)
{
	char *b = xstrfmt("%s/b", scratch);
	struct convert c;
	struct convert_opts co = { args->jobs, STRVEC_INIT };
	struct rule_job job = { &m->audit_convert, STRVEC_INIT };
	struct strvec changed = STRVEC_INIT;
	int ret = -1;

	strvec_pushv(&co.defines, (const char *const *)args->defines.v);
	for (size_t i = 0; i < a->nr; i++) {
		char *rel = converted_id(m, &a->f[i]) ? audit_patch_path(a, a->f[i].file) : NULL;

		if (rel && !strvec_contains(&job.files, rel))
			strvec_push(&job.files, rel);
		free(rel);
	}
	if (convert_prepare(&c, b, &co) || (job.files.nr && convert_apply(&c, b, &job, 1, &changed)))
		goto out;
	for (size_t i = 0; i < c.check_messages.nr; i++)
		warning("--fix convert: the series' check refused what the rules wrote: %s",
			c.check_messages.v[i]);
	for (size_t i = 0; i < a->nr; i++) {
		char *rel = converted_id(m, &a->f[i]) ? audit_patch_path(a, a->f[i].file) : NULL;

		if (rel && !strvec_contains(&changed, rel))
			warning("--fix convert: %s:%ld: not converted (no rule of the series knows "
				"this shape, or its check refused it): convert it by hand", a->f[i].file,
				a->f[i].line);
		free(rel);
	}
	ret = 0;
out:
	convert_clear(&c);
	strvec_clear(&job.files);
	strvec_clear(&changed);
	strvec_clear(&co.defines);
	free(b);
	return ret;
}

/* The series' fix program on the b/ copy, then git diff a b: the patch. */
static int make_fix(const struct audit *a, const struct manifest *m, const char *mode,
		    const char *scratch, const struct audit_args *args, char **patch)
{
	struct child_process cp = CHILD_PROCESS_INIT;
	char *input = xstrfmt("%s/findings.json", scratch);
	int convert = !strcmp(mode, "convert") && m->audit_convert.nr;
	int ret;

	if (!convert && (!m->audit_fix || !strvec_contains(&m->audit_fix_modes, mode))) {
		char *modes = strvec_join(&m->audit_fix_modes, m->audit_fix_modes.nr, ", ");

		die("--fix %s: the series \"%s\" has no such fix: give one of %s%s%s", mode, m->name,
		    m->audit_fix_modes.nr ? modes : "(none)", m->audit_convert.nr ? ", convert" : "",
		    " (series.json \"audit\".\"fix_modes\")");
	}
	if (copy_files(a, scratch) || write_fix_input(a, input)) {
		free(input);
		return -1;
	}
	if (convert) {
		free(input);
		if (convert_uses(a, m, scratch, args))
			return -1;
	} else {
		strvec_pushl(&cp.args, "python3", NULL);
		strvec_pushf(&cp.args, "%s/%s", m->dir, m->audit_fix);
		strvec_pushl(&cp.args, mode, "b", input, NULL);
		cp.dir = scratch;
		ret = run_command(&cp);
		child_process_clear(&cp);
		free(input);
		if (ret)
			return error("the fix program %s failed (exit %d)", m->audit_fix, ret);
	}
	/* a/ and b/ are the prefixes a patch has anyway: paths come out as the user's */
	strvec_pushl(&cp.args, "git", "diff", "--no-index", "--no-color", "--no-ext-diff",
		     "--src-prefix=", "--dst-prefix=", "a", "b", NULL);
	cp.dir = scratch;
	cp.capture_out = 1;
	ret = run_command(&cp);
	*patch = cp.out;
	cp.out = NULL;
	child_process_clear(&cp);
	return ret == 0 || ret == 1 ? 0 : error("git diff failed in %s", scratch);
}

/* --in-place: each fixed copy back over its file (the C files and their Kbuild files). */
static int apply_in_place(const struct audit *a, const char *scratch)
{
	struct strvec all = STRVEC_INIT;
	int ret = 0;

	fix_files(a, &all);
	for (size_t i = 0; i < all.nr; i++) {
		const char *src = all.v[i];
		char *rel = audit_patch_path(a, src);
		char *fixed = xstrfmt("%s/b/%s", scratch, rel), *text = read_file(fixed);
		char *old = read_file(src);

		free(rel);

		if (text && old && strcmp(text, old))
			ret |= write_file(src, text);
		free(text);
		free(old);
		free(fixed);
	}
	strvec_clear(&all);
	return ret;
}

/*
 * A series option changes what its rules write; an audit rule that does not
 * declare it would ignore it silently: every option must do what it says,
 * or be refused.
 */
static void refuse_unused_options(const struct manifest *m, const struct strvec *defines)
{
	for (size_t d = 0; d < defines->nr; d++) {
		char *decl = xstrfmt("virtual %s\n", defines->v[d]);
		int used = 0;

		for (size_t r = 0; r < m->audit_rules.nr && !used; r++) {
			char *path = xstrfmt("%s/%s", m->dir, m->audit_rules.v[r]), *text = read_file(path);

			used = text && strstr(text, decl);
			free(text);
			free(path);
		}
		free(decl);
		if (used)
			continue;
		for (size_t o = 0; o < m->options.rows; o++)
			if (!strcmp(cell(&m->options, o, OPTION_DEFINE), defines->v[d]))
				die("--%s changes how the tree is rewritten; the audit does not use it: "
				    "drop it", cell(&m->options, o, OPTION_NAME));
		die("the series define %s is not used by the audit: drop its option", defines->v[d]);
	}
}

/*
 * The end of an output: a write that failed (a full disk, a closed pipe)
 * fails the run (exit 2), naming the file; a truncated file is removed, so
 * nothing half-written passes for a result. 0 or -1.
 */
static int close_output(FILE *f, const char *path)
{
	int bad = fflush(f) != 0 || ferror(f);
	int err = errno;
	struct stat st;

	if (f != stdout && fclose(f) && !bad) {
		bad = 1;
		err = errno;
	}
	if (!bad)
		return 0;
	errno = err;
	if (!path)
		return error_errno("cannot write the standard output");
	error_write(path);
	/* only a file of ours: never a device such as /dev/full */
	if (!lstat(path, &st) && S_ISREG(st.st_mode) && !unlink(path))
		return error("%s removed: it was incomplete", path);
	return -1;
}

static FILE *open_output(const char *path)
{
	FILE *f = path ? fopen(path, "w") : stdout;

	if (!f)
		die_errno("cannot write %s", path);
	return f;
}

int cmd_audit(int argc, char **argv)
{
	struct audit_args a = { 0 };
	struct audit au = { 0 };
	struct manifest m;
	struct proof *proofs = NULL;
	size_t nr_proofs = 0;
	char *scratch = NULL, *patch = NULL, *fixed = NULL;
	int status = 2;
	FILE *out;

	parse_args(argc, argv, &a);
	if (spatch_check() || manifest_load(&m, kseries_cocci_dir()))
		goto done;
	if (!m.audit_rules.nr)
		die("the series \"%s\" has no audit (series.json \"audit\")", m.name);
	refuse_unused_options(&m, &a.defines);
	if (!(scratch = cleanup_scratch_dir()))
		goto clear;
	if (audit_run(&au, &m, &a.paths, &a.defines, a.jobs, scratch))
		goto clear;
	if (a.fix) {
		au.patch_base = fix_base(&a.paths);
		if (make_fix(&au, &m, a.fix, scratch, &a, &patch) ||
		    (a.in_place && apply_in_place(&au, scratch)))
			goto clear;
		if (!a.in_place) {
			out = open_output(a.output);
			fputs(patch ? patch : "", out);
			if (close_output(out, a.output))
				goto clear;
		}
		info("audit: --fix %s: %s", a.fix, patch && *patch ? (a.in_place ?
		     "applied to the files" : "patch written") : "nothing to change");
		fixed = xstrfmt("%s/b", scratch);
	} else {
		int bad = 0;

		out = open_output(a.output);
		if (!strcmp(a.format, "json"))
			bad = audit_write_json(out, &au);
		else if (!strcmp(a.format, "sarif"))
			bad = audit_write_sarif(out, &au, &m);
		else
			audit_write_text(out, &au);
		if (close_output(out, a.output) || bad)
			goto clear;
	}
	info("audit: %zu C files hold the tokens; %zu findings", au.files, au.nr);
	status = audit_has_problems(&au) ? 1 : 0;
	if (a.kernel) {
		if (audit_prove(&au, &m, a.paths.v[0], a.kernel, &a.revs, a.arch, fixed, scratch,
				a.jobs, &proofs, &nr_proofs)) {
			status = 2;
			goto clear;
		}
		/* beside the findings in text; never into a patch or a JSON/SARIF stream */
		audit_proof_write(!a.fix && !strcmp(a.format, "text") && !a.output ? stdout : stderr,
				  proofs, nr_proofs, a.arch);
		if (audit_proof_failed(proofs, nr_proofs))
			status = 1;
	}
clear:
	manifest_clear(&m);
done:
	audit_clear(&au);
	audit_proof_free(proofs, nr_proofs);
	free(patch);
	free(fixed);
	free(scratch);
	strvec_clear(&a.paths);
	strvec_clear(&a.defines);
	strvec_clear(&a.revs);
	return status;
}
