#!/usr/bin/env python3
"""make audit-corpus: kseries audit on answers known in advance.

Positives: the tree's own implementations of .invalidate_page at KSERIES_REV
(v4.12 by default) of the repo KSERIES_KERNEL, each driver's folder audited
as if it were out of tree (a copy from `git archive`). Upstream 4.13 deleted
every one, since each driver's range callbacks already did the work: the
verdict must be safe-to-remove, or a review whose reason names what the
callback does that the range callbacks do not; `--fix delete` of the folder
must remove and add the same lines as the driver's patch in kseries' own
series of that revision (blank lines aside: which one a removal takes with
it is style).

Negatives: Debian's *-dkms packages (real out-of-tree modules, none using
the API), downloaded with apt-get: 0 findings on each. KSERIES_CORPUS_DKMS=0
skips them.

Prints a table and a summary line; exit 1 when any row is wrong, 2 when the
corpus could not be made.
"""
import glob, json, os, re, shutil, subprocess, sys, tempfile, time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KSERIES = os.path.join(TOP, "driver", "kseries")


def run(args, cwd=None, check=True):
    p = subprocess.run(args, cwd=cwd, capture_output=True, text=True, errors="replace")
    if check and p.returncode != 0:
        sys.exit("kseries: audit-corpus: %s failed (exit %d): %s" %
                 (" ".join(args[:4]), p.returncode, p.stderr.strip()[-400:]))
    return p


def patch_lines(text, prefix=""):
    """{file: (removed lines, added lines)} of a unified diff, paths under prefix."""
    out, cur = {}, None
    for l in text.splitlines():
        if l == "-- ":
            break	# format-patch's signature: the diff is over
        if l.startswith("+++ "):
            path = l[4:].split("\t")[0]
            cur = None if path == "/dev/null" else os.path.normpath(
                os.path.join(prefix, path[2:] if path.startswith("b/") else path))
            if cur:
                out.setdefault(cur, ([], []))
        elif l.startswith("--- ") or l.startswith("diff ") or l.startswith("@@"):
            continue
        # blank lines aside: where a removal leaves its blank line is style, not change
        elif cur and l.startswith("-") and l[1:].strip():
            out[cur][0].append(l[1:].strip())
        elif cur and l.startswith("+") and l[1:].strip():
            out[cur][1].append(l[1:].strip())
    return out


def driver_patches(series_dir):
    """(subject, folder, {file: lines}) of each patch that removes an .invalidate_page initialiser."""
    out = []
    for p in sorted(glob.glob(os.path.join(series_dir, "0*.patch"))):
        if p.endswith("0000-cover-letter.patch"):
            continue
        text = open(p, errors="replace").read()
        subject = re.search(r"^Subject: (?:\[PATCH[^]]*\] )?(.*)$", text, re.M).group(1)
        lines = patch_lines(text)
        owners = [f for f, (rm, add) in lines.items()
                  if f.endswith(".c") and any(re.match(r"\.invalidate_page\s*=", x) for x in rm)]
        if owners:
            folder = os.path.commonpath([os.path.dirname(f) for f in owners])
            out.append((subject, folder, lines))
    return out


def verdict(findings):
    words = []
    for f in findings:
        if f["id"] == "kseries-verdict":
            m = re.search(r": (safe-to-remove|review|loses notifications)", f["message"])
            words.append(m.group(1) if m else "?")
    return ",".join(sorted(set(words))) or "none"


def severities(findings):
    n = {"error": 0, "warning": 0, "note": 0}
    for f in findings:
        n[f["severity"]] += 1
    return "%d/%d/%d" % (n["error"], n["warning"], n["note"])


def c_files(path):
    return sum(1 for _, _, fs in os.walk(path) for f in fs if f.endswith(".c"))


def audit_json(path, cwd):
    p = run([KSERIES, "audit", "-q", "--format", "json", path], cwd=cwd, check=False)
    if p.returncode not in (0, 1):
        sys.exit("kseries: audit-corpus: kseries audit %s failed (exit %d): %s" %
                 (path, p.returncode, p.stderr.strip()[-400:]))
    return json.loads(p.stdout)["findings"]


def positives(repo, rev, tmp, rows):
    out = os.path.join(tmp, "series")
    run([KSERIES, "series", "-q", "--no-build", "--kernel", repo, "--rev", rev, "--out", out])
    name = os.listdir(out)
    series_dir = [os.path.join(out, n, "series") for n in name if os.path.isdir(os.path.join(out, n, "series"))]
    if not series_dir:
        sys.exit("kseries: audit-corpus: the series of %s wrote no patches" % rev)
    drivers = driver_patches(series_dir[0])
    if not drivers:
        sys.exit("kseries: audit-corpus: no patch of the series of %s removes an .invalidate_page "
                 "initialiser: not a tree with the API" % rev)
    tree = os.path.join(tmp, "tree")
    os.makedirs(tree)
    bad = 0
    for subject, folder, want in drivers:
        arch = subprocess.run(["git", "-C", repo, "archive", rev, folder], capture_output=True)
        if arch.returncode:
            sys.exit("kseries: audit-corpus: git archive %s %s failed" % (rev, folder))
        subprocess.run(["tar", "-x", "-C", tree], input=arch.stdout, check=True)
        t0 = time.time()
        findings = audit_json(folder, tree)
        fix = run([KSERIES, "audit", "-q", "--fix", "delete", folder], cwd=tree, check=False)
        took = time.time() - t0
        got = patch_lines(fix.stdout, folder)
        mine = {f: v for f, v in want.items() if f.startswith(folder + "/")}
        # a folder two drivers share (drivers/iommu): each patch judges its own files,
        # and the audit may change only files some driver patch of the series changes
        owned = set(f for _, _, lines in drivers for f in lines)
        same = all(sorted(got.get(f, ([], []))[0]) == sorted(rm) and
                   sorted(got.get(f, ([], []))[1]) == sorted(add)
                   for f, (rm, add) in mine.items()) and set(got) <= owned
        got = {f: v for f, v in got.items() if f in mine or f not in owned}
        v = verdict(findings)
        reasons = [f["message"] for f in findings if f["id"] == "kseries-verdict"]
        ok_verdict = v == "safe-to-remove" or (v == "review" and all("reaches" in r for r in reasons))
        ok = ok_verdict and same
        bad += not ok
        rows.append((subject.split(":")[0], folder, c_files(os.path.join(tree, folder)),
                     severities(findings), v, "yes" if same else "NO", took, "" if ok else "WRONG"))
        if not same:
            for f in sorted(set(mine) | set(got)):
                a, b = got.get(f, ([], [])), mine.get(f, ([], []))
                for x in sorted(set(b[0]) - set(a[0])):
                    print("  %s: series removes, audit does not: %s" % (f, x), file=sys.stderr)
                for x in sorted(set(a[0]) - set(b[0])):
                    print("  %s: audit removes, series does not: %s" % (f, x), file=sys.stderr)
        for r in reasons:
            if v != "safe-to-remove":
                print("  %s: %s" % (folder, r), file=sys.stderr)
    return len(drivers), bad


def negatives(tmp, rows):
    pkgs = run(["apt-cache", "search", "--names-only", "--", "-dkms$"]).stdout.split("\n")
    pkgs = sorted(l.split(" ")[0] for l in pkgs if l.strip())
    debs = os.path.join(tmp, "debs")
    os.makedirs(debs)
    run(["apt-get", "download", *pkgs], cwd=debs)
    n = bad = 0
    for deb in sorted(glob.glob(os.path.join(debs, "*.deb"))):
        root = os.path.join(tmp, "dkms", os.path.basename(deb))
        os.makedirs(root)
        run(["dpkg-deb", "-x", deb, root])
        for src in sorted(glob.glob(os.path.join(root, "usr", "src", "*"))):
            t0 = time.time()
            findings = audit_json(src, None)
            n += 1
            bad += bool(findings)
            rows.append((os.path.basename(src), "(dkms)", c_files(src), severities(findings),
                         verdict(findings), "-", time.time() - t0, "WRONG" if findings else ""))
    return n, bad


def main():
    repo, rev = os.environ.get("KSERIES_KERNEL"), os.environ.get("KSERIES_REV", "v4.12")
    if not repo:
        sys.exit("kseries: audit-corpus: set KSERIES_KERNEL to a kernel git repo holding %s "
                 "(docs/testing.md: real trees)" % rev)
    rows = []
    t0 = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        np, badp = positives(repo, rev, tmp, rows)
        nn, badn = (0, 0)
        if os.environ.get("KSERIES_CORPUS_DKMS", "1") != "0":
            nn, badn = negatives(tmp, rows)
    print("%-36s %-32s %7s %-9s %-15s %-5s %6s" % ("driver", "folder", "C files", "e/w/n",
                                                  "verdict", "same", "s"))
    for r in rows:
        print("%-36s %-32s %7d %-9s %-15s %-5s %6.1f %s" % r)
    files, secs = sum(r[2] for r in rows), sum(r[6] for r in rows)
    print("audit-corpus: %s: %d drivers (%d wrong), %d dkms modules (%d with findings); "
          "%d C files audited in %.1f s (%.0f files per second, --fix delete included); "
          "%.0f s in all" % (rev, np, badp, nn, badn, files, secs, files / secs if secs else 0,
                             time.time() - t0))
    return 1 if badp or badn else 0


if __name__ == "__main__":
    sys.exit(main())
