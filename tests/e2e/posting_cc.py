#!/usr/bin/env python3
"""Test glue: does each patch mail go To: the maintainers get_maintainer.pl of
the tree names for it (get_maintainer.pl --nor --nol, plus --to) and Cc: the
reviewers and lists (--nom, plus the --cc given, less the To:), and does the
cover letter hold the union of them all?
  posting_cc.py TREE SERIES_DIR [--to ADDR ...] [EXTRA_CC ...]"""
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


def get_maintainer(tree, patch, *opts):
    out = subprocess.run(["perl", "scripts/get_maintainer.pl", "--no-git", "--no-git-fallback",
                          "--norolestats", *opts, patch], cwd=tree, capture_output=True,
                         text=True, check=True).stdout
    return {a.lower() for _, a in email.utils.getaddresses(out.splitlines())}


def main():
    tree, series, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    to_extra, cc_extra = set(), set()
    while args:
        if args[0] == "--to":
            to_extra.add(args[1].lower())
            args = args[2:]
        else:
            cc_extra.add(args[0].lower())
            args = args[1:]
    mails = sorted(glob.glob(os.path.join(series, "*.patch")))
    cover = [m for m in mails if "0000-cover-letter" in m]
    patches = [m for m in mails if m not in cover]
    all_to, all_cc, bad = set(), set(), 0
    for p in patches:
        want_to = get_maintainer(tree, p, "--nor", "--nol") | to_extra
        if not want_to:
            # no maintainer: the lists are its To:, as b4 send makes them
            want_to = get_maintainer(tree, p, "--nom", "--nor")
        want_cc = (get_maintainer(tree, p, "--nom") | cc_extra) - want_to
        got_to, got_cc = addresses(p, "To"), addresses(p, "Cc")
        all_to |= got_to
        all_cc |= got_cc
        if got_to != want_to or got_cc != want_cc or not got_to:
            print(f"{os.path.basename(p)}: To {sorted(got_to)} Cc {sorted(got_cc)}, "
                  f"get_maintainer.pl To {sorted(want_to)} Cc {sorted(want_cc)}")
            bad += 1
    got_to = addresses(cover[0], "To") if cover else set()
    got_cc = addresses(cover[0], "Cc") if cover else set()
    if got_to != all_to or got_cc != all_cc - all_to:
        print(f"cover letter: To {sorted(got_to)} Cc {sorted(got_cc)}, the patches' union "
              f"To {sorted(all_to)} Cc {sorted(all_cc - all_to)}")
        bad += 1
    print(f"{len(patches)} patches, {len(all_to)} in To:, {len(all_cc - all_to)} in Cc:")
    return 1 if bad or not patches else 0


sys.exit(main())
