#!/usr/bin/env python3
"""Per-rule cases: each rule file alone, on the case inputs it acts on.

The whole-pipeline cases (run_cases.py) run every rule; when one fails,
these say which rule changed. For each rule file of each series, and each
case input it changes or reports on when run alone (with the defines kseries
would give), tests/cocci/per-rule/SERIES/RULE/INPUT.patch holds the input
after the rule in patch mode, INPUT.report its report lines. One "ok"/"FAIL"
line per rule and input. UPDATE=1 finds the inputs again and rewrites them."""
import os, shutil, sys
from mutate_rules import HERE, TOP, run, rule_files, series_inputs

SERIES = {"cocci": os.path.join(TOP, "cocci"),
          "series2": os.path.join(TOP, "tests", "series2", "series")}
OUT = os.path.join(HERE, "per-rule")
UPDATE = os.environ.get("UPDATE") == "1"
# a rule with no patch mode (a check) has no patched text to compare
NO_PATCH = "(spatch has no patch mode for this rule)\n"


def key(rule):
    return rule.replace("/", "__").replace(".cocci", "")


def update():
    shutil.rmtree(OUT, ignore_errors=True)
    for name, sdir in SERIES.items():
        inputs = list(series_inputs(sdir))
        for rule in rule_files(sdir):
            text = open(os.path.join(sdir, rule)).read()
            for path, defines in inputs:
                got = {m: run(text, sdir, m, path, defines) for m in ("patch", "report")}
                acts = got["patch"] and got["patch"][0] != open(path).read()
                reports = got["report"] and got["report"][1]
                if not (acts or reports):
                    continue
                d = os.path.join(OUT, name, key(rule))
                os.makedirs(d, exist_ok=True)
                base = os.path.relpath(path, os.path.dirname(sdir)).replace("/", "__")
                open(os.path.join(d, base + ".input"), "w").write(path and
                                                                 os.path.relpath(path, TOP) + "\n")
                open(os.path.join(d, base + ".patch"), "w").write(
                    got["patch"][0] if got["patch"] else NO_PATCH)
                open(os.path.join(d, base + ".report"), "w").write(
                    "".join(l + "\n" for l in got["report"][1]) if got["report"] else "")


def check():
    failed = 0
    for name, sdir in SERIES.items():
        defines = dict((os.path.realpath(p), d) for p, d in series_inputs(sdir))
        for rule in rule_files(sdir):
            d = os.path.join(OUT, name, key(rule))
            if not os.path.isdir(d):
                print("FAIL per-rule %s: no case acts on it" % rule)
                failed += 1
                continue
            text = open(os.path.join(sdir, rule)).read()
            for f in sorted(os.listdir(d)):
                if not f.endswith(".input"):
                    continue
                base = f[:-len(".input")]
                path = os.path.join(TOP, open(os.path.join(d, f)).read().strip())
                for mode in ("patch", "report"):
                    got = run(text, sdir, mode, path, defines.get(os.path.realpath(path), ()))
                    want = open(os.path.join(d, base + "." + mode)).read()
                    if mode == "patch":
                        have = got[0] if got else NO_PATCH
                    else:	# a rule without report rules has nothing to say
                        have = "".join(l + "\n" for l in got[1]) if got else ""
                    ok = have == want
                    print("%s per-rule %s on %s (%s)" % ("ok" if ok else "FAIL", rule,
                                                          os.path.basename(path), mode))
                    failed += not ok
    return failed


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    if UPDATE:
        update()
    sys.exit(1 if check() else 0)
