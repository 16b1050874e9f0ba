#!/bin/sh
# Real-tree check of the send-ready series (issue 20), by hand:
#   KSERIES_REPO=/path/to/kernel-repo KSERIES_REV=v4.12 tests/kernel/posting.sh
# Two runs of series --no-build --signoff: v1, then v2 with --reroll-count 2
# --previous v1 after one manifest message (the powerpc/powernv patch's) is
# edited in a copy of the series. Asserted: each patch's Cc header is what
# the revision's own get_maintainer.pl names for it (run here in a full
# worktree), the cover's the union; base-commit; the range-diff shows that
# patch and no other as changed; git am, b4 am and send-email --dry-run
# accept both versions; a second v1 run is byte-identical, and its --branch
# is a branch b4 prep --show-info and b4 send --dry-run accept. Prints the v1 cover's headers, its checks and the
# v2 "Changes since" section.
set -u
. "$(dirname "$0")/../lib.sh"
: "${KSERIES_REPO:?set KSERIES_REPO to a kernel git repo}" "${KSERIES_REV:?set KSERIES_REV}"
top=$(cd "$(dirname "$0")/../.." && pwd)
kseries="$top/driver/kseries"
tmp=$(mktemp -d)
trap 'git -C "$KSERIES_REPO" worktree remove --force "$tmp/tree" 2>/dev/null; rm -rf "$tmp"' EXIT
revdir=$(printf '%s' "$KSERIES_REV" | sed 's|/|%2F|g')
base=$(git -C "$KSERIES_REPO" rev-parse "$KSERIES_REV^{commit}")

start=$(date +%s)
"$kseries" series -q --kernel "$KSERIES_REPO" --rev "$KSERIES_REV" --no-build --signoff \
	--out "$tmp/v1" > "$tmp/v1.log" 2>&1
rc=$?
echo "series v1: exit $rc in $(($(date +%s) - start)) s"
check "posting $KSERIES_REV: v1 exit 0" test "$rc" = 0
git -C "$KSERIES_REPO" worktree add -q --detach "$tmp/tree" "$base"
check "posting $KSERIES_REV: each patch To: its maintainers, Cc: its reviewers and lists; the cover all" \
	python3 "$top/tests/e2e/posting_cc.py" "$tmp/tree" "$tmp/v1/$revdir/series"
check "posting $KSERIES_REV: base-commit in the cover" \
	grep -qx "base-commit: $base" "$tmp/v1/$revdir/series/0000-cover-letter.patch"
check "posting $KSERIES_REV: v1 git am, b4 am, send-email ok, no ERROR" sh -c "
	r='$tmp/v1/$revdir/report.txt'
	grep -q '    ok git am of the patch files' \$r && grep -q '    ok b4 am of the series' \$r &&
	grep -q '    ok git send-email --dry-run' \$r && ! grep -q '    ERROR' \$r"

# the same revision again, with --branch: byte-identical patch files, and a
# branch b4 prep manages (issue 35)
"$kseries" series -q --kernel "$KSERIES_REPO" --rev "$KSERIES_REV" --no-build --signoff \
	--branch "kseries-b4-$$" --out "$tmp/v1b" > "$tmp/v1b.log" 2>&1
check "posting $KSERIES_REV: a second run gives byte-identical patch files" \
	diff -r "$tmp/v1/$revdir/series" "$tmp/v1b/$revdir/series"
git -C "$KSERIES_REPO" worktree add -q "$tmp/b4wt" "kseries-b4-$$/$revdir"
(cd "$tmp/b4wt" && b4 prep --show-info) > "$tmp/b4info" 2>&1
check "posting $KSERIES_REV: b4 prep --show-info accepts the --branch branch" sh -c "
	grep -qx 'base-commit: $base' '$tmp/b4info' && grep -qx 'cover-strategy: commit' '$tmp/b4info'"
(cd "$tmp/b4wt" && GIT_CONFIG_COUNT=3 GIT_CONFIG_KEY_0=user.name GIT_CONFIG_VALUE_0="Test Poster" \
	GIT_CONFIG_KEY_1=user.email GIT_CONFIG_VALUE_1=poster@example.org \
	GIT_CONFIG_KEY_2=sendemail.smtpserver GIT_CONFIG_VALUE_2=localhost.invalid \
	b4 send --dry-run --no-sign -o "$tmp/b4out") > "$tmp/b4send" 2>&1
check "posting $KSERIES_REV: b4 send --dry-run writes the series, one mail a patch and the cover" sh -c "
	test \$(ls '$tmp/b4out' | wc -l) = \$(ls '$tmp/v1/$revdir/series' | wc -l)"
echo "--- b4 prep --show-info"
cat "$tmp/b4info"
git -C "$KSERIES_REPO" worktree remove --force "$tmp/b4wt"
git -C "$KSERIES_REPO" branch -D "kseries-b4-$$/$revdir" > /dev/null
git -C "$KSERIES_REPO" config --remove-section "branch.kseries-b4-$$/$revdir" 2>/dev/null

cp -R "$top/cocci" "$tmp/cocci2"
python3 - "$tmp/cocci2/series.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for p in d["patches"]:
    if p["subject"].startswith("powerpc/powernv:"):
        p["message"] += " The NPU's ATSD flush now runs once per range."
        for k in p.get("message_with", {}):
            p["message_with"][k] += " The NPU's ATSD flush now runs once per range."
json.dump(d, open(sys.argv[1], "w"), indent=1)
PY
start=$(date +%s)
"$kseries" series -q --series "$tmp/cocci2" --kernel "$KSERIES_REPO" --rev "$KSERIES_REV" --no-build \
	--signoff --reroll-count 2 --previous "$tmp/v1" --out "$tmp/v2" > "$tmp/v2.log" 2>&1
rc=$?
echo "series v2: exit $rc in $(($(date +%s) - start)) s"
check "posting $KSERIES_REV: v2 exit 0" test "$rc" = 0
cover="$tmp/v2/$revdir/series/v2-0000-cover-letter.patch"
check "posting $KSERIES_REV: v2 Changes since v1: the powerpc/powernv patch alone" sh -c "
	test \$(sed -n '/^Changes since v1:/,/^\$/p' '$cover' | grep -c '^- .*: the commit message\$') = 1 &&
	sed -n '/^Changes since v1:/,/^\$/p' '$cover' | grep -q '^- [0-9]*/[0-9]* powerpc/powernv: update to new mmu_notifier semantic: the commit message\$' &&
	test \$(grep -c '^ *[0-9]*: *[0-9a-f]* ! ' '$tmp/v2/$revdir/range-diff.txt') = 1"
check "posting $KSERIES_REV: v2 git am, b4 am, send-email ok" sh -c "
	r='$tmp/v2/$revdir/report.txt'
	grep -q '    ok git am of the patch files' \$r && grep -q '    ok b4 am of the series' \$r &&
	grep -q '    ok git send-email --dry-run' \$r && ! grep -q '    ERROR' \$r"
echo "--- v1 cover letter, headers"
sed -n '1,/^$/p' "$tmp/v1/$revdir/series/0000-cover-letter.patch"
echo "--- v1 posting report"
sed -n '/^posting:/,/^residuals/p' "$tmp/v1/$revdir/report.txt"
echo "--- v1 patch 12 headers"
sed -n '/^Subject/,/^$/p' "$tmp/v1/$revdir/series/"0012-*.patch
echo "--- v2 Changes since"
sed -n '/^Changes since/,/^$/p' "$cover"
finish
