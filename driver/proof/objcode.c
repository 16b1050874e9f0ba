/*
 * Object code in a comparable form (objcode.h). objdump is Debian's
 * binutils for the host and each cross toolchain: no ELF reader of our own.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "lib/run.h"
#include "lib/strbuf.h"
#include "lib/strvec.h"
#include "lib/usage.h"
#include "proof/objcode.h"

char *objcode_norm_name(const char *name)
{
	struct strbuf sb = STRBUF_INIT;

	for (const char *p = name; *p;) {
		size_t n = strcspn(p + 1, ".") + 1;

		/* drop every ".<digits>" part: numbers the compiler hands out */
		if (!(*p == '.' && n > 1 && strspn(p + 1, "0123456789") == n - 1))
			strbuf_add(&sb, p, n);
		p += n;
	}
	return strbuf_detach(&sb);
}

struct sym {
	char *name, *section;
	unsigned long value, size;
};

struct section_bytes {
	char *name;
	unsigned char *data;
	size_t len;
};

/* What the parser knows of the object besides its code. */
struct objinfo {
	struct sym *syms;
	size_t nr_syms;
	struct strvec sections;
	struct section_bytes *strs;
	size_t nr_strs;
};

/* "0000000000000020 l     F .text\t000000000000001d other" */
static void parse_sym(struct objinfo *oi, const char *l)
{
	char *end;
	unsigned long value = strtoul(l, &end, 16);
	const char *sec, *tab;

	if (end == l || strlen(end) < 9)
		return;
	sec = end + 9;	/* a space and seven flag columns, a space */
	tab = strchr(sec, '\t');
	if (!tab)
		return;
	oi->syms = xrealloc(oi->syms, (oi->nr_syms + 1) * sizeof(*oi->syms));
	oi->syms[oi->nr_syms].section = xstrndup(sec, (size_t)(tab - sec));
	oi->syms[oi->nr_syms].value = value;
	oi->syms[oi->nr_syms].size = strtoul(tab + 1, &end, 16);
	while (*end == ' ')
		end++;
	oi->syms[oi->nr_syms++].name = xstrdup(end);
}

/* objdump -s: "Contents of section .rodata.str1.1:" then " 0000 48656c70 ..  help" */
static void parse_strings(struct objinfo *oi, const char *text)
{
	struct section_bytes *cur = NULL;

	for (const char *p = text; p && *p; p += strcspn(p, "\n") + (p[strcspn(p, "\n")] != 0)) {
		if (!strncmp(p, "Contents of section ", 20)) {
			size_t n = strcspn(p + 20, ":\n");

			oi->strs = xrealloc(oi->strs, (oi->nr_strs + 1) * sizeof(*oi->strs));
			cur = &oi->strs[oi->nr_strs++];
			memset(cur, 0, sizeof(*cur));
			cur->name = xstrndup(p + 20, n);
		} else if (cur && *p == ' ') {
			const char *q = p + 1 + strspn(p + 1, "0123456789abcdef");

			/* up to four groups of hex digits, each after one space; two spaces end them */
			for (int g = 0; g < 4 && q[0] == ' ' && isxdigit((unsigned char)q[1]); g++) {
				q++;
				while (isxdigit((unsigned char)q[0]) && isxdigit((unsigned char)q[1])) {
					char hex[3] = { q[0], q[1], 0 };

					cur->data = xrealloc(cur->data, cur->len + 1);
					cur->data[cur->len++] = (unsigned char)strtoul(hex, NULL, 16);
					q += 2;
				}
			}
		}
	}
}

static const struct section_bytes *string_section(const struct objinfo *oi, const char *name)
{
	for (size_t i = 0; i < oi->nr_strs; i++)
		if (!strcmp(oi->strs[i].name, name))
			return &oi->strs[i];
	return NULL;
}

static const struct sym *find_sym(const struct objinfo *oi, const char *name)
{
	for (size_t i = 0; i < oi->nr_syms; i++)
		if (!strcmp(oi->syms[i].name, name))
			return &oi->syms[i];
	return NULL;
}

/* The named symbol of section sec that holds offset off (not a section symbol). */
static const struct sym *sym_at(const struct objinfo *oi, const char *sec, unsigned long off)
{
	const struct sym *best = NULL;

	for (size_t i = 0; i < oi->nr_syms; i++) {
		const struct sym *s = &oi->syms[i];

		if (strcmp(s->section, sec) || !strcmp(s->name, sec) || s->value > off ||
		    (s->size && off >= s->value + s->size) || s->name[0] == '.')
			continue;
		if (!best || s->value > best->value)
			best = s;
	}
	return best;
}

/* A relocation's target ".text+0xc0", ".LC1-0x4", "printk": what it points at. */
static char *resolve(const struct objinfo *oi, const char *type, const char *target)
{
	size_t n = strcspn(target, "+-");
	char *name = xstrndup(target, n), *out;
	long addend = target[n] ? strtol(target + n, NULL, 16) : 0;
	const struct sym *s = find_sym(oi, name);
	/* undefined, absolute and common symbols are names, not places in this object */
	const char *sec = s ? (s->section[0] == '*' ? NULL : s->section) :
			  strvec_contains(&oi->sections, name) ? name : NULL;
	unsigned long off = (s && sec && strcmp(s->name, sec) ? s->value : 0) + (unsigned long)addend;
	const struct section_bytes *str = sec ? string_section(oi, sec) : NULL;

	/* x86's pc-relative relocations carry -4 for the instruction's own bytes */
	if (strstr(type, "PC32") || strstr(type, "PLT32"))
		off += 4;
	if (str && off < str->len) {
		size_t start = off;

		while (start > 0 && str->data[start - 1])
			start--;
		struct strbuf sb = STRBUF_INIT;

		/* the string itself, its control characters escaped: one line per instruction */
		for (size_t i = start; i < str->len && str->data[i] && i < start + 80; i++)
			if (isprint(str->data[i]))
				strbuf_addch(&sb, (char)str->data[i]);
			else
				strbuf_addf(&sb, "\\%03o", str->data[i]);
		out = xstrfmt("\"%s\"+%lu", strbuf_str(&sb), off - start);
		strbuf_release(&sb);
	} else if (sec && (!s || s->name[0] == '.' || !strcmp(s->name, sec))) {
		/* a section and an offset (a static function, a local label): the symbol there */
		const struct sym *at = sym_at(oi, sec, off);
		char *norm = at ? objcode_norm_name(at->name) : NULL;

		out = at ? xstrfmt("%s+%lu", norm, off - at->value) : xstrfmt("%s+?", sec);
		free(norm);
	} else {
		char *norm = objcode_norm_name(name);

		out = xstrfmt("%s%s", norm, target + n);
		free(norm);
	}
	free(name);
	return out;
}

/* One instruction: whitespace collapsed, "68 <use+0x28>" as "<use+.>" inside self. */
static void add_insn(struct strbuf *code, const char *insn, const char *self, int relocated)
{
	struct strbuf sb = STRBUF_INIT;

	for (const char *p = insn; *p;) {
		const char *q = p + strspn(p, "0123456789abcdef");

		if (isspace((unsigned char)*p)) {
			if (sb.len && sb.buf[sb.len - 1] != ' ')
				strbuf_addch(&sb, ' ');
			p++;
		} else if (q > p && q[0] == ' ' && q[1] == '<' && strchr(q, '>') &&
			   (p == insn || !isalnum((unsigned char)p[-1]))) {
			const char *gt = strchr(q, '>');
			char *target = xstrndup(q + 2, (size_t)(gt - q - 2));
			char *base = xstrndup(target, strcspn(target, "+"));
			char *norm = objcode_norm_name(base);

			/* an address the relocation fills in later: the placeholder means nothing */
			if (!relocated)
				strbuf_addf(&sb, "<%s%s>", norm, !strcmp(norm, self) ? "+." :
					    target + strlen(base));
			free(norm);
			free(base);
			free(target);
			p = gt + 1;
		} else {
			strbuf_addch(&sb, *p++);
		}
	}
	strbuf_addstr(code, strbuf_str(&sb));
	strbuf_release(&sb);
}

/* The functions of one disassembly, with a last pending instruction and its relocations. */
struct disasm {
	struct objcode *oc;
	const struct objinfo *oi;
	struct strbuf code, relocs;
	char *insn, *self;
	/*
	 * The pending instruction's relocation names a bare section: its addend
	 * is in the instruction (arm's REL), so objdump's "<target>" is the
	 * only place that says where it goes, and is kept.
	 */
	int rel_section;
};

static int is_padding(const char *insn);

/*
 * The numbers of an instruction as "#": a relocation against a bare
 * section (arm's and mips' REL) keeps its addend in the instruction, the
 * offset of a static function that moves when one before it is deleted.
 * Registers (r4, x29, a1) keep theirs.
 */
static char *mask_numbers(const char *insn)
{
	struct strbuf sb = STRBUF_INIT;

	for (const char *p = insn; *p;) {
		if (isdigit((unsigned char)*p) && (p == insn || !(isalnum((unsigned char)p[-1]) || p[-1] == '_'))) {
			while (isalnum((unsigned char)*p))
				p++;
			strbuf_addch(&sb, '#');
		} else {
			strbuf_addch(&sb, *p++);
		}
	}
	return strbuf_detach(&sb);
}

static void flush_insn(struct disasm *d)
{
	if (!d->insn)
		return;
	/*
	 * A nop means nothing, and how many the assembler puts before an
	 * aligned loop or after the function depends on where the function
	 * starts: a function deleted before it changes them.
	 */
	if (!d->relocs.len && is_padding(d->insn + strspn(d->insn, " \t"))) {
		free(d->insn);
		d->insn = NULL;
		return;
	}
	if (d->rel_section) {
		char *masked = mask_numbers(d->insn);

		free(d->insn);
		d->insn = masked;
	}
	add_insn(&d->code, d->insn, d->self, d->relocs.len > 0 && !d->rel_section);
	strbuf_addstr(&d->code, strbuf_str(&d->relocs));
	strbuf_addch(&d->code, '\n');
	strbuf_reset(&d->relocs);
	d->rel_section = 0;
	free(d->insn);
	d->insn = NULL;
}

/* Padding the assembler puts so that code (the next function, a loop) is aligned. */
static int is_padding(const char *insn)
{
	static const char *const pads[] = { "nop", "xchg %ax,%ax", "data16", "cs nop", "mov r0, r0",
					    "andeq r0, r0, r0", ".word 0x00000000", "udf #0", "int3",
					    NULL };

	for (size_t i = 0; pads[i]; i++)
		if (!strncmp(insn, pads[i], strlen(pads[i])))
			return 1;
	return 0;
}

static void flush_func(struct disasm *d)
{
	flush_insn(d);
	/* "<.altinstr_replacement>:", "<.fixup>:": a section's code, not a function's */
	if (d->self && d->self[0] == '.') {
		free(d->self);
		d->self = NULL;
	}
	if (d->self) {
		struct objcode *oc = d->oc;
		char *name = xstrdup(d->self);

		/* two clones with one normalised name: the second is foo#2 */
		for (int k = 2; objcode_find(oc, name); k++) {
			free(name);
			name = xstrfmt("%s#%d", d->self, k);
		}
		oc->funcs = xrealloc(oc->funcs, (oc->nr + 1) * sizeof(*oc->funcs));
		oc->funcs[oc->nr].name = name;
		oc->funcs[oc->nr++].code = strbuf_detach(&d->code);
	}
	strbuf_reset(&d->code);
	free(d->self);
	d->self = NULL;
}

static void disasm_line(struct disasm *d, const char *l)
{
	const char *colon = strchr(l, ':'), *r = strstr(l, ": R_");

	if (l[0] != ' ' && l[0] != '\t' && strstr(l, " <") && colon && colon[1] == '\0') {
		/* "0000000000000020 <other>:" */
		const char *lt = strstr(l, " <");
		char *raw = xstrndup(lt + 2, strcspn(lt + 2, ">"));

		flush_func(d);
		d->self = objcode_norm_name(raw);
		free(raw);
	} else if (d->self && r && l[0] == '\t') {
		/* "\t\t\t2d: R_X86_64_PC32\t.LC1-0x4" */
		const char *type = r + 2, *tab = type + strcspn(type, " \t");
		const char *raw = tab + strspn(tab, " \t");
		char *t = xstrndup(type, (size_t)(tab - type));
		int bare = strvec_contains(&d->oi->sections, raw);
		char *target = bare ? xstrdup(raw) : resolve(d->oi, t, raw);

		d->rel_section |= bare;
		strbuf_addf(&d->relocs, " [%s %s]", t, target);
		free(t);
		free(target);
	} else if (d->self && colon && strspn(l, " ") < (size_t)(colon - l) &&
		   strspn(l + strspn(l, " "), "0123456789abcdef") == (size_t)(colon - l - strspn(l, " "))) {
		/* "  4e:\tjg     68 <use+0x28>" */
		flush_insn(d);
		d->insn = xstrdup(colon + 1);
	}
}

/* Where each data object sits (and gcc's .LANCHOR section anchors): for the identity. */
static void keep_data_symbols(struct objcode *oc, const struct objinfo *oi)
{
	static const char *const code[] = { ".text", ".init.text", ".exit.text", ".ref.text",
					    ".sched.text", ".fixup", ".altinstr", NULL };

	for (size_t i = 0; i < oi->nr_syms; i++) {
		const struct sym *s = &oi->syms[i];
		int is_code = s->section[0] == '*';

		for (size_t k = 0; code[k] && !is_code; k++)
			is_code = !strncmp(s->section, code[k], strlen(code[k]));
		if (is_code || !strcmp(s->name, s->section))
			continue;
		oc->data = xrealloc(oc->data, (oc->nr_data + 1) * sizeof(*oc->data));
		oc->data[oc->nr_data].name = objcode_norm_name(s->name);
		oc->data[oc->nr_data].section = xstrdup(s->section);
		oc->data[oc->nr_data++].value = s->value;
	}
}

void objcode_parse(struct objcode *oc, const char *dis, const char *strings)
{
	struct objinfo oi = { .sections = STRVEC_INIT };
	struct disasm d = { .oc = oc, .oi = &oi, .code = STRBUF_INIT, .relocs = STRBUF_INIT };
	struct strvec lines = STRVEC_INIT;
	int in_syms = 0, in_sections = 0;

	memset(oc, 0, sizeof(*oc));
	parse_strings(&oi, strings);
	strvec_split_lines(&lines, dis);
	for (size_t i = 0; i < lines.nr; i++) {
		const char *l = lines.v[i];

		if (!strncmp(l, "Sections:", 9)) {
			in_sections = 1;
		} else if (!strncmp(l, "SYMBOL TABLE:", 13)) {
			in_sections = 0;
			in_syms = 1;
		} else if (!strncmp(l, "Disassembly of section ", 23)) {
			in_sections = in_syms = 0;
			flush_func(&d);
		} else if (in_sections && isdigit((unsigned char)l[strspn(l, " ")])) {
			/* "  0 .text         00000077  ..." */
			const char *p = l + strspn(l, " ");

			p += strcspn(p, " ");
			p += strspn(p, " ");
			strvec_pushf(&oi.sections, "%.*s", (int)strcspn(p, " "), p);
		} else if (in_syms) {
			parse_sym(&oi, l);
		} else {
			disasm_line(&d, l);
		}
	}
	flush_func(&d);
	strbuf_release(&d.code);
	strbuf_release(&d.relocs);
	strvec_clear(&lines);
	keep_data_symbols(oc, &oi);
	for (size_t i = 0; i < oi.nr_syms; i++) {
		free(oi.syms[i].name);
		free(oi.syms[i].section);
	}
	for (size_t i = 0; i < oi.nr_strs; i++) {
		free(oi.strs[i].name);
		free(oi.strs[i].data);
	}
	free(oi.syms);
	free(oi.strs);
	strvec_clear(&oi.sections);
}

int objcode_read(struct objcode *oc, const char *cross, const char *path, char **why)
{
	char *objdump = xstrfmt("%sobjdump", cross), *dis = NULL, *strs = NULL;
	struct strvec secs = STRVEC_INIT;
	struct child_process cp = CHILD_PROCESS_INIT;
	int ret = -1;

	*why = NULL;
	memset(oc, 0, sizeof(*oc));
	if (run_capture(&dis, NULL, objdump, "-h", "-t", "-dr", "--no-show-raw-insn", path, NULL)) {
		*why = xstrfmt("%s -dr %s failed: %s", objdump, path, run_capture_error());
		goto out;
	}
	/* the string sections' bytes, so a relocation to a string reads as the string */
	for (const char *p = strstr(dis, " .rodata.str"); p; p = strstr(p + 1, " .rodata.str")) {
		char *name = xstrndup(p + 1, strcspn(p + 1, " \t\n"));

		if (!strvec_contains(&secs, name))
			strvec_push(&secs, name);
		free(name);
	}
	strvec_push(&cp.args, objdump);
	for (size_t i = 0; i < secs.nr; i++)
		strvec_pushl(&cp.args, "-j", secs.v[i], NULL);
	strvec_pushl(&cp.args, "-s", path, NULL);
	cp.capture_out = 1;
	cp.quiet_err = 1;
	if (secs.nr && run_command(&cp)) {
		*why = xstrfmt("%s -s %s failed", objdump, path);
		goto out;
	}
	strs = cp.out;
	cp.out = NULL;
	objcode_parse(oc, dis, strs ? strs : "");
	ret = 0;
out:
	child_process_clear(&cp);
	strvec_clear(&secs);
	free(objdump);
	free(dis);
	free(strs);
	return ret;
}

const struct objfunc *objcode_find(const struct objcode *oc, const char *name)
{
	for (size_t i = 0; i < oc->nr; i++)
		if (!strcmp(oc->funcs[i].name, name))
			return &oc->funcs[i];
	return NULL;
}

void objcode_clear(struct objcode *oc)
{
	for (size_t i = 0; i < oc->nr; i++) {
		free(oc->funcs[i].name);
		free(oc->funcs[i].code);
	}
	for (size_t i = 0; i < oc->nr_data; i++) {
		free(oc->data[i].name);
		free(oc->data[i].section);
	}
	free(oc->data);
	free(oc->funcs);
	memset(oc, 0, sizeof(*oc));
}
