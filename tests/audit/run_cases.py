#!/usr/bin/env python3
"""The audit's cases: module-shaped code of our own in tests/audit/cases/.

NAME.c (or a folder NAME/ for a module of several files) is audited from a
scratch copy (`kseries audit -q NAME.c`); its text output must be
NAME.expected, and the exit status 1 exactly when a line is a warning or an
error. NAME.guard, NAME.delete, NAME.probe, NAME.convert: the file after `--fix MODE
--in-place` (for a folder: NAME.MODE/ holds the expected files). Every guard
result is compiled with gcc against the demo kernel's headers before 4.13 and
from 4.13 on: both sides of the guard must build.
One "ok"/"FAIL" line per check. UPDATE=1 rewrites the expected files."""
import difflib, filecmp, os, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))
KSERIES = os.path.join(TOP, "driver", "kseries")
CASES = os.path.join(HERE, "cases")
DEMO = os.path.join(TOP, "tests", "e2e", "demo")
UPDATE = os.environ.get("UPDATE") == "1"
failed = 0


def check(name, ok, detail=""):
    global failed
    print(("ok " if ok else "FAIL ") + name)
    if not ok:
        failed += 1
        if detail:
            sys.stdout.write("".join("  | " + l + "\n" for l in detail.splitlines()[-25:]))


def diff(want, got, label):
    return "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                        "expected/" + label, "got/" + label))


def copy_case(name, tmp):
    src = os.path.join(CASES, name)
    if os.path.isdir(src):
        shutil.copytree(src, os.path.join(tmp, name))
    else:
        shutil.copy(src, tmp)


def audit(args, cwd):
    return subprocess.run([KSERIES, "audit", "-q", *args], cwd=cwd, capture_output=True, text=True)


def compiles(path, old_api):
    """gcc -fsyntax-only of one fixed file against the demo kernel before or after 4.13."""
    with tempfile.TemporaryDirectory() as inc:
        os.makedirs(os.path.join(inc, "linux"))
        code = "KERNEL_VERSION(4, 12, 0)" if old_api else "KERNEL_VERSION(4, 13, 0)"
        open(os.path.join(inc, "linux", "version.h"), "w").write(
            "#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + (c))\n"
            "#define LINUX_VERSION_CODE %s\n" % code)
        layer = "pre413" if old_api else "v4.13"
        proc = subprocess.run(["gcc", "-fsyntax-only", "-Wall", "-Werror=implicit-function-declaration",
                               "-Wno-unused-function", "-Wno-implicit-function-declaration",
                               "-Werror=incompatible-pointer-types", "-I", inc,
                               "-I", os.path.join(DEMO, layer, "include"),
                               "-I", os.path.join(DEMO, "common", "include"), path],
                              capture_output=True, text=True)
        return proc.returncode == 0, proc.stderr


def run_case(name):
    base = name[:-2] if name.endswith(".c") else name
    with tempfile.TemporaryDirectory() as tmp:
        copy_case(name, tmp)
        proc = audit([name], tmp)
        want_file = os.path.join(CASES, base + ".expected")
        if UPDATE:
            open(want_file, "w").write(proc.stdout)
        want = open(want_file).read() if os.path.exists(want_file) else ""
        problems = any(": error: " in l or ": warning: " in l for l in proc.stdout.splitlines())
        check("audit %s: findings" % base, proc.stdout == want,
              diff(want, proc.stdout, base + ".expected") + proc.stderr)
        check("audit %s: exit %d" % (base, 1 if problems else 0),
              proc.returncode == (1 if problems else 0), proc.stderr)
    for mode in ("guard", "probe", "delete", "convert"):
        expected = os.path.join(CASES, base + "." + mode)
        if not os.path.exists(expected):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            copy_case(name, tmp)
            proc = audit(["--fix", mode, "--in-place", name], tmp)
            got = os.path.join(tmp, name)
            if UPDATE:
                if os.path.isdir(got):
                    shutil.rmtree(expected)
                    shutil.copytree(got, expected)
                else:
                    shutil.copy(got, expected)
            if os.path.isdir(got):
                cmp = filecmp.dircmp(expected, got)
                same = not (cmp.diff_files or cmp.left_only or cmp.right_only)
                detail = str(cmp.diff_files + cmp.left_only + cmp.right_only)
            else:
                same = open(got).read() == open(expected).read()
                detail = diff(open(expected).read(), open(got).read(), base + "." + mode)
            check("audit %s: --fix %s" % (base, mode), proc.returncode in (0, 1) and same,
                  detail + proc.stderr)
            if mode == "guard" and not os.path.isdir(got):
                for old_api in (True, False):
                    ok, err = compiles(got, old_api)
                    check("audit %s: the guarded file builds %s 4.13" %
                          (base, "before" if old_api else "from"), ok, err)
            # what the fix is for is gone: nothing left that breaks the 4.13 build
            # (a verdict such as "loses notifications" is the driver's design to change)
            proc = audit([name], tmp)
            left = [l for l in proc.stdout.splitlines()
                    if ": error: " in l and "[kseries-verdict]" not in l]
            check("audit %s: after --fix %s, nothing left that breaks the 4.13 build"
                  % (base, mode), not left, "\n".join(left))
            # a guard or probe kseries wrote audits clean: no warning of its own making
            if mode in ("guard", "probe"):
                warned = [l for l in proc.stdout.splitlines()
                          if ": warning: " in l and "[kseries-verdict]" not in l]
                check("audit %s: its own --fix %s audits without a warning" % (base, mode),
                      not warned, "\n".join(warned))


def main():
    names = sorted(n for n in os.listdir(CASES)
                   if n.endswith(".c") or (os.path.isdir(os.path.join(CASES, n)) and
                                           "." not in n))
    for name in names:
        run_case(name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
