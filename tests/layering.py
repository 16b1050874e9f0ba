#!/usr/bin/env python3
"""The driver's layering, checked (docs/design.md, "Layers").

The layers are read from the ```layers block of docs/design.md: one line
per floor, top first, its folders then what they own. A folder includes
only from its own folder or a folder on a lower floor; folders on one floor
are peers and include nothing of each other. Only main.c and commands.h
(the command table, which cmd/ implements) sit at driver/'s top. Includes
name their folder ("lib/strvec.h"). Inside a folder, and across folders,
no module (a .c and its .h) reaches back to itself. No .c over 700 lines,
no function over 80.

usage: layering.py [--driver DIR] [--design FILE]
Prints "ok ..." or "FAIL ..." lines; exit 1 on any FAIL.
"""
import os
import re
import sys

MAX_FILE_LINES = 700
# Folders whose every module has a unit test (tests/driver/FOLDER/test_*.c
# whose first comment names driver/FOLDER/MODULE.c).
TESTED_FOLDERS = ("lib", "core")
MAX_FUNCTION_LINES = 80
TOP_FILES = {"main.c", "commands.h"}


def floors_of(design):
    """{folder: floor number} from the ```layers block (0 is the top)."""
    text = open(design, encoding="utf-8").read()
    m = re.search(r"^```layers\n(.*?)^```", text, re.S | re.M)
    if not m:
        sys.exit("FAIL layering: %s has no ```layers block" % design)
    floors = {}
    for n, line in enumerate(l for l in m.group(1).splitlines() if l.strip()):
        for word in line.split():
            if not word.endswith("/"):
                break
            floors[word.rstrip("/")] = n
    return floors


def includes(path):
    """The quoted includes of path, with their line numbers."""
    out = []
    with open(path, encoding="utf-8") as f:
        for nr, line in enumerate(f, 1):
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if m:
                out.append((nr, m.group(1)))
    return out


def long_functions(path):
    """(name, lines) of each function whose body runs over the limit."""
    lines = open(path, encoding="utf-8").read().split("\n")
    found, start, name = [], None, None
    for i, line in enumerate(lines):
        if line == "{" and i > 0:
            start = i
            # the name: the last identifier before "(" on the lines above
            head = " ".join(lines[max(0, i - 4):i])
            names = re.findall(r"(\w+)\s*\(", head)
            name = names[0] if names else "?"
        elif line.startswith("}") and start is not None:
            if i - start - 1 > MAX_FUNCTION_LINES:
                found.append((name, i - start - 1))
            start = None
    return found


def untested(driver, files):
    """What breaks tests/driver's mirror of driver/, and the untested lib/ and core/ modules."""
    tests = os.path.join(os.path.dirname(os.path.abspath(driver)), "tests", "driver")
    if not os.path.isdir(tests):
        return []	# a copy of driver/ alone (the checker's own test)
    out, named = [], set()
    for entry in sorted(os.listdir(tests)):
        path = os.path.join(tests, entry)
        if entry.startswith("test_") and entry.endswith(".c"):
            out.append("tests/driver/%s: a unit test belongs in its module's folder" % entry)
        if not os.path.isdir(path):
            continue
        if not os.path.isdir(os.path.join(driver, entry)):
            out.append("tests/driver/%s/ mirrors no folder of driver/" % entry)
        for f in os.listdir(path):
            if f.startswith("test_") and f.endswith(".c"):
                with open(os.path.join(path, f), encoding="utf-8") as t:
                    head = t.read().split("*/", 1)[0]	# its first comment
                named.update(re.findall(r"driver/(\w+/\w+)\.c", head))
    for rel in files:
        mod = module_of(rel)
        if rel.endswith(".c") and mod.split("/")[0] in TESTED_FOLDERS and mod not in named:
            out.append("driver/%s has no unit test: tests/driver/%s/test_%s.c, its first line "
                       "naming driver/%s" % (rel, mod.split("/")[0], mod.split("/")[1], rel))
    return out


def module_of(rel):
    return os.path.splitext(rel)[0]


def find_cycle(graph):
    """One cycle of graph ({node: set(nodes)}) as a list, or None."""
    state, stack = {}, []

    def visit(n):
        state[n] = 1
        stack.append(n)
        for m in sorted(graph.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m):] + [m]
            if not state.get(m):
                c = visit(m)
                if c:
                    return c
        stack.pop()
        state[n] = 2
        return None

    for n in sorted(graph):
        if not state.get(n):
            c = visit(n)
            if c:
                return c
    return None


def main():
    args = sys.argv[1:]
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    driver = os.path.join(top, "driver")
    design = os.path.join(top, "docs", "design.md")
    while args:
        opt = args.pop(0)
        if opt == "--driver" and args:
            driver = args.pop(0)
        elif opt == "--design" and args:
            design = args.pop(0)
        else:
            sys.exit("usage: layering.py [--driver DIR] [--design FILE]")
    floors = floors_of(design)
    problems = {"top": [], "folders": [], "includes": [], "cycles": [], "sizes": []}
    files = []
    for entry in sorted(os.listdir(driver)):
        path = os.path.join(driver, entry)
        if os.path.isdir(path):
            sources = [f for f in os.listdir(path) if f.endswith((".c", ".h"))]
            if not sources:
                continue	# build products only (a folder's objects left after a move)
            if entry not in floors:
                problems["folders"].append("driver/%s/ is in no floor of the layers" % entry)
            for f in sorted(os.listdir(path)):
                if f.endswith((".c", ".h")):
                    files.append(entry + "/" + f)
        elif entry.endswith((".c", ".h")) and entry not in TOP_FILES:
            problems["top"].append("driver/%s: only main.c and commands.h sit at the top" % entry)
    for folder in floors:
        if not os.path.isdir(os.path.join(driver, folder)):
            problems["folders"].append("the layers name %s/, which driver/ does not have" % folder)
    graph = {}
    for rel in files + [f for f in TOP_FILES if os.path.exists(os.path.join(driver, f))]:
        folder = rel.split("/")[0] if "/" in rel else None
        mod = module_of(rel)
        graph.setdefault(mod, set())
        for nr, inc in includes(os.path.join(driver, rel)):
            where = "driver/%s:%d: #include \"%s\"" % (rel, nr, inc)
            if inc == "commands.h":
                if folder not in (None, "cmd"):
                    problems["includes"].append(where + ": the command table is cmd/'s alone")
                continue
            if folder is None:
                graph[mod].add(module_of(inc))
                continue
            if "/" not in inc:
                problems["includes"].append(where + ": name its folder (\"lib/strvec.h\")")
                continue
            target = inc.split("/")[0]
            if not os.path.exists(os.path.join(driver, inc)):
                problems["includes"].append(where + ": no such header")
            elif target not in floors or folder not in floors:
                problems["includes"].append(where + ": a folder the layers do not name")
            elif target != folder and floors[target] <= floors[folder]:
                kind = "a peer on its floor" if floors[target] == floors[folder] else "a higher floor"
                problems["includes"].append(
                    where + ": %s/ includes from %s/, %s (docs/design.md, Layers)"
                    % (folder, target, kind))
            if module_of(inc) != mod:
                graph[mod].add(module_of(inc))
        if rel.endswith(".c"):
            n = open(os.path.join(driver, rel), encoding="utf-8").read().count("\n")
            if n > MAX_FILE_LINES:
                problems["sizes"].append("driver/%s: %d lines (at most %d)" % (rel, n, MAX_FILE_LINES))
            for name, length in long_functions(os.path.join(driver, rel)):
                problems["sizes"].append("driver/%s: %s() is %d lines (at most %d)"
                                         % (rel, name, length, MAX_FUNCTION_LINES))
    problems["tests"] = untested(driver, files)
    cycle = find_cycle(graph)
    if cycle:
        problems["cycles"].append("modules include each other in a circle: " + " -> ".join(cycle))
    folder_graph = {}
    for mod, deps in graph.items():
        if "/" in mod:
            for d in deps:
                if "/" in d and d.split("/")[0] != mod.split("/")[0]:
                    folder_graph.setdefault(mod.split("/")[0], set()).add(d.split("/")[0])
    cycle = find_cycle(folder_graph)
    if cycle:
        problems["cycles"].append("folders include each other in a circle: " + " -> ".join(cycle))
    names = {
        "top": "layering: driver/ holds only main.c, commands.h and the folders",
        "folders": "layering: every folder of driver/ is on a floor of docs/design.md",
        "includes": "layering: every include is folder-qualified, from its own folder or below",
        "cycles": "layering: no include circle between modules or folders",
        "tests": "layering: tests/driver mirrors driver/'s folders; every lib/ and core/ module has its unit test",
        "sizes": "layering: no .c over %d lines, no function over %d"
                 % (MAX_FILE_LINES, MAX_FUNCTION_LINES),
    }
    failed = 0
    for key, name in names.items():
        if problems[key]:
            failed += 1
            print("FAIL " + name)
            for p in problems[key]:
                print("  | " + p)
        else:
            print("ok " + name)
    # a checker that found nothing to check proves nothing
    if len(files) < 2 * len(floors):
        print("FAIL layering: only %d files found under %s" % (len(files), driver))
        failed += 1
    else:
        print("ok layering: %d files in %d folders checked" % (len(files), len(floors)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
