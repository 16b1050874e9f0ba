/*
 * The runtime verdict: each test kernel's scenarios, the watched kernel
 * log lines, before against after; runtime.txt and runtime.json.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kbuild/treenames.h"
#include "lib/fileio.h"
#include "lib/json_strings.h"
#include "lib/strbuf.h"
#include "lib/usage.h"
#include "runtime/runtime_report.h"

static const char *const state_names[] = {
	"ok", "not built", "did not boot", "probe did not load", "did not finish",
};

void rt_result_judge(struct rt_result *r, int qemu_status, int timeout)
{
	const struct rt_log *l = &r->log;
	const char *err = l->errors.nr ? l->errors.v[0] : NULL;

	if (r->state == RT_NOT_BUILT)
		return;
	free(r->why);
	r->why = NULL;
	if (!l->release) {
		r->state = RT_NO_BOOT;
		r->why = qemu_status < 0 ?
			xstrfmt("the kernel did not reach /init in %d s", timeout) :
			l->problems.nr ? xstrdup(l->problems.v[0]) :
			l->last ? xstrfmt("the kernel did not reach /init; the console's last line: %s",
					  l->last) :
				  xstrdup("the kernel did not reach /init; its console is empty");
	} else if (!l->probe_loaded) {
		r->state = RT_NO_PROBE;
		r->why = xstrdup(err ? err : "the probe did not load");
	} else if (!l->ended) {
		r->state = RT_INCOMPLETE;
		r->why = qemu_status < 0 ? xstrfmt("the scenarios did not end in %d s", timeout) :
			 xstrdup(l->problems.nr ? l->problems.v[l->problems.nr - 1] :
				 err ? err : "the scenarios stopped before their end");
	} else {
		r->state = RT_OK;
	}
}

/* The features the probe's build found: its features.h's "#define NAME 1" lines. */
static char *probe_features(const char *features)
{
	struct strvec lines = STRVEC_INIT, names = STRVEC_INIT;
	char *joined;

	strvec_split_lines(&lines, features ? features : "");
	for (size_t i = 0; i < lines.nr; i++)
		if (!strncmp(lines.v[i], "#define ", 8))
			strvec_pushf(&names, "%.*s", (int)strcspn(lines.v[i] + 8, " \t"), lines.v[i] + 8);
	joined = names.nr ? strvec_join(&names, names.nr, " ") : xstrdup("none found");
	strvec_clear(&lines);
	strvec_clear(&names);
	return joined;
}

/* Every scenario name, in the order the kernels ran them. */
static void scenario_names(const struct rt_result *rs, size_t n, struct strvec *names)
{
	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < rs[k].log.nr_sc; i++)
			if (!strvec_contains(names, rs[k].log.sc[i].name))
				strvec_push(names, rs[k].log.sc[i].name);
}

static char *outcome(const struct rt_scenario *s)
{
	if (!s)
		return xstrdup("not run");
	if (s->fail)
		return xstrfmt("FAIL %d/%d", s->fail, s->runs);
	if (s->pass)
		return s->skip ? xstrfmt("pass %d/%d (%d skipped)", s->pass, s->runs, s->skip) :
				 xstrfmt("pass %d/%d", s->pass, s->runs);
	return xstrfmt("skip %d/%d", s->skip, s->runs);
}

/* A watched line counts only where its config is on: else "not checked". */
static int watch_checked(const struct manifest *m, const struct rt_result *r, size_t w)
{
	const char *sym = cell(&m->runtime_watch, w, WATCH_CONFIG);

	return !*sym || treenames_config_on(r->config, sym);
}

struct verdict {
	int pass;
	struct strvec fixed, failing, reasons;
};

static void judge_kernel(const struct manifest *m, const struct rt_result *r,
			 const struct strvec *names, struct verdict *v, int last)
{
	int passed = 0;

	if (r->state != RT_OK) {
		strvec_pushf(&v->reasons, "%s: %s: %s", r->k->label, state_names[r->state],
			     r->why ? r->why : "");
		return;
	}
	for (size_t i = 0; i < names->nr; i++) {
		const struct rt_scenario *s = rt_log_scenario(&r->log, names->v[i]);

		passed |= s && s->pass;
		if (s && s->fail && last)
			strvec_pushf(&v->failing, "%s (%s)", s->name, s->why);
	}
	for (size_t w = 0; last && w < m->runtime_watch.rows; w++)
		if (r->log.watch[w].hits && watch_checked(m, r, w))
			strvec_pushf(&v->reasons, "%s: %s: %s", r->k->label,
				     cell(&m->runtime_watch, w, WATCH_NAME), r->log.watch[w].first);
	if (!passed && last)
		strvec_pushf(&v->reasons, "%s: no scenario could run", r->k->label);
}

static void verdict(const struct manifest *m, const struct rt_result *rs, size_t n,
		    const struct strvec *names, struct verdict *v)
{
	for (size_t k = 0; k < n; k++)
		judge_kernel(m, &rs[k], names, v, k == n - 1);
	for (size_t i = 0; n == 2 && i < names->nr; i++) {
		const struct rt_scenario *b = rt_log_scenario(&rs[0].log, names->v[i]);
		const struct rt_scenario *a = rt_log_scenario(&rs[1].log, names->v[i]);

		if (b && b->fail && a && !a->fail && a->pass)
			strvec_push(&v->fixed, names->v[i]);
	}
	v->pass = !v->failing.nr && !v->reasons.nr;
}

static void write_kernel(struct strbuf *sb, const struct manifest *m, const struct rt_result *r)
{
	char *cb = probe_features(r->features);

	strbuf_addf(sb, "%s: %s (%s), %s", r->k->label, r->log.release ? r->log.release : "?",
		    r->k->image ? r->k->image : "no image", state_names[r->state]);
	if (r->why)
		strbuf_addf(sb, ": %s", r->why);
	strbuf_addf(sb, "\n  probe features: %s\n  built in %.0f s, booted and ran in %.0f s\n", cb,
		    r->build_seconds, r->boot_seconds);
	for (size_t w = 0; w < m->runtime_watch.rows; w++) {
		const char *name = cell(&m->runtime_watch, w, WATCH_NAME);

		if (!watch_checked(m, r, w))
			strbuf_addf(sb, "  %s: not checked (CONFIG_%s is off in this kernel)\n", name,
				    cell(&m->runtime_watch, w, WATCH_CONFIG));
		else if (!*cell(&m->runtime_watch, w, WATCH_TEXT))
			strbuf_addf(sb, "  %s: checked\n", name);
		else
			strbuf_addf(sb, "  %s: %zu lines%s%s\n", name, r->log.watch[w].hits,
				    r->log.watch[w].hits ? ", first: " : "",
				    r->log.watch[w].hits ? r->log.watch[w].first : "");
	}
	for (size_t i = 0; i < r->dropped.nr; i++)
		strbuf_addf(sb, "  not in this kernel: %s\n", r->dropped.v[i]);
	for (size_t i = 0; i < r->log.errors.nr; i++)
		strbuf_addf(sb, "  error: %s\n", r->log.errors.v[i]);
	for (size_t i = 0; i < r->log.notes.nr; i++)
		strbuf_addf(sb, "  note: %s\n", r->log.notes.v[i]);
	for (size_t i = 0; i < r->log.problems.nr && i < 5; i++)
		strbuf_addf(sb, "  kernel: %s\n", r->log.problems.v[i]);
	free(cb);
}

static void write_scenarios(struct strbuf *sb, const struct rt_result *rs, size_t n,
			    const struct strvec *names)
{
	strbuf_addf(sb, "\n%-24s", "scenario");
	for (size_t k = 0; k < n; k++)
		strbuf_addf(sb, " %-24s", rs[k].k->label);
	strbuf_addch(sb, '\n');
	for (size_t i = 0; i < names->nr; i++) {
		strbuf_addf(sb, "%-24s", names->v[i]);
		for (size_t k = 0; k < n; k++) {
			char *o = outcome(rt_log_scenario(&rs[k].log, names->v[i]));

			strbuf_addf(sb, " %-24s", o);
			free(o);
		}
		strbuf_addch(sb, '\n');
		for (size_t k = 0; k < n; k++) {
			const struct rt_scenario *s = rt_log_scenario(&rs[k].log, names->v[i]);

			if (!s)
				continue;
			strbuf_addf(sb, "  %s: callbacks %s\n", rs[k].k->label, s->counts);
			if (strcmp(s->why, "-"))
				strbuf_addf(sb, "  %s: %s\n", rs[k].k->label, s->why);
		}
	}
}

static void write_verdict(struct strbuf *sb, const struct verdict *v, size_t n)
{
	char *fixed = strvec_join(&v->fixed, v->fixed.nr, ", ");

	strbuf_addf(sb, "\nverdict: %s\n", v->pass ? "pass" : "FAIL");
	if (n == 2 && v->fixed.nr)
		strbuf_addf(sb, "  the series fixes %zu scenarios: %s\n", v->fixed.nr, fixed);
	else if (n == 2)
		strbuf_addstr(sb, "  no scenario fails before the series and passes after it\n");
	for (size_t i = 0; i < v->failing.nr; i++)
		strbuf_addf(sb, "  fails: %s\n", v->failing.v[i]);
	for (size_t i = 0; i < v->reasons.nr; i++)
		strbuf_addf(sb, "  %s\n", v->reasons.v[i]);
	free(fixed);
}

static json_t *scenario_json(const struct rt_scenario *s)
{
	return json_pack("{s:s, s:i, s:i, s:i, s:i, s:s, s:s}", "name", s->name, "runs", s->runs,
			 "pass", s->pass, "fail", s->fail, "skip", s->skip, "why", s->why,
			 "callbacks", s->counts);
}

static json_t *kernel_json(const struct manifest *m, const struct rt_result *r)
{
	json_t *sc = json_array(), *watch = json_array();
	char *cb = probe_features(r->features);
	json_t *k;

	for (size_t i = 0; i < r->log.nr_sc; i++)
		json_array_append_new(sc, scenario_json(&r->log.sc[i]));
	for (size_t w = 0; w < m->runtime_watch.rows; w++)
		json_array_append_new(watch, json_pack("{s:s, s:b, s:i, s:s?}", "name",
			cell(&m->runtime_watch, w, WATCH_NAME), "checked", watch_checked(m, r, w),
			"lines", (int)r->log.watch[w].hits, "first", r->log.watch[w].first));
	k = json_pack("{s:s, s:s?, s:s?, s:s, s:s?, s:s, s:f, s:f, s:o, s:o, s:o, s:o, s:o, s:o}",
		      "label", r->k->label, "release", r->log.release, "image", r->k->image,
		      "state", state_names[r->state], "why", r->why, "probe_features", cb,
		      "build_seconds", r->build_seconds, "boot_seconds", r->boot_seconds,
		      "scenarios", sc, "watch", watch, "errors", json_strings(&r->log.errors),
		      "notes", json_strings(&r->log.notes), "kernel_problems", json_strings(&r->log.problems),
		      "not_in_kernel", json_strings(&r->dropped));
	free(cb);
	return k;
}

static int write_json(const char *out, const struct manifest *m, const struct rt_result *rs,
		      size_t n, const struct verdict *v, const char *accel, const char *note)
{
	json_t *kernels = json_array(), *root;
	char *path = xstrfmt("%s/runtime.json", out), *text;
	int ret;

	for (size_t k = 0; k < n; k++)
		json_array_append_new(kernels, kernel_json(m, &rs[k]));
	root = json_pack("{s:s, s:s, s:s?, s:o, s:o, s:o, s:o}", "verdict", v->pass ? "pass" : "fail",
			 "accel", accel, "accel_note", note, "fixed", json_strings(&v->fixed),
			 "failing", json_strings(&v->failing), "reasons", json_strings(&v->reasons),
			 "kernels", kernels);
	text = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	ret = replace_file(path, text);
	free(text);
	free(path);
	json_decref(root);
	return ret;
}

int runtime_write(const char *out, const struct manifest *m, struct rt_result *rs, size_t n,
		  const char *accel, const char *note)
{
	struct verdict v = { 0, STRVEC_INIT, STRVEC_INIT, STRVEC_INIT };
	struct strvec names = STRVEC_INIT;
	struct strbuf sb = STRBUF_INIT;
	char *path = xstrfmt("%s/runtime.txt", out);
	int ret;

	for (size_t k = 0; k < n; k++)
		if (!rs[k].log.watch) {
			struct strvec watch = STRVEC_INIT;

			for (size_t w = 0; w < m->runtime_watch.rows; w++)
				strvec_push(&watch, cell(&m->runtime_watch, w, WATCH_TEXT));
			rt_log_parse(&rs[k].log, "", &watch);	/* not booted: an empty log */
			strvec_clear(&watch);
		}
	scenario_names(rs, n, &names);
	verdict(m, rs, n, &names, &v);
	strbuf_addf(&sb, "runtime proof (kseries boot): qemu %s%s%s%s\n\n", accel, note ? " (" : "",
		    note ? note : "", note ? ")" : "");
	for (size_t k = 0; k < n; k++)
		write_kernel(&sb, m, &rs[k]);
	write_scenarios(&sb, rs, n, &names);
	write_verdict(&sb, &v, n);
	ret = replace_file(path, strbuf_str(&sb)) | write_json(out, m, rs, n, &v, accel, note);
	if (ret)
		die("cannot write the runtime report in %s", out);
	ret = v.pass ? 0 : 1;
	strbuf_release(&sb);
	strvec_clear(&names);
	strvec_clear(&v.fixed);
	strvec_clear(&v.failing);
	strvec_clear(&v.reasons);
	free(path);
	return ret;
}

void rt_result_clear(struct rt_result *r)
{
	rt_log_clear(&r->log);
	free(r->why);
	free(r->features);
	free(r->config);
	strvec_clear(&r->dropped);
	memset(r, 0, sizeof(*r));
}
