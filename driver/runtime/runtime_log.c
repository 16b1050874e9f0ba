#include <stdlib.h>
#include <string.h>
#include "lib/usage.h"
#include "runtime/runtime_log.h"

#define GUEST "kseries-rt: "
#define DMESG "kseries-dmesg: "

static const char *const kernel_problems[] = {
	"Kernel panic", "BUG:", "Oops", "WARNING:", "general protection fault", "Call Trace:", NULL,
};

static struct rt_scenario *scenario(struct rt_log *log, const char *name, size_t len)
{
	for (size_t i = 0; i < log->nr_sc; i++)
		if (strlen(log->sc[i].name) == len && !strncmp(log->sc[i].name, name, len))
			return &log->sc[i];
	log->sc = xrealloc(log->sc, (log->nr_sc + 1) * sizeof(*log->sc));
	memset(&log->sc[log->nr_sc], 0, sizeof(*log->sc));
	log->sc[log->nr_sc].name = xstrndup(name, len);
	return &log->sc[log->nr_sc++];
}

static char *field(const char *line, const char *key)
{
	const char *p = strstr(line, key);

	if (!p)
		return xstrdup("");
	p += strlen(key);
	return xstrndup(p, !strcmp(key, " why=") ? strlen(p) : strcspn(p, " "));
}

/* "result NAME RUN pass|fail|skip counts=... why=..." */
static void result_line(struct rt_log *log, const char *s)
{
	size_t len = strcspn(s, " ");
	struct rt_scenario *sc;
	const char *res;
	int first_fail;

	if (!len || !s[len])
		return;
	sc = scenario(log, s, len);
	res = s + len + 1;
	res += strcspn(res, " ");
	res += strspn(res, " ");
	sc->runs++;
	first_fail = !strncmp(res, "fail", 4) && !sc->fail;
	if (!strncmp(res, "pass", 4))
		sc->pass++;
	else if (!strncmp(res, "fail", 4))
		sc->fail++;
	else
		sc->skip++;
	if (first_fail || sc->runs == 1) {
		free(sc->why);
		free(sc->counts);
		sc->why = field(res, " why=");
		sc->counts = field(res, " counts=");
	}
}

static void guest_line(struct rt_log *log, const char *s)
{
	if (!strncmp(s, "boot ", 5)) {
		free(log->release);
		log->release = xstrdup(s + 5);
	} else if (!strcmp(s, "probe loaded")) {
		log->probe_loaded = 1;
	} else if (!strncmp(s, "begin", 5)) {
		log->begun = 1;
	} else if (!strcmp(s, "end")) {
		log->ended = 1;
	} else if (!strncmp(s, "error ", 6)) {
		strvec_push(&log->errors, s + 6);
	} else if (!strncmp(s, "note ", 5)) {
		strvec_push(&log->notes, s + 5);
	} else if (!strncmp(s, "result ", 7)) {
		result_line(log, s + 7);
	}
}

static void kernel_line(struct rt_log *log, const char *s, const struct strvec *watch)
{
	for (size_t i = 0; kernel_problems[i]; i++)
		if (strstr(s, kernel_problems[i]) && !strvec_contains(&log->problems, s)) {
			strvec_push(&log->problems, s);
			break;
		}
	for (size_t i = 0; i < watch->nr; i++)
		if (*watch->v[i] && strstr(s, watch->v[i]) && !log->watch[i].hits++)
			log->watch[i].first = xstrdup(s);
}

/* The kernel's own lines: dmesg's dump when it came (it has every level), else the console. */
static void kernel_lines(struct rt_log *log, const struct strvec *lines, const struct strvec *watch)
{
	int dumped = 0;

	for (size_t i = 0; i < lines->nr; i++)
		dumped |= !strncmp(lines->v[i], DMESG, strlen(DMESG));
	for (size_t i = 0; i < lines->nr; i++) {
		const char *s = lines->v[i];

		if (dumped && !strncmp(s, DMESG, strlen(DMESG)))
			kernel_line(log, s + strlen(DMESG), watch);
		else if (!dumped && strncmp(s, GUEST, strlen(GUEST)))
			kernel_line(log, s, watch);
	}
}

void rt_log_parse(struct rt_log *log, const char *text, const struct strvec *watch)
{
	struct strvec lines = STRVEC_INIT;

	memset(log, 0, sizeof(*log));
	log->errors = (struct strvec)STRVEC_INIT;
	log->notes = (struct strvec)STRVEC_INIT;
	log->problems = (struct strvec)STRVEC_INIT;
	log->nr_watch = watch->nr;
	log->watch = xcalloc(watch->nr ? watch->nr : 1, sizeof(*log->watch));
	strvec_split_lines(&lines, text);
	for (size_t i = 0; i < lines.nr; i++) {
		char *s = lines.v[i];
		size_t n = strlen(s);

		while (n && (s[n - 1] == '\r' || s[n - 1] == ' '))
			s[--n] = '\0';
		if (!strncmp(s, GUEST, strlen(GUEST))) {
			guest_line(log, s + strlen(GUEST));
		} else if (*s && strncmp(s, DMESG, strlen(DMESG))) {
			free(log->last);
			log->last = xstrdup(s);
		}
	}
	kernel_lines(log, &lines, watch);
	strvec_clear(&lines);
}

const struct rt_scenario *rt_log_scenario(const struct rt_log *log, const char *name)
{
	for (size_t i = 0; i < log->nr_sc; i++)
		if (!strcmp(log->sc[i].name, name))
			return &log->sc[i];
	return NULL;
}

void rt_log_clear(struct rt_log *log)
{
	for (size_t i = 0; i < log->nr_sc; i++) {
		free(log->sc[i].name);
		free(log->sc[i].why);
		free(log->sc[i].counts);
	}
	for (size_t i = 0; i < log->nr_watch; i++)
		free(log->watch[i].first);
	free(log->sc);
	free(log->watch);
	free(log->release);
	free(log->last);
	strvec_clear(&log->errors);
	strvec_clear(&log->notes);
	strvec_clear(&log->problems);
	memset(log, 0, sizeof(*log));
}
