/*
 * The audit's build proof: the module, fixed in a copy, built as an external
 * module (make M=) against each kernel revision, each prepared once in its
 * own O= folder with the build matrix's configure step.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "audit/audit_proof.h"
#include "matrix/kernel.h"
#include "core/worktree.h"
#include "kbuild/prepare.h"
#include "kbuild/make_step.h"
#include "core/cscan.h"
#include "lib/fileio.h"
#include "lib/strbuf.h"
#include "lib/run.h"
#include "lib/usage.h"

/* A module whose build needs more than Kbuild: a configure step of its own. */
static int needs_configure(const char *module)
{
	static const char *const names[] = { "configure", "configure.ac", "configure.in", NULL };
	char *kbuild = xstrfmt("%s/Kbuild", module);
	int plain_kbuild = !access(kbuild, R_OK), found = 0;

	free(kbuild);
	for (size_t i = 0; names[i] && !plain_kbuild; i++) {
		char *path = xstrfmt("%s/%s", module, names[i]);

		found |= !access(path, R_OK);
		free(path);
	}
	return found;
}

/*
 * module copied to dest, with the fixed files over it: the C files, and
 * whatever else the fix wrote in the module (a probe in its Kbuild or
 * Makefile), found under the module's own place in fixed_dir.
 */
static int copy_module(const struct audit *a, const char *module, const char *fixed_dir,
		       const char *dest)
{
	char *out = NULL, *prefix = NULL;
	int ret = run_capture(&out, NULL, "cp", "-r", module, dest, NULL);

	free(out);
	if (ret)
		return error("cannot copy %s to %s: %s", module, dest, run_capture_error());
	for (size_t i = 0; fixed_dir && i < a->paths.nr && !prefix; i++) {
		char *rel = audit_patch_path(a, a->paths.v[i]);
		size_t n = strlen(rel), r = strlen(a->rels.v[i]);

		if (!strcmp(a->roots.v[i], module) && n >= r && !strcmp(rel + n - r, a->rels.v[i]))
			prefix = xstrfmt("%s/%.*s", fixed_dir, (int)(n - r), rel);
		free(rel);
	}
	if (prefix) {
		struct strvec files = STRVEC_INIT;

		out = NULL;
		run_capture(&out, prefix, "find", ".", "-type", "f", NULL);
		strvec_split_lines(&files, out ? out : "");
		for (size_t i = 0; i < files.nr; i++) {
			char *from = xstrfmt("%s/%s", prefix, files.v[i]), *text = read_file(from);
			char *to = xstrfmt("%s/%s", dest, files.v[i]);

			if (text)
				ret |= write_file(to, text);
			free(text);
			free(from);
			free(to);
		}
		strvec_clear(&files);
		free(out);
		free(prefix);
	}
	return ret;
}

/* Undefined symbols of the built objects that name a token of the series. */
static void old_references(const char *dest, const struct strvec *tokens, struct strvec *refs)
{
	char *objs = NULL;
	struct strvec files = STRVEC_INIT;

	run_capture(&objs, dest, "find", ".", "-name", "*.o", "!", "-name", "*.mod.o", NULL);
	strvec_split_lines(&files, objs);
	for (size_t i = 0; i < files.nr; i++) {
		char *syms = NULL;
		struct strvec lines = STRVEC_INIT;

		run_capture(&syms, dest, "nm", "-u", files.v[i], NULL);
		strvec_split_lines(&lines, syms);
		for (size_t l = 0; l < lines.nr; l++) {
			const char *sym = strrchr(lines.v[l], ' ') ? strrchr(lines.v[l], ' ') + 1 : lines.v[l];

			for (size_t t = 0; t < tokens->nr; t++)
				if (strstr(sym, tokens->v[t]) && !strvec_contains(refs, sym))
					strvec_push(refs, sym);
		}
		strvec_clear(&lines);
		free(syms);
	}
	strvec_clear(&files);
	free(objs);
}

/* line with the scratch copy's path (dest) written as the module's own (caller frees) */
static char *module_paths(const char *line, const char *dest, const char *module)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(dest);

	for (const char *p = line; *p;) {
		const char *hit = strstr(p, dest);

		if (!hit) {
			strbuf_addstr(&sb, p);
			break;
		}
		strbuf_add(&sb, p, (size_t)(hit - p));
		strbuf_addstr(&sb, module);
		p = hit + n;
	}
	return strbuf_detach(&sb);
}

/* The last lines of a build log that say what failed, with the module's own paths. */
static char *log_errors(const char *log, const char *dest, const char *module)
{
	char *text = read_file(log), *out;
	struct strvec lines = STRVEC_INIT, keep = STRVEC_INIT;

	strvec_split_lines(&lines, text ? text : "");
	for (size_t i = 0; i < lines.nr; i++)
		if (strstr(lines.v[i], "error") || strstr(lines.v[i], "Error")) {
			char *l = module_paths(lines.v[i], dest, module);

			strvec_push(&keep, l);
			free(l);
		}
	out = keep.nr ? strvec_join(&keep, 6, "\n    ") : xstrfmt("see %s", log);
	strvec_clear(&lines);
	strvec_clear(&keep);
	free(text);
	return out;
}

/* Which audited files' objects were built, and what make says failed. */
static void objects(const struct audit *a, const char *module, const char *dest, const char *log,
		    struct proof *p)
{
	char *text = read_file(log);
	struct strvec failed = STRVEC_INIT;

	for (size_t i = 0; i < a->rels.nr; i++) {
		const char *rel = a->rels.v[i];
		size_t n = strlen(rel);
		char *obj;

		if (strcmp(a->roots.v[i], module) || n < 3 || strcmp(rel + n - 2, ".c"))
			continue;
		obj = xstrfmt("%s/%.*s.o", dest, (int)(n - 2), rel);
		if (!access(obj, R_OK))
			strvec_pushf(&p->built, "%.*s.o", (int)(n - 2), rel);
		free(obj);
	}
	make_failed_objects(text ? text : "", &failed, NULL);
	for (size_t i = 0; i < failed.nr; i++) {
		const char *base = strrchr(failed.v[i], '/');

		strvec_push(&p->failed, base ? base + 1 : failed.v[i]);
	}
	strvec_clear(&failed);
	free(text);
}

/* The macros the audited files of module test (#ifdef X, defined(X)) in its built copy dest. */
static void tested_macros(const struct audit *a, const char *module, const char *dest,
			  struct strvec *out)
{
	for (size_t i = 0; i < a->paths.nr; i++) {
		char *copy = xstrfmt("%s/%s", dest, a->rels.v[i]);
		char *text = strcmp(a->roots.v[i], module) ? NULL : read_file(copy);

		free(copy);
		struct strvec lines = STRVEC_INIT;

		strvec_split_lines(&lines, text ? text : "");
		for (size_t l = 0; l < lines.nr; l++) {
			const char *p = lines.v[l] + strspn(lines.v[l], " \t");
			struct strvec ids = STRVEC_INIT;

			if (*p != '#')
				continue;
			p += 1 + strspn(p + 1, " \t");
			if (strncmp(p, "if", 2) && strncmp(p, "elif", 4))
				continue;
			cscan_identifiers(p, &ids);
			for (size_t k = 0; k < ids.nr; k++)
				if (strcmp(ids.v[k], "ifdef") && strcmp(ids.v[k], "ifndef") &&
				    strcmp(ids.v[k], "if") && strcmp(ids.v[k], "elif") &&
				    strcmp(ids.v[k], "defined") && !strvec_contains(out, ids.v[k]))
					strvec_push(out, ids.v[k]);
			strvec_clear(&ids);
		}
		strvec_clear(&lines);
		free(text);
	}
}

/*
 * Per tree, the one question a probe's user has: did the module's own
 * build define its macro? For each macro the audited files test that the
 * module's Kbuild or Makefile mentions (its probe), whether the compiler
 * lines of the module's objects (their .cmd files) had -DMACRO.
 */
static void probe_answers(const struct audit *a, const char *module, const char *dest,
			  struct proof *p)
{
	static const char *const build_files[] = { "Kbuild", "Makefile", NULL };
	struct strvec macros = STRVEC_INIT, cmds = STRVEC_INIT;
	char *list = NULL, *makes = xstrdup("");

	tested_macros(a, module, dest, &macros);
	for (size_t i = 0; build_files[i]; i++) {
		char *path = xstrfmt("%s/%s", dest, build_files[i]), *t = read_file(path), *both;

		both = xstrfmt("%s%s", makes, t ? t : "");
		free(makes);
		makes = both;
		free(t);
		free(path);
	}
	run_capture(&list, dest, "find", ".", "-name", ".*.o.cmd", NULL);
	strvec_split_lines(&cmds, list ? list : "");
	for (size_t m = 0; m < macros.nr; m++) {
		char *flag = xstrfmt("-D%s", macros.v[m]);
		int defined = 0;

		/* "-DHAVE_X" is no whole word: any mention is the probe's */
		if (!strstr(makes, macros.v[m])) {
			free(flag);
			continue;
		}
		for (size_t c = 0; c < cmds.nr && !defined; c++) {
			char *path = xstrfmt("%s/%s", dest, cmds.v[c]), *t = read_file(path);

			for (const char *q = t ? strstr(t, flag) : NULL; q && !defined; q = strstr(q + 1, flag))
				defined = !q[strlen(flag)] || !(isalnum((unsigned char)q[strlen(flag)]) ||
								 q[strlen(flag)] == '_');
			free(t);
			free(path);
		}
		strvec_pushf(&p->probes, "%s: %s", macros.v[m], cmds.nr ? (defined ? "defined" :
			     "not defined") : "unknown (no object was compiled)");
		free(flag);
	}
	strvec_clear(&macros);
	strvec_clear(&cmds);
	free(makes);
	free(list);
}

static void prove_one(const struct audit *a, const struct manifest *m, const char *module,
		      const char *repo, const char *arch, const char *fixed_dir,
		      const char *scratch, int jobs, size_t i, struct proof *p)
{
	char *wt = xstrfmt("%s/kernel-%zu", scratch, i), *o_dir = xstrfmt("%s/o-%zu", scratch, i);
	char *dest = xstrfmt("%s/module-%zu", scratch, i), *log = xstrfmt("%s/build-%zu.log", scratch, i);
	char *symvers = xstrfmt("%s/Module.symvers", o_dir), *why = NULL, *note = NULL;
	int ret;

	p->state = PROOF_SKIPPED;
	worktree_remove_at_exit(repo, wt);
	info("audit: build proof: %s: a worktree and %s's modules_prepare (minutes on a real tree)",
	     p->rev, arch);
	/* the whole tree with the build fixups an old tree needs, as series builds it */
	if (worktree_add_sparse(repo, &m->tokens, wt, p->commit) || prepare_tree(wt, &note)) {
		p->why = note ? xstrfmt("cannot prepare %s: %s", p->rev, note) :
				xstrfmt("cannot check out %s", p->rev);
	} else if (copy_module(a, module, fixed_dir, dest)) {
		p->why = xstrdup("cannot copy the module");
	} else if ((ret = kernel_external_module(wt, arch, m, o_dir, dest, log, jobs, &why)) < 0) {
		p->why = why;
	} else {
		p->state = ret ? PROOF_FAILS : PROOF_BUILDS;
		p->why = ret ? log_errors(log, dest, module) : NULL;
		objects(a, module, dest, log, p);
		probe_answers(a, module, dest, p);
		old_references(dest, &m->tokens, &p->old_refs);
		p->no_symvers = access(symvers, R_OK) != 0;
		free(why);
	}
	worktree_remove_now(repo, wt);
	free(note);
	free(wt);
	free(o_dir);
	free(dest);
	free(log);
	free(symvers);
}

int audit_prove(const struct audit *a, const struct manifest *m, const char *module,
		const char *repo, const struct strvec *revs, const char *arch,
		const char *fixed_dir, const char *scratch, int jobs, struct proof **out,
		size_t *nr)
{
	*out = xcalloc(revs->nr, sizeof(**out));
	*nr = revs->nr;
	for (size_t i = 0; i < revs->nr; i++) {
		struct proof *p = &(*out)[i];

		p->rev = xstrdup(revs->v[i]);
		p->commit = git_resolve_commit(repo, revs->v[i]);
		if (!p->commit)
			return error("--rev %s: not a commit of %s", revs->v[i], repo);
	}
	if (needs_configure(module)) {
		for (size_t i = 0; i < revs->nr; i++) {
			(*out)[i].state = PROOF_SKIPPED;
			(*out)[i].why = xstrdup("the module's build needs a configure step of its own, "
						"which kseries does not run: not proven");
		}
		return 0;
	}
	for (size_t i = 0; i < revs->nr; i++)
		prove_one(a, m, module, repo, arch, fixed_dir, scratch, jobs, i, &(*out)[i]);
	return 0;
}

void audit_proof_write(FILE *f, const struct proof *p, size_t nr, const char *arch)
{
	for (size_t i = 0; i < nr; i++) {
		char *refs = strvec_join(&p[i].old_refs, 8, ", ");

		fprintf(f, "build proof: %s (%.12s, %s): ", p[i].rev, p[i].commit ? p[i].commit : "?",
			arch);
		if (p[i].state == PROOF_SKIPPED)
			fprintf(f, "skipped: %s\n", p[i].why);
		else
			fprintf(f, "%s; %s%s%s\n", p[i].state == PROOF_BUILDS ? "builds" : "does not build",
				!p[i].built.nr ? "no object of the audited files was built, so whether "
				"the old API is referenced is not known" : p[i].old_refs.nr ?
				"the old API is still referenced (" : "the old API is not referenced",
				p[i].built.nr ? refs : "", p[i].built.nr && p[i].old_refs.nr ? ")" : "");
		for (size_t k = 0; k < p[i].probes.nr; k++)
			fprintf(f, "    probe %s by the module's own build on this tree\n", p[i].probes.v[k]);
		if (p[i].built.nr || p[i].failed.nr) {
			char *b = strvec_join(&p[i].built, 20, ", "), *x = strvec_join(&p[i].failed, 20, ", ");

			fprintf(f, "    objects of the audited files built: %s; failed: %s\n",
				p[i].built.nr ? b : "none", p[i].failed.nr ? x : "none");
			free(b);
			free(x);
		}
		if (p[i].state == PROOF_FAILS)
			fprintf(f, "    %s\n", p[i].why);
		if (p[i].state != PROOF_SKIPPED && p[i].no_symvers)
			fprintf(f, "    note: the prepared tree has no Module.symvers, so modpost did not "
				"check the module's undefined symbols (build the kernel's modules for it)\n");
		free(refs);
	}
}

int audit_proof_failed(const struct proof *p, size_t nr)
{
	for (size_t i = 0; i < nr; i++)
		if (p[i].state != PROOF_BUILDS)
			return 1;
	return 0;
}

void audit_proof_free(struct proof *p, size_t nr)
{
	for (size_t i = 0; i < nr; i++) {
		free(p[i].rev);
		free(p[i].commit);
		free(p[i].why);
		strvec_clear(&p[i].old_refs);
		strvec_clear(&p[i].built);
		strvec_clear(&p[i].failed);
		strvec_clear(&p[i].probes);
	}
	free(p);
}
