#!/usr/bin/env python3
"""The audit's fixes, run by `kseries audit --fix MODE` on a copy of the files.

    fix.py MODE DIR FINDINGS.json

MODE is guard (the 4.13 version guard around each unguarded or wrongly
guarded initialiser, callback and prototype, and <linux/version.h>), probe
(the same under a feature macro, with a compile probe in the Kbuild file next
to the code), or delete (for modules that only target 4.13+: initialiser,
callback, prototype and the static helpers only they used). Files are edited
in DIR, where each finding's path is; kseries diffs the result. What a mode
cannot fix is said on stderr and left as it was."""
import json, os, re, sys

# the constant on the right, as checkpatch.pl asks (it still notes LINUX_VERSION_CODE)
VERSION_GUARD = "#if KERNEL_VERSION(4, 13, 0) > LINUX_VERSION_CODE"
PROBE_MACRO = "HAVE_MMU_NOTIFIER_INVALIDATE_PAGE"
PROBE_GUARD = "#ifdef " + PROBE_MACRO
KBUILD_PROBE = """
# kseries audit --fix probe: does struct mmu_notifier_ops have invalidate_page
# (kernels before 4.13, unless the 4.13 series was backported)? Compiled, so a
# backport answers too.
kseries_mn_probe := $(shell echo 'int kseries_probe(void) { return sizeof(((struct mmu_notifier_ops *)0)->invalidate_page); }' | \\
	$(CC) $(LINUXINCLUDE) $(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) -include linux/mmu_notifier.h \\
	-Werror -x c -fsyntax-only - >/dev/null 2>&1 && echo y)
ifeq ($(kseries_mn_probe),y)
ccflags-y += -D%s
endif
""" % PROBE_MACRO

FIXED_IDS = ("kseries-initialiser", "kseries-callback")


def say(msg):
    sys.stderr.write("kseries: audit fix: %s\n" % msg)


def decl_start(lines, i):
    """First line of the declaration whose name is on line i (0-based)."""
    while i > 0:
        prev = lines[i - 1].rstrip()
        if (not prev or prev.endswith((";", "}", "{", "*/")) or prev.lstrip().startswith("#")
                or prev.lstrip().startswith("//")):
            break
        i -= 1
    return i


def block_end(lines, i):
    """Last line of the braced body that starts at or after line i, or of a ';' declaration."""
    depth, opened = 0, False
    for j in range(i, len(lines)):
        text = re.sub(r'"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'|/\*.*?\*/|//.*', "", lines[j])
        if not opened and ";" in text and "{" not in text:
            return j
        for ch in text:
            if ch == "{":
                depth += 1
                opened = True
            elif ch == "}":
                depth -= 1
        if opened and depth <= 0:
            return j
    return len(lines) - 1


def comment_above(lines, i):
    """The first line of a comment block right above line i, else i."""
    if i > 0 and lines[i - 1].rstrip().endswith("*/"):
        j = i - 1
        while j > 0 and "/*" not in lines[j]:
            j -= 1
        return j
    return i


def region(lines, f):
    """(first, last) 0-based lines of what a finding names, or None."""
    i = f["line"] - 1
    if i >= len(lines):
        return None
    if f["id"] == "kseries-initialiser":
        text = lines[i]
        if not re.search(r"\binvalidate_page\b", text):
            say("%s:%d: a positional initialiser: guard or drop it by hand (its neighbours "
                "move on 4.13)" % (f["file"], f["line"]))
            return None
        return (i, i)
    if f["id"] == "kseries-callback":
        # the comment that says what the callback is goes with it
        start = comment_above(lines, decl_start(lines, i))
        return (start, block_end(lines, i))
    return None


def with_own_guard(lines, a, b):
    """(a, b) widened over #if/#endif lines that hold nothing else, and the comment above."""
    while a > 0 and b + 1 < len(lines) and re.match(r"\s*#\s*if", lines[a - 1]) and \
            re.match(r"\s*#\s*endif", lines[b + 1]):
        a, b = a - 1, b + 1
    return comment_above(lines, a), b


def merge(regions):
    out = []
    for a, b in sorted(regions):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def enclosing_if(lines, i):
    """Line of the #if that encloses line i, or None."""
    depth = 0
    for j in range(i - 1, -1, -1):
        t = lines[j].lstrip()
        if re.match(r"#\s*endif\b", t):
            depth += 1
        elif re.match(r"#\s*if", t):
            if depth == 0:
                return j
            depth -= 1
    return None


def fix_boundary(lines, f):
    """A version guard at the wrong boundary: put 4.13 in its #if."""
    j = enclosing_if(lines, f["line"] - 1)
    if j is None:
        return False
    m = re.search(r"LINUX_VERSION_CODE\s*(<=|>=|<|>)\s*KERNEL_VERSION\s*\([^)]*\)", lines[j])
    if not m:
        return False
    op = {"<=": "<", "<": "<", ">=": ">=", ">": ">="}[m.group(1)]
    lines[j] = lines[j][:m.start()] + "LINUX_VERSION_CODE %s KERNEL_VERSION(4, 13, 0)" % op + \
        lines[j][m.end():]
    return True


def add_include(lines):
    if any(re.match(r"\s*#\s*include\s*<linux/version\.h>", l) for l in lines):
        return
    last = max((i for i, l in enumerate(lines) if re.match(r"\s*#\s*include\b", l)), default=-1)
    lines.insert(last + 1, "#include <linux/version.h>\n")


def wrap(lines, regions, open_line):
    for a, b in reversed(merge(regions)):
        indent = ""
        lines.insert(b + 1, "#endif\n")
        lines.insert(a, indent + open_line + "\n")


def static_helpers_unused(lines, removed_text):
    """Static functions the removed code called and nothing else uses now."""
    text = "".join(lines)
    out = []
    for m in re.finditer(r"^static\s[^;{]*?\b(\w+)\s*\([^;]*?\)\s*\{", text, re.M):
        name = m.group(1)
        if re.search(r"\b%s\s*\(" % name, removed_text) and \
                len(re.findall(r"\b%s\b" % name, text)) == 1:
            out.append(name)
    return out


def cut(lines, a, b):
    """Remove lines a..b, and the blank line the removal leaves doubled; their text."""
    removed = "".join(lines[a:b + 1])
    del lines[a:b + 1]
    if 0 < a < len(lines) and not lines[a].strip() and not lines[a - 1].strip():
        del lines[a]
    return removed


def delete(lines, regions, file):
    removed = ""
    for a, b in reversed(merge([with_own_guard(lines, a, b) for a, b in regions])):
        removed += cut(lines, a, b)
    # the helpers only the removed code used, until none is left
    while True:
        names = static_helpers_unused(lines, removed)
        if not names:
            break
        for name in names:
            for i, l in enumerate(lines):
                if re.match(r"^static\s.*\b%s\s*\(" % name, l) or \
                        (re.match(r"^%s\s*\(" % name, l) and i and lines[i - 1].startswith("static")):
                    removed += cut(lines, comment_above(lines, decl_start(lines, i)), block_end(lines, i))
                    say("%s: removed %s(), which only the removed callback used" % (file, name))
                    break
    tidy_empty_ifs(lines)


def tidy_empty_ifs(lines):
    """#if/#endif pairs with only blank lines left between them go, and a doubled blank line."""
    i = 0
    while i < len(lines):
        if re.match(r"\s*#\s*if", lines[i]):
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and re.match(r"\s*#\s*endif", lines[j]):
                del lines[i:j + 1]
                if 0 < i < len(lines) and not lines[i].strip() and not lines[i - 1].strip():
                    del lines[i]
                i = max(i - 1, 0)
                continue
        i += 1


def add_kbuild_probe(dirpath):
    for name in ("Kbuild", "Makefile"):
        path = os.path.join(dirpath, name)
        if os.path.exists(path):
            text = open(path).read()
            if PROBE_MACRO not in text:
                open(path, "a").write(KBUILD_PROBE)
            return True
    say("%s: no Kbuild or Makefile next to the code: add the compile probe for %s by hand"
        % (dirpath or ".", PROBE_MACRO))
    return False


def as_use(f):
    """A guard's finding as the use it guards: a callback (or its prototype), else an
    initialiser."""
    if not f["id"].startswith("kseries-guard"):
        return f
    g = dict(f)
    g["id"] = "kseries-callback" if re.search(r"\bcallback \w+\(\)", f["message"]) \
        else "kseries-initialiser"
    return g


def main():
    mode, top, findings = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
    by_file = {}
    for f in findings:
        by_file.setdefault(f["file"], []).append(f)
    probe_dirs = set()
    for file, fs in sorted(by_file.items()):
        path = os.path.join(top, file)
        if not os.path.exists(path):
            continue
        lines = open(path).read().splitlines(True)
        for f in fs:
            if f["id"] == "kseries-call":
                say("%s:%d: a call of mmu_notifier_invalidate_page(): convert it to a "
                    "range_start/range/range_end bracket (--fix convert, or by hand)"
                    % (file, f["line"]))
        regions, changed = [], False
        for f in fs:
            if mode == "delete":
                if f["id"] in FIXED_IDS or f["id"].startswith("kseries-guard"):
                    # a guarded use says what it guards: a callback (or its
                    # prototype), or else an initialiser
                    r = region(lines, as_use(f))
                    if r:
                        regions.append(r)
            elif f["id"] == "kseries-guard-boundary":
                changed |= fix_boundary(lines, f)
            elif (f["id"] in FIXED_IDS or f["id"] == "kseries-guard-probe") and \
                    f["severity"] in ("error", "warning"):
                # a probe that does not follow the API: a guard that does, inside it
                r = region(lines, as_use(f))
                if r:
                    regions.append(r)
        if mode == "delete" and regions:
            delete(lines, regions, file)
            changed = True
        elif regions:
            wrap(lines, regions, VERSION_GUARD if mode == "guard" else PROBE_GUARD)
            changed = True
            if mode == "guard":
                add_include(lines)
            else:
                probe_dirs.add(os.path.dirname(path))
        if changed:
            open(path, "w").write("".join(lines))
    for d in sorted(probe_dirs):
        add_kbuild_probe(d)
    return 0


if __name__ == "__main__":
    sys.exit(main())
