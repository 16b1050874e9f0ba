/// Check that every mmu_notifier_invalidate_range_start() is matched by
/// exactly one mmu_notifier_invalidate_range_end() for the same range on every
/// control-flow path before the function returns: gotos, labels placed after
/// the final return, early returns, loops with break/continue, falling off the
/// end. Independent of the rules that wrote the brackets.
//
// Confidence: High on the paths spatch sees; a function spatch cannot parse is
//  not seen at all, and the "seen" inventory lets the driver count it as
//  unchecked.
// Comments: report mode only. Each finding ends with the lines of the range
//  calls involved, "[start,end,...]": the driver keeps only findings on
//  brackets it wrote, since upstream code has correct brackets whose balance
//  rests on correlated conditions (copy_page_range()) that no path check sees.
//  The range is compared by its start and end; the mm by meaning: the same
//  spelling, or one assigned from the other in the function (mm and
//  vma->vm_mm).
// Keywords: mmu_notifier, invalidate_range_start, invalidate_range_end

virtual report

@initialize:python@
@@
import re
aliases = {}	# function -> set of frozenset({a, b}) assigned from each other
values = {}	# function -> {variable: the expression last assigned to it}
closed = set()	# (file, function, start line) found with an exit

def norm(e):
	return "".join(e.split())

def same_mm(fn, a, b):
	a, b = norm(a), norm(b)
	return a == b or frozenset((a, b)) in aliases.get(fn, set())

def assigned(fn, v, e):
	aliases.setdefault(fn, set()).add(frozenset((norm(v), norm(e))))
	values.setdefault(fn, {})[v] = e

def pretty(e):
	# expressions come token by token: "min ( a -> b , c )"
	e = " ".join(e.split())
	for a, b in (("( ", "("), (" )", ")"), (" ,", ","), (" -> ", "->"), (" . ", ".")):
		e = e.replace(a, b)
	return re.sub(r"(\w) \(", r"\1(", e)

def finding(p, fn, msg, lines):
	print("%s:%s:%s: unbalanced: %s(): %s [%s]" % (p.file, p.line, p.column, fn, msg,
	      ",".join(str(l) for l in lines)))

// Every range call spatch parsed: the driver matches these against the calls
// it wrote; one it did not see is unchecked, never passed.
@fns depends on report@
identifier fn;
@@
fn(...) {
<+...
(
mmu_notifier_invalidate_range_start(...)
|
mmu_notifier_invalidate_range_end(...)
)
...+>
}

@seen depends on report@
expression list es;
position p;
@@
(
mmu_notifier_invalidate_range_start@p(es)
|
mmu_notifier_invalidate_range_end@p(es)
)

@script:python depends on report@
p << seen.p;
@@
print("%s:%s:%s: seen" % (p[0].file, p[0].line, p[0].column))

// Every value a function gives a variable, in declarations and
// assignments (spatch matches an initialised declaration as an assignment): it tells one mm from another by meaning (mm and vma->vm_mm
// when one is assigned from the other), and start and end by value in the
// notes.
@assigned_expr depends on report@
expression v, E;
position p;
@@
v@p = E

@script:python depends on report@
v << assigned_expr.v; E << assigned_expr.E; p << assigned_expr.p;
@@
assigned(p[0].current_element, v, E)

// What each bracket covers, for the report ("note" lines; the driver keeps
// those on lines it wrote).
@ranges depends on report@
expression mm, s, e;
position p;
@@
mmu_notifier_invalidate_range_start@p(mm, s, e)

@script:python depends on report@
mm << ranges.mm; s << ranges.s; e << ranges.e; p << ranges.p;
@@
fn = p[0].current_element
vals = values.get(fn, {})
print("%s:%s:%s: note: %s() brackets %s over [%s, %s)" % (p[0].file, p[0].line, p[0].column,
      fn, pretty(mm), pretty(vals.get(s, s)), pretty(vals.get(e, e))))

// A path from range_start to the function's exit without range_end.
@open depends on report exists@
identifier fns.fn;
expression mm, s, e;
position ps;
@@
fn(...) {
... when any
mmu_notifier_invalidate_range_start@ps(mm, s, e);
... when != mmu_notifier_invalidate_range_end(..., s, e)
}

// The return that path leaves by (spatch models falling off the end of a
// void function as a return at its closing brace).
@open_exit depends on report exists@
identifier fns.fn;
expression open.mm, open.s, open.e;
position open.ps, px;
@@
fn(...) {
... when any
mmu_notifier_invalidate_range_start@ps(mm, s, e);
... when != mmu_notifier_invalidate_range_end(..., s, e)
return@px ...;
}

@script:python depends on report@
fn << fns.fn; ps << open.ps; px << open_exit.px;
@@
closed.add((ps[0].file, fn, ps[0].line))
finding(px[0], fn, "the range opened at line %s leaves the function at line %s "
	"without mmu_notifier_invalidate_range_end()" % (ps[0].line, px[0].line),
	[ps[0].line, px[0].line])

// kseries-mutation: safety net: open_exit has named the exit of every open path seen so far
@script:python depends on report@
fn << fns.fn; ps << open.ps;
@@
if (ps[0].file, fn, ps[0].line) not in closed:
	finding(ps[0], fn, "the range opened at line %s reaches the end of the function "
		"without mmu_notifier_invalidate_range_end()" % ps[0].line, [ps[0].line])

// Two ends on one path after one start.
@twice depends on report exists@
identifier fns.fn;
expression mm, s, e;
position ps, p1, p2;
@@
fn(...) {
... when any
mmu_notifier_invalidate_range_start@ps(mm, s, e);
... when != mmu_notifier_invalidate_range_start(..., s, e)
mmu_notifier_invalidate_range_end@p1(..., s, e);
... when != mmu_notifier_invalidate_range_start(..., s, e)
mmu_notifier_invalidate_range_end@p2(..., s, e);
... when any
}

@script:python depends on report@
fn << fns.fn; ps << twice.ps; p1 << twice.p1; p2 << twice.p2;
@@
finding(p2[0], fn, "the range opened at line %s is closed twice on one path, at lines "
	"%s and %s" % (ps[0].line, p1[0].line, p2[0].line),
	[ps[0].line, p1[0].line, p2[0].line])

// An end on a path from the function's entry that opened nothing.
@orphan depends on report exists@
identifier fns.fn;
expression s, e;
position p1;
@@
fn(...) {
... when != mmu_notifier_invalidate_range_start(..., s, e)
mmu_notifier_invalidate_range_end@p1(..., s, e);
... when any
}

@script:python depends on report@
fn << fns.fn; p1 << orphan.p1;
@@
finding(p1[0], fn, "mmu_notifier_invalidate_range_end() at line %s is reached on a path "
	"that opened no range" % p1[0].line, [p1[0].line])

// The end that closes a start must be for the same mm, by meaning.
@pair depends on report exists@
identifier fns.fn;
expression mm, m2, s, e;
position ps, pe;
@@
fn(...) {
... when any
mmu_notifier_invalidate_range_start@ps(mm, s, e);
... when != mmu_notifier_invalidate_range_start(..., s, e)
    when != mmu_notifier_invalidate_range_end(..., s, e)
mmu_notifier_invalidate_range_end@pe(m2, s, e);
... when any
}

@script:python depends on report@
fn << fns.fn; mm << pair.mm; m2 << pair.m2; ps << pair.ps; pe << pair.pe;
@@
if not same_mm(fn, mm, m2):
	finding(pe[0], fn, "the range opened at line %s for %s is closed at line %s for %s, "
		"another mm" % (ps[0].line, norm(mm), pe[0].line, norm(m2)),
		[ps[0].line, pe[0].line])
