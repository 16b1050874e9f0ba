/// Audit of an out-of-tree driver for the 4.13 removal of invalidate_page:
/// every .invalidate_page initialiser of struct mmu_notifier_ops (designated,
/// positional, in arrays with or without [IDX] =, through a typedef or a
/// macro that names the type, set at run time), every call of
/// mmu_notifier_invalidate_page(), every function serving as the callback
/// with its prototypes; the preprocessor guard around each (version, probe,
/// other); and a verdict per ops from what its callbacks reach.
///
/// Each finding is one line "FILE:LINE:COL: SEVERITY: MESSAGE [kseries-ID]"
/// (docs/audit.md lists the IDs); kseries sorts and formats them.
//
// Confidence: Moderate: callees in other files of the module are read from
//  their text (a function the audit did not parse); one outside the module
//  is judged by its name.
// Keywords: mmu_notifier, invalidate_page, audit, out-of-tree

virtual report

@initialize:python@
@@
import bisect, functools, os, re

# every file is read once, however many findings it has (a generated file
# with 20,000 ops structures asks for its text 40,000 times)
def read_lines(file):
	"""The file's lines (latin-1 and other bytes as U+FFFD), or None."""
	try:
		return open(file, errors="replace").read().split("\n")
	except OSError:
		return None
# (no decorators: a line that starts with @ opens a rule in SmPL)
read_lines = functools.lru_cache(maxsize=None)(read_lines)

def read_text(file):
	lines = read_lines(file)
	return None if lines is None else "\n".join(lines)

ROLES = ("invalidate_page", "invalidate_range_start", "invalidate_range_end",
	 "invalidate_range")
BOUNDARY = (4, 13, 0)
ops = {}		# (file, ops name) -> {"roles": {role: fn}, "pos": (line, col), "kind": str}
page_fns = set()	# (file, fn) of the functions set as .invalidate_page
calls = {}		# (file, fn) -> set of functions called
fields = {}		# (file, fn) -> set of fields touched
defined = {}		# (file, fn) -> (line, col) of the definition
protos = []		# (file, fn, line, col)
old_calls = []		# (file, line, col, function it is in)
findings = []
parsed_files = {}	# absolute path -> the file as spatch names it, for the files it parsed

def types_ok(t, file):
	"""t names struct mmu_notifier_ops: itself, a typedef of it, or a macro for it."""
	t = t.strip()
	if re.fullmatch(r"(static\s+)?(const\s+)?struct\s+mmu_notifier_ops", t):
		return True
	text = read_text(file)
	if text is None:
		return False
	name = re.escape(t.split()[-1])
	return bool(re.search(r"typedef\s+(const\s+)?struct\s+mmu_notifier_ops\s+" + name + r"\s*;", text) or
		    re.search(r"#\s*define\s+" + name + r"\b[^\n]*struct\s+mmu_notifier_ops", text))

def note_role(file, name, role, fn, line, col, kind):
	o = ops.setdefault((file, name), {"roles": {}, "pos": None, "kind": kind})
	o["roles"][role] = fn
	if role == "invalidate_page":
		o["pos"] = (int(line), int(col))
		page_fns.add((file, fn))

# --- the preprocessor conditions around a line ---------------------------
def directive_stacks(file):
	"""([first line each stack holds from], [stack]) of a file: one pass, however many lookups."""
	stack, starts, stacks = [], [], []
	lines = read_lines(file) or []
	i = 0
	while i < len(lines):
		start, text = i, lines[i]
		while text.endswith(chr(92)) and i + 1 < len(lines):	# a continued line
			i += 1
			text = text[:-1] + " " + lines[i]
		m = re.match(r"\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b(.*)", text)
		if m:
			d, cond = m.group(1), re.sub(r"/[*].*?[*]/|/{2}.*", "", m.group(2)).strip()
			if d in ("if", "ifdef", "ifndef"):
				stack.append([d, cond, False])
			elif d == "elif" and stack:
				stack[-1] = ["if", cond, False]
			elif d == "else" and stack:
				stack[-1] = [stack[-1][0], stack[-1][1], True]
			elif d == "endif" and stack:
				stack.pop()
			# a directive on line start+1 counts for the lines after it
			starts.append(start + 2)
			stacks.append([tuple(x) for x in stack])
		i += 1
	return starts, stacks

directive_stacks = functools.lru_cache(maxsize=None)(directive_stacks)

def conditions(file, line):
	"""[(directive, condition, in_else)] of every #if open at line (1-based)."""
	starts, stacks = directive_stacks(file)
	k = bisect.bisect_right(starts, int(line)) - 1
	return list(stacks[k]) if k >= 0 else []

VERSION = re.compile(r"LINUX_VERSION_CODE\s*(<=|>=|<|>|==|!=)\s*KERNEL_VERSION\s*\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)")
# the same written the other way round: KERNEL_VERSION(4, 13, 0) > LINUX_VERSION_CODE
VERSION_REV = re.compile(r"KERNEL_VERSION\s*\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*\)\s*(<=|>=|<|>|==|!=)\s*LINUX_VERSION_CODE")
FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="}

def version_boundary(cond, in_else):
	"""The first version the guarded code is left out of, or None."""
	m = VERSION.search(cond)
	if m:
		op, v = m.group(1), tuple(int(x) for x in m.group(2, 3, 4))
	else:
		m = VERSION_REV.search(cond)
		if not m:
			return None
		op, v = FLIP[m.group(4)], tuple(int(x) for x in m.group(1, 2, 3))
	nxt = (v[0], v[1], v[2] + 1)
	# code kept while the condition holds (or, in #else, while it does not)
	kept_below = {"<": v, "<=": nxt}.get(op)
	kept_from = {">=": v, ">": nxt}.get(op)
	if in_else:
		kept_below, kept_from = kept_from, kept_below
	return kept_below

def vstr(v):
	return "%d.%d" % v[:2] if v[2] == 0 else "%d.%d.%d" % v

PROBE_FILE = re.compile(r"(configure(\.ac|\.in)?|\.m4|Kbuild|Makefile|\.mk|\.sh|\.h)$")

def defines(text, macro):
	"""Where text defines macro (#define, -D, NAME= or any macro call that names it first,
	AC_DEFINE or a wrapper of it): the match, or None."""
	m = re.escape(macro)
	return re.search(r"#\s*define\s+%s\b|-D\s*%s\b|\b(?!defined\b)[A-Za-z_]\w*\(\s*\[?\s*%s\s*\]?\s*[,)]"
			 r"|^\s*%s\s*[:+?]?=" % (m, m, m, m), text, re.M)

def probe_block(lines, i):
	"""The probe the definition on line i (0-based) ends: back to the top-level
	statement it sits in (m4's AC_DEFUN or AC_COMPILE_IFELSE, a shell if, a make rule)."""
	j = i
	while j > 0 and (not lines[j].strip() or lines[j][0] in " \t])}" or lines[j - 1].endswith(chr(92))):
		j -= 1
	return "\n".join(lines[j:i + 1])

def make_conditions(lines, i):
	"""The ifeq/ifneq/ifdef/ifndef lines of a make file around line i (0-based)."""
	out, depth = [], 0
	for j in range(i - 1, -1, -1):
		s = lines[j].strip()
		if s.startswith("endif"):
			depth += 1
		elif re.match(r"(ifeq|ifneq|ifdef|ifndef)\b", s):
			if depth:
				depth -= 1
			else:
				out.append(lines[j])
	return out

def make_definition(lines, var):
	"""The lines of a make file that set var, each with its continuation lines."""
	out = []
	for j, l in enumerate(lines):
		if re.match(r"\s*(override\s+|export\s+)?%s\s*(::|:|\?|\+)?=" % re.escape(var), l):
			out.append(l)
			while l.endswith(chr(92)) and j + 1 < len(lines):
				j += 1
				l = lines[j]
				out.append(l)
	return out

def make_block(lines, i):
	"""A make file's probe: the definition's statement, the conditions around it and
	what the make variables they read are set to (a $(shell ...) test), followed twice."""
	block = [probe_block(lines, i)] + make_conditions(lines, i)
	seen = set()
	for _ in range(3):
		for var in re.findall(r"\$[({](\w+)[)}]", "\n".join(block)):
			if var not in seen:
				seen.add(var)
				block += make_definition(lines, var)
	return "\n".join(block)

def judge_probe(path, line):
	"""What the probe that defines a macro on line (1-based) of path decides by:
	("member", None) it tests invalidate_page, ("version", boundary), or ("other", None)."""
	lines = read_lines(path) or []
	if path.endswith(".h"):
		for d, cond, in_else in reversed(conditions(path, line)):
			b = version_boundary(cond, in_else) if d == "if" else None
			if b:
				return "version", b
		block = "\n".join(lines[max(0, line - 3):line])
	elif re.search(r"(Kbuild|Makefile|\.mk)$", path):
		block = make_block(lines, line - 1)
	else:
		block = probe_block(lines, line - 1)
	if "invalidate_page" in block:
		return "member", None
	m = VERSION.search(block) or VERSION_REV.search(block)
	if m:
		return "version", None
	return "other", None

def probe_of(file, macro):
	"""Where a module defines macro: (kind, "path:line", judge_probe's answer), the
	definition (AC_DEFINE or its wrapper, #define, -D) first, a mere mention after; or None."""
	top = os.path.dirname(os.path.abspath(file))
	mention = None
	for root in (top, os.path.dirname(top)):
		for dirpath, dirs, files in os.walk(root):
			dirs[:] = sorted(d for d in dirs if not d.startswith("."))
			for f in sorted(files):
				if not PROBE_FILE.search(f):
					continue
				path = os.path.join(dirpath, f)
				text = read_text(path) or ""
				if macro not in text:
					continue
				kind = "compat header" if f.endswith(".h") else "probe"
				d = defines(text, macro)
				at = d.start() if d else text.index(macro)
				line = text.count("\n", 0, at) + 1
				found = (kind, "%s:%d" % (os.path.relpath(path, top), line), judge_probe(path, line))
				if d:
					return found
				mention = mention or found
			if len(files) > 500:
				break
	return mention

probe_of = functools.lru_cache(maxsize=None)(probe_of)

PROBE_MACRO = re.compile(r"\b(HAVE_\w+|\w*INVALIDATE_PAGE\w*)\b")

def guard(file, line):
	"""(kind, detail): "none"; "version" with its boundary; "probe" with (macro, where,
	the other conditions around it); or "other" with the conditions. The guard that
	decides is the innermost one about the API: outer guards are context."""
	conds = conditions(file, line)
	inner_first = list(reversed(conds))
	for d, cond, in_else in inner_first:
		b = version_boundary(cond, in_else) if d == "if" else None
		if b:
			return "version", b
	probes = []
	for d, cond, in_else in inner_first:
		if d == "ifndef" or in_else:
			continue
		probes += [(m.group(1), cond) for m in PROBE_MACRO.finditer(cond)]
	# about the API: by its name, or by what its probe tests
	for macro, cond in probes:
		where = probe_of(file, macro)
		if "INVALIDATE_PAGE" in macro or (where and where[2][0] == "member"):
			break
	else:
		macro, cond = probes[0] if probes else (None, None)
		where = probe_of(file, macro) if macro else None
	if macro:
		context = [(d, c, e) for d, c, e in conds if c and c != cond]
		return "probe", (macro, where, context)
	others = [c for d, c, e in conds if c]
	return ("other", others) if others else ("none", None)

def probe_text(macro, where, context):
	"""The guard-probe finding's words, and its severity."""
	inside = ", also under %s" % ", ".join("#%s %s%s" % (d, c, " (#else)" if e else "")
					   for d, c, e in context) if context else ""
	if not where:
		return "note", "probe guard %s%s: no probe for it found in the module" % (macro, inside)
	kind, at, (by, boundary) = where
	said = "probe guard %s (%s: %s)%s" % (macro, kind, at, inside)
	if by == "member":
		return "note", said + ": tests for invalidate_page, right on every kernel, backports included"
	if by == "version" and boundary and boundary != BOUNDARY:
		return "warning", said + ": defined by kernel version, at %s: not 4.13, where invalidate_page went" % vstr(boundary)
	if by == "version":
		return "note", said + ": defined by kernel version%s: a version guard, wrong for a kernel below 4.13 with the series backported" % (" (4.13)" if boundary else "")
	return "warning", said + ": tests neither invalidate_page nor the kernel version: it does not follow the API"

def finding(file, line, col, sev, msg, ident):
	findings.append("%s:%s:%s: %s: %s [kseries-%s]" % (file, line, col, sev, msg, ident))

def judge_guard(file, line, col, what, ident):
	kind, g = guard(file, line)
	if kind == "none" and ident == "callback":
		finding(file, line, col, "warning", "%s: unused from 4.13 on, where its initialiser "
			"cannot build (a static function defined but not used): guard it with the "
			"initialiser (--fix guard or --fix probe) or drop it (--fix delete)" % what, ident)
	elif kind == "none" and ident == "call":
		finding(file, line, col, "error", "%s: builds only before 4.13, which removed it: "
			"convert it to a range bracket as the series' callers are (--fix convert, for "
			"the shapes its caller rules know) or guard it (--fix guard or --fix probe)"
			% what, ident)
	elif kind == "none":
		finding(file, line, col, "error", "%s: builds only before 4.13, which removed it: "
			"guard it (--fix guard or --fix probe) or drop it (--fix delete)" % what, ident)
	elif kind == "version" and g == BOUNDARY:
		finding(file, line, col, "note", "%s: version guard at 4.13: right for mainline and "
			"stable kernels as released; wrong for a kernel below 4.13 with the series "
			"backported (vendor trees, kseries series), where only a feature probe works"
			% what, "guard-version")
	elif kind == "version" and g < BOUNDARY:
		finding(file, line, col, "warning", "%s: version guard at %s, too early: kernels %s "
			"up to 4.13 still call invalidate_page and lose these notifications"
			% (what, vstr(g), vstr(g)), "guard-boundary")
	elif kind == "version":
		finding(file, line, col, "warning", "%s: version guard at %s, too late: kernels 4.13 "
			"up to %s do not build it" % (what, vstr(g), vstr(g)), "guard-boundary")
	elif kind == "probe":
		sev, text = probe_text(*g)
		finding(file, line, col, sev, "%s: %s" % (what, text), "guard-probe")
	else:
		finding(file, line, col, "error", "%s: guarded only by %s, which does not follow the "
			"kernel version: does not build on 4.13+" % (what, " && ".join(g)), ident)

// --- designated initialisers, in a struct or an array element ---
@ops_desig depends on report@
type T;
identifier I, fn;
identifier role = {invalidate_page, invalidate_range_start, invalidate_range_end, invalidate_range};
position p;
@@
T I = {
	...,
	.role = fn@p,
	...
};

@script:python depends on report@
T << ops_desig.T; I << ops_desig.I; role << ops_desig.role; fn << ops_desig.fn; p << ops_desig.p;
@@
if types_ok(T, p[0].file):
	note_role(p[0].file, I, role, fn, p[0].line, p[0].column, "initialiser")

@ops_idx depends on report@
identifier I, fn;
expression E;
identifier role = {invalidate_page, invalidate_range_start, invalidate_range_end, invalidate_range};
position p;
@@
struct mmu_notifier_ops I[...] = { ..., [E] = {
	...,
	.role = fn@p,
	...
}, ...};

@script:python depends on report@
I << ops_idx.I; E << ops_idx.E; role << ops_idx.role; fn << ops_idx.fn; p << ops_idx.p;
@@
note_role(p[0].file, "%s[%s]" % (I, E), role, fn, p[0].line, p[0].column, "array element")

@ops_arr depends on report@
identifier I, fn;
identifier role = {invalidate_page, invalidate_range_start, invalidate_range_end, invalidate_range};
position p, q;
@@
struct mmu_notifier_ops I[...] = { ..., {@q
	...,
	.role = fn@p,
	...
}, ...};

@script:python depends on report@
I << ops_arr.I; role << ops_arr.role; fn << ops_arr.fn; p << ops_arr.p; q << ops_arr.q;
@@
note_role(p[0].file, "%s[] at line %s" % (I, q[0].line), role, fn, p[0].line, p[0].column,
	  "array element")

// positional: the sixth member of the 4.12 layout
@ops_pos depends on report@
identifier I, fn;
expression E0, E1, E2, E3, E4;
position p;
@@
struct mmu_notifier_ops I = {
	E0, E1, E2, E3, E4, fn@p, ...
};

@script:python depends on report@
I << ops_pos.I; fn << ops_pos.fn; p << ops_pos.p;
@@
note_role(p[0].file, I, "invalidate_page", fn, p[0].line, p[0].column, "positional initialiser")

// --- set at run time -------------------------------------------------------
@ops_rt depends on report@
struct mmu_notifier_ops *O;
struct mmu_notifier_ops S;
identifier fn, g;
identifier role = {invalidate_page, invalidate_range_start, invalidate_range_end, invalidate_range};
position p;
@@
g(...) {
<...
(
 O->role = fn@p
|
 S.role = fn@p
)
...>
}

@script:python depends on report@
g << ops_rt.g; role << ops_rt.role; fn << ops_rt.fn; p << ops_rt.p;
@@
note_role(p[0].file, "the ops set at run time in %s()" % g, role, fn, p[0].line, p[0].column,
	  "assignment")

// --- the old call, whole identifier only ----------------------------------
@old_call depends on report@
identifier f = mmu_notifier_invalidate_page;
position p;
@@
f@p(...)

@script:python depends on report@
p << old_call.p;
@@
old_calls.append((p[0].file, p[0].line, p[0].column, p[0].current_element))

// --- what every function reaches: calls and fields -------------------------
// (an expression match with the enclosing function from the position:
// far cheaper than matching every function body)
@reach_call depends on report@
identifier g;
position p;
@@
g@p(...)

@script:python depends on report@
g << reach_call.g; p << reach_call.p;
@@
calls.setdefault((p[0].file, p[0].current_element), set()).add(g)

@reach_field depends on report@
identifier fld;
expression E;
position p;
@@
(
 E@p->fld
|
 E@p.fld
)

@script:python depends on report@
fld << reach_field.fld; p << reach_field.p;
@@
fields.setdefault((p[0].file, p[0].current_element), set()).add(fld)

@defn depends on report@
identifier fn;
position p;
@@
fn@p(...) { ... }

@script:python depends on report@
fn << defn.fn; p << defn.p;
@@
defined[(p[0].file, fn)] = (p[0].line, p[0].column)
parsed_files[os.path.abspath(p[0].file)] = p[0].file

@proto depends on report@
identifier fn;
type T;
position p;
@@
T fn@p(...);

@script:python depends on report@
fn << proto.fn; p << proto.p;
@@
protos.append((fn, p[0].file, p[0].line, p[0].column))

@finalize:python@
@@
# helpers every callback calls: they are not work a range callback must repeat
COMMON = re.compile(r"^(container_of|likely|unlikely|WARN\w*|BUG\w*|READ_ONCE|WRITE_ONCE|"
		    r"(raw_)?spin_(un)?lock\w*|mutex_(un)?lock\w*|(down|up)_(read|write)\w*|"
		    r"rcu_read_(un)?lock\w*|srcu_read_(un)?lock\w*|might_sleep|min|max|"
		    r"smp_\w*mb)$")

# --- callees in other files of the module ----------------------------------
KEYWORDS = {"if", "for", "while", "switch", "return", "sizeof", "typeof", "__typeof__",
	    "defined", "do", "case", "else", "goto", "asm", "__asm__", "alignof", "offsetof"}
FN_HEAD = re.compile(r"^(static\s+)?\w[\w\s\*]*?\b(\w+)\s*\([^;]*$")

MAX_MODULE_FILES = 2000

def module_c_files(file):
	"""The .c files of file's module: its folder and the one above (as the probes), or
	only its folder when that has a Kbuild file of its own; at most MAX_MODULE_FILES."""
	top = os.path.dirname(os.path.abspath(file))
	out = []
	roots = (top,) if os.path.exists(os.path.join(top, "Kbuild")) else (top, os.path.dirname(top))
	for root in roots:
		for dirpath, dirs, files in os.walk(root):
			dirs[:] = sorted(d for d in dirs if not d.startswith("."))
			out += [os.path.join(dirpath, f) for f in sorted(files) if f.endswith(".c")]
			if len(out) > MAX_MODULE_FILES:
				return tuple(sorted(set(out)))
	return tuple(sorted(set(out)))

module_c_files = functools.lru_cache(maxsize=None)(module_c_files)

def text_functions(path):
	"""The functions a .c file defines, from its text: name -> (static, calls, fields).
	For a file the audit did not parse (it holds none of the API's tokens)."""
	lines = read_lines(path) or []
	out = {}
	i = 0
	while i < len(lines):
		m = FN_HEAD.match(lines[i])
		if not m or m.group(2) in KEYWORDS:
			i += 1
			continue
		# the body: from the first "{" after the head to its matching "}"
		text, depth, started, k = [], 0, False, i
		while k < len(lines):
			seg = lines[k] if k > i else lines[k][m.end(2):]
			if not started and k > i + 8:
				break
			if not started and ";" in seg.split("{")[0] and "{" not in seg:
				break
			text.append(seg)
			depth += seg.count("{") - seg.count("}")
			started = started or "{" in seg
			if started and depth <= 0:
				break
			k += 1
		if started:
			body = re.sub(r"/[*].*?[*]/|//[^\n]*", "", "\n".join(text), flags=re.S)
			body = body[body.index("{"):]
			calls = set(c for c in re.findall(r"\b([A-Za-z_]\w*)\s*\(", body) if c not in KEYWORDS)
			flds = set(re.findall(r"(?:->|\.)\s*([A-Za-z_]\w*)", body))
			out.setdefault(m.group(2), (bool(m.group(1)), calls, flds))
		i = max(k, i) + 1
	return out

text_functions = functools.lru_cache(maxsize=None)(text_functions)

def is_static(file, fn):
	line = defined[(file, fn)][0]
	lines = read_lines(file) or []
	return 0 < line <= len(lines) and bool(re.match(r"\s*static\b", lines[line - 1]))

DEF_AT = re.compile(r"^(?!static\b)\w[\w\s\*]*?\b(\w+)\s*\([^;{}]*\)\s*\{", re.M)

def module_index(files):
	"""name -> the files of the module that define a function of that name, not static
	(one regular expression over each text: the bodies are read only where needed)."""
	index = {}
	for path in files:
		for m in DEF_AT.finditer(read_text(path) or ""):
			index.setdefault(m.group(1), []).append(path)
	return index

module_index = functools.lru_cache(maxsize=None)(module_index)

def elsewhere(file, fn):
	"""Where else in the module fn is defined (not static): a file the audit parsed
	first, else one known from its text only; or None."""
	here = os.path.abspath(file)
	places = [p for p in module_index(module_c_files(file)).get(fn, ()) if p != here]
	for other in places:
		f2 = parsed_files.get(other)
		if f2 and (f2, fn) in defined and not is_static(f2, fn):
			return f2
	for other in places:
		got = None if other in parsed_files else text_functions(other).get(fn)
		if got and not got[0]:
			return other
	return None

def locate(file, fn):
	"""The file that defines the fn a function of file calls: file itself, else elsewhere."""
	if (file, fn) in defined:
		return file
	if os.path.abspath(file) not in parsed_files and fn in text_functions(file):
		return file
	return elsewhere(file, fn)

def reach(file, fn, seen=None):
	"""What fn (defined in file) does: the functions it calls and the fields it touches,
	and theirs: a call of a function of the module counts as what that function does."""
	seen = set() if seen is None else seen
	if (file, fn) in seen:
		return set()
	seen.add((file, fn))
	if (file, fn) in defined:
		called, touched = calls.get((file, fn), ()), fields.get((file, fn), ())
	else:
		got = text_functions(file).get(fn)
		called, touched = (got[1], got[2]) if got else ((), ())
	out = set(("field", f) for f in touched)
	for g in called:
		if COMMON.match(g):
			continue
		at = locate(file, g)
		out |= reach(at, g, seen) if at else set([("call", g)])
	return out

def say(thing):
	return "%s()" % thing[1] if thing[0] == "call" else "->%s" % thing[1]

# spatch parses one branch of an #if/#else: what sits in another is found in
# the text, by the declaration its initialiser belongs to
DECL = re.compile(r"^\s*((?:\w+\s+)*?(?:struct\s+)?\w+)\s+\**\s*(\w+)\s*(\[[^\]]*\])?\s*=\s*\{")
unseen = set()		# (file, fn) callbacks found in the text only
for file in sorted(set(f for f, n in defined) | set(f for f, n in ops)):
	lines = read_lines(file)
	if lines is None:
		continue
	seen = set((f, o["pos"][0]) for (f, n), o in ops.items() if o["pos"])
	for i, l in enumerate(lines):
		m = re.match(r"\s*\.invalidate_page\s*=\s*(\w+)", l)
		if not m or (file, i + 1) in seen:
			continue
		for j in range(i - 1, -1, -1):
			if re.match(r"^\S.*;\s*$", lines[j]) or lines[j].startswith("}"):
				break
			d = DECL.match(lines[j])
			if d and types_ok(d.group(1), file):
				note_role(file, d.group(2), "invalidate_page", m.group(1), i + 1,
					  m.start(1), "initialiser in a branch spatch does not parse")
				break
	for file2, fn in list(page_fns):
		if file2 != file or (file, fn) in defined:
			continue
		for i, l in enumerate(lines):
			if re.match(r"^\w[\w\s\*]*\b%s\s*\([^;]*$" % re.escape(fn), l):
				defined[(file, fn)] = (i + 1, l.index(fn))
				unseen.add((file, fn))
				break

for (file, name), o in sorted(ops.items()):
	roles, pos = o["roles"], o["pos"]
	if "invalidate_page" not in roles or not pos:
		continue
	page = roles["invalidate_page"]
	line, col = pos
	judge_guard(file, line, col, ".invalidate_page of %s" % name, "initialiser")
	ranges = [roles[r] for r in ("invalidate_range_start", "invalidate_range",
				     "invalidate_range_end") if r in roles]
	if not ranges:
		finding(file, line, col, "error", "%s loses notifications: it sets no range callback "
			"(invalidate_range_start, invalidate_range or invalidate_range_end), and from "
			"4.13 on every invalidation comes through those only" % name, "verdict")
	else:
		covered = set(("call", r) for r in ranges) | set(("call", r) for r in roles.values())
		for r in ranges:
			at = locate(file, r)
			covered |= reach(at, r) if at else set()
		page_at = locate(file, page)
		lost = sorted((reach(page_at, page) if page_at else set()) - covered)
		if (file, page) in unseen:
			finding(file, line, col, "warning", "%s: review: %s() sits in a preprocessor branch "
				"spatch does not parse, so kseries cannot tell what it does" % (name, page),
				"verdict")
		elif page_at and lost:
			finding(file, line, col, "warning", "%s: review: its invalidate_page callback "
				"%s() reaches %s, which neither %s reaches: on 4.13+ that work is lost"
				% (name, page, ", ".join(say(t) for t in lost),
				   " nor ".join("%s()" % r for r in ranges)), "verdict")
		elif page_at:
			finding(file, line, col, "note", "%s: safe-to-remove on 4.13+: the range "
				"callbacks reach everything %s() does" % (name, page), "verdict")
		else:
			finding(file, line, col, "warning", "%s: review: %s() is not defined in this "
				"module, so kseries cannot tell what it does" % (name, page), "verdict")
	if "invalidate_range_start" in roles and "invalidate_range_end" not in roles:
		finding(file, line, col, "note", "%s sets invalidate_range_start without "
			"invalidate_range_end: nothing stops the driver from undoing the invalidation "
			"before the page table is updated" % name, "start-without-end")

for file, fn in sorted(page_fns):
	if (file, fn) in defined:
		line, col = defined[(file, fn)]
		judge_guard(file, line, col, "callback %s()" % fn, "callback")
for fn, file, line, col in protos:
	if (file, fn) in page_fns:
		judge_guard(file, line, col, "prototype of callback %s()" % fn, "callback")
for file, line, col, where in old_calls:
	judge_guard(file, line, col, "call of mmu_notifier_invalidate_page() in %s()" % where,
		    "call")

for f in sorted(set(findings)):
	print(f)
