#!/usr/bin/env python3
"""Run the semantic-patch cases of tests/cocci/ through `kseries rewrite`.

Coccinelle's layout: NAME.c (or NAME.h) is the input, NAME.res the expected
whole output (not a diff), NAME.stdout the expected `rewrite --report` output.
NAME.opts, if present, holds extra `rewrite` options (one line); NAME.exit the
expected exit status (default 0) and NAME.err lines that stderr must contain.
checks/NAME.c with checks/NAME.stdout: the series' check rules run by spatch
on a hand-made file; the findings must match, and the "seen" inventory the
lines of checks/NAME.seen.
Each case runs in a scratch folder of its own. One "ok"/"FAIL" line per check;
a mismatch shows `diff -u`. Not spatch --test: in 1.1.1 it exits 0 on failure."""
import difflib, glob, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
KSERIES = os.path.join(TOP, "driver", "kseries")


def inputs():
    for path in sorted(glob.glob(os.path.join(HERE, "*.[ch]"))):
        name = os.path.basename(path)[:-2]
        if os.path.exists(os.path.join(HERE, name + ".res")) or \
           os.path.exists(os.path.join(HERE, name + ".stdout")):
            yield name, path


def run(args, cwd):
    return subprocess.run([KSERIES, *args], cwd=cwd, capture_output=True, text=True)


def show_diff(want, got, label):
    diff = difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                "expected/" + label, "got/" + label)
    sys.stdout.write("".join("  " + l if l.endswith("\n") else "  " + l + "\n" for l in diff))


def check(name, ok, want=None, got=None, label=None, proc=None):
    print(("ok " if ok else "FAIL ") + name)
    if not ok and want is not None:
        show_diff(want, got, label)
    if not ok and proc is not None and proc.stderr:
        sys.stdout.write("".join("  | " + l + "\n" for l in proc.stderr.splitlines()[-10:]))
    return ok


def expected_exit(name):
    path = os.path.join(HERE, name + ".exit")
    return int(open(path).read()) if os.path.exists(path) else 0


def expected_err(name):
    path = os.path.join(HERE, name + ".err")
    return open(path).read().splitlines() if os.path.exists(path) else []


def check_cases():
    """The check rules alone, on hand-made files: each must fire where it should."""
    failed = 0
    rule = os.path.join(TOP, "cocci", "checks", "range_balance.cocci")
    for path in sorted(glob.glob(os.path.join(HERE, "checks", "*.c"))):
        name = os.path.basename(path)[:-2]
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(path, tmp)
            proc = subprocess.run(["spatch", "--sp-file", rule, "-D", "report", "--very-quiet",
                                   "--no-includes", name + ".c"], cwd=tmp,
                                  capture_output=True, text=True)
        got = "".join(sorted(l + "\n" for l in proc.stdout.splitlines()
                             if not l.endswith(": seen")))
        want = open(os.path.join(HERE, "checks", name + ".stdout")).read()
        failed += not check("check %s" % name, proc.returncode == 0 and got == want,
                            want, got, name + ".stdout", proc)
        # the inventory of range calls spatch parsed: what "unchecked" is judged by
        seen = os.path.join(HERE, "checks", name + ".seen")
        if os.path.exists(seen):
            got = "".join(sorted(l + "\n" for l in proc.stdout.splitlines() if l.endswith(": seen")))
            want = open(seen).read()
            failed += not check("check %s: seen" % name, got == want, want, got, name + ".seen")
    return failed


def main():
    failed = check_cases()
    for name, path in inputs():
        base = os.path.basename(path)
        opts_file = os.path.join(HERE, name + ".opts")
        opts = open(opts_file).read().split() if os.path.exists(opts_file) else []
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(path, os.path.join(tmp, base))
            res = os.path.join(HERE, name + ".res")
            if os.path.exists(res):
                proc = run(["rewrite", "--quiet", *opts, "."], tmp)
                got = open(os.path.join(tmp, base)).read()
                want = open(res).read()
                failed += not check("cocci %s: rewrite" % name,
                                    proc.returncode == expected_exit(name) and got == want,
                                    want, got, base, proc)
                for line in expected_err(name):
                    failed += not check("cocci %s: stderr says '%s'" % (name, line),
                                        line in proc.stderr, proc=proc)
            out = os.path.join(HERE, name + ".stdout")
            if os.path.exists(out):
                shutil.copy(path, os.path.join(tmp, base))
                proc = run(["rewrite", "--report", "--quiet", "."], tmp)
                want = open(out).read()
                failed += not check("cocci %s: report" % name,
                                    proc.returncode in (0, 1) and proc.stdout == want,
                                    want, proc.stdout, name + ".stdout", proc)
                failed += not check("cocci %s: report leaves the file alone" % name,
                                    open(os.path.join(tmp, base)).read() == open(path).read())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
