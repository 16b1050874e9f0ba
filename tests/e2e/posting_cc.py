#!/usr/bin/env python3
"""Test glue: does each patch mail's Cc header hold exactly what
get_maintainer.pl of the tree names for it (plus the --cc given), and the
cover letter's the union of them all?
  posting_cc.py TREE SERIES_DIR [EXTRA_CC ...]"""
import email
import email.policy
import email.utils
import glob
import os
import subprocess
import sys


def addresses(path, header):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    return {a.lower() for _, a in email.utils.getaddresses([str(v) for v in msg.get_all(header, [])])}


def main():
    tree, series, extra = sys.argv[1], sys.argv[2], {a.lower() for a in sys.argv[3:]}
    mails = sorted(glob.glob(os.path.join(series, "*.patch")))
    cover = [m for m in mails if "0000-cover-letter" in m]
    patches = [m for m in mails if m not in cover]
    union, bad = set(), 0
    for p in patches:
        out = subprocess.run(["perl", "scripts/get_maintainer.pl", "--no-git", "--no-git-fallback",
                              "--norolestats", p], cwd=tree, capture_output=True, text=True,
                             check=True).stdout
        want = {a.lower() for _, a in email.utils.getaddresses(out.splitlines())} | extra
        got = addresses(p, "Cc")
        union |= got
        if got != want or not got:
            print(f"{os.path.basename(p)}: Cc {sorted(got)}, get_maintainer.pl {sorted(want)}")
            bad += 1
    got = addresses(cover[0], "Cc") if cover else set()
    if got != union:
        print(f"cover letter: Cc {sorted(got)}, the patches' union {sorted(union)}")
        bad += 1
    print(f"{len(patches)} patches, {len(union)} addresses in all")
    return 1 if bad or not patches else 0


sys.exit(main())
