#!/usr/bin/env python3
"""Every rule of every semantic patch must matter to some case.

For each rule file of each series (the shipped cocci/ and tests/series2), and
each rule in it (an @...@ block, script rules too), the rule is removed and
the file run alone, with spatch, on the case inputs it acts on (tests/cocci
cases, the check cases, the second series' tree): patch mode and report mode,
with the defines each input gets in kseries (the series' probes, the case's
.opts). If no output changes, no case can notice the rule: "FAIL". A removal
that breaks the semantic patch (a rule others inherit from) is noticed too.
One "ok"/"FAIL" line per rule file."""
import concurrent.futures, functools, glob, json, os, re, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
HEADER = re.compile(r"^@(?!@).*@\s*$")
# A rule no input can reach on purpose (a safety net) says so on the line
# above its header; it is listed as waived, never passed in silence.
WAIVER = re.compile(r"^//\s*kseries-mutation:\s*(.*)$")


@functools.lru_cache(maxsize=None)
def manifest(series_dir):
    return json.load(open(os.path.join(series_dir, "series.json")))


def series_inputs(series_dir):
    """(path, defines) of the inputs a series' rules are run on."""
    m = manifest(series_dir)
    options = {"--" + o["name"]: o["define"] for o in m.get("options", [])}
    if os.path.samefile(series_dir, os.path.join(TOP, "cocci")):
        paths = sorted(glob.glob(os.path.join(HERE, "*.[ch]")) +
                       glob.glob(os.path.join(HERE, "checks", "*.c")))
    else:
        paths = sorted(glob.glob(os.path.join(series_dir, "..", "tree", "**", "*.[ch]"),
                                 recursive=True) +
                       glob.glob(os.path.join(series_dir, "..", "cases", "*.[ch]")))
    for path in paths:
        text = open(path).read()
        defines = [p["define"] for p in m.get("probes", []) if p["when_a_file_contains"] in text]
        opts = os.path.splitext(path)[0] + ".opts"
        if os.path.exists(opts):
            defines += [options[o] for o in open(opts).read().split() if o in options]
        yield path, tuple(defines)


def rule_files(series_dir):
    m = manifest(series_dir)
    rules = list(m.get("order", []))
    for p in m["patches"]:
        rules += [r for r in p["rules"] if r not in rules]
    return rules + m.get("checks", {}).get("rules", [])


def run(sp_text, series_dir, mode, path, defines):
    """The rule text alone on one input: (new text, report lines) or None on error."""
    m = manifest(series_dir)
    with tempfile.TemporaryDirectory() as tmp:
        sp = os.path.join(tmp, "rule.cocci")
        open(sp, "w").write(sp_text)
        target = os.path.join(tmp, os.path.basename(path))
        shutil.copy(path, target)
        args = ["spatch", "--sp-file", sp, "-D", mode, "--very-quiet", "--no-includes",
                "--include-headers", "--macro-file=" + os.path.join(series_dir, m["macro_file"])]
        # as kseries does: only the virtuals the rule declares
        for d in defines:
            if re.search(r"^virtual\s+%s\b" % re.escape(d), sp_text, re.M):
                args += ["-D", d]
        if mode == "patch":
            args += ["--in-place", "--no-show-diff"]
        proc = subprocess.run(args + [os.path.basename(target)], cwd=tmp, capture_output=True,
                              text=True)
        if proc.returncode != 0:
            return None
        lines = sorted(proc.stdout.splitlines())
        return open(target).read(), lines


def blocks(text):
    """[(name, start, end)] of each rule block: its header line to the next header."""
    lines = text.splitlines(True)
    starts = [i for i, l in enumerate(lines) if HEADER.match(l)]
    out = []
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else len(lines)
        out.append((lines[s].strip(), s, e))
    return lines, out


def check_rule_file(series_dir, rule):
    path = os.path.join(series_dir, rule)
    text = open(path).read()
    inputs = list(series_inputs(series_dir))
    base, quiet = {}, {}
    for mode in ("patch", "report"):
        for p, d in inputs:
            r = run(text, series_dir, mode, p, d)
            # inputs the rule acts on first; the others only for a rule they alone can notice
            acts = r and ((mode == "patch" and r[0] != open(p).read()) or
                          (mode == "report" and r[1]))
            (base if acts else quiet)[(mode, p, d)] = r
    lines, bl = blocks(text)
    silent, waived = [], []
    for name, s, e in bl:
        why = WAIVER.match(lines[s - 1]) if s else None
        if why:
            waived.append("%s (line %d): %s" % (name, s + 1, why.group(1)))
            continue
        mutated = "".join(lines[:s] + lines[e:])
        noticed = False
        for inputs_set in (base, quiet):
            for (mode, p, d), want in inputs_set.items():
                if run(mutated, series_dir, mode, p, d) != want:
                    noticed = True
                    break
            if noticed:
                break
        if not noticed:
            silent.append("%s (line %d)" % (name, s + 1))
    return rule, len(bl), len(base), silent, waived


def main():
    failed = 0
    jobs = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for series_dir in (os.path.join(TOP, "cocci"), os.path.join(TOP, "tests", "series2", "series")):
            for rule in rule_files(series_dir):
                jobs.append(pool.submit(check_rule_file, series_dir, rule))
        for job in jobs:
            rule, nblocks, ninputs, silent, waived = job.result()
            ok = not silent and ninputs > 0
            print("%s mutation %s: each of its %d rules changes the output on some of %d inputs%s"
                  % ("ok" if ok else "FAIL", rule, nblocks, ninputs,
                     " (%d waived)" % len(waived) if waived else ""))
            for s in silent:
                print("  no case notices the removal of %s" % s)
            for w in waived:
                print("  waived: %s" % w)
            failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
