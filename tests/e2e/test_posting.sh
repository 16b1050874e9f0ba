#!/bin/sh
# e2e: a send-ready series on the demo repo. Cc lines from the tree's own
# get_maintainer.pl, the base-commit, --to/--cc/--no-cc, a reroll with
# range-diff after one message is edited, the stable form, and the checks of
# git am, b4 am and git send-email --dry-run (no mail is ever sent).
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
export GIT_AUTHOR_NAME="Test Poster" GIT_AUTHOR_EMAIL="poster@example.org"
export GIT_COMMITTER_NAME="Test Poster" GIT_COMMITTER_EMAIL="poster@example.org"
base=$(git -C "$repo" rev-parse v4.12-demo)
git -C "$repo" worktree add -q --detach "$tmp/tree" v4.12-demo

"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --signoff \
	--to "Lists Maint <lists@example.org>" --cc extra@example.org --out "$tmp/o1" > "$tmp/o1.log" 2>&1
echo $? > "$tmp/rc"
s1="$tmp/o1/v4.12-demo/series"
check "posting: the series runs, exit 0" test "$(cat "$tmp/rc")" = 0
check "posting: each patch goes To: the maintainers of its files and --to, Cc: its reviewers, lists and --cc; the cover all" \
	python3 "$here/posting_cc.py" "$tmp/tree" "$s1" --to lists@example.org extra@example.org
check "posting: a name that is not ASCII is RFC 2047 in the header" \
	grep -q '=?UTF-8?q?Zo=C3=AB_D=C3=A9mo?= <zoe@example.org>' "$s1/0008-KVM-update-to-new-mmu_notifier-semantic.patch"
check "posting: --to is the To: of every mail" sh -c "
	test \$(grep -l '^To: Lists Maint <lists@example.org>' '$s1'/*.patch | wc -l) = 11"
check "posting: the cover letter names its base-commit" grep -qx "base-commit: $base" "$s1/0000-cover-letter.patch"
check "posting: the report names the base and its describe" sh -c "
	grep -q '^posting: version 1, base v4.12-demo' '$tmp/o1/v4.12-demo/report.txt' &&
	python3 -c 'import json,sys; p=json.load(open(sys.argv[1]))[\"posting\"]; sys.exit(p[\"base_describe\"] != \"v4.12-demo\" or p[\"check_errors\"])' '$tmp/o1/v4.12-demo/report.json'"
check "posting: git am, b4 am (and its mbox) and send-email --dry-run all say ok" sh -c "
	r='$tmp/o1/v4.12-demo/report.txt'
	grep -q '    ok git am of the patch files on v4.12-demo: applies' \$r &&
	grep -q '    ok b4 am of the series as a local mbox: 10 patches, in order, base ' \$r &&
	grep -q '    ok git am of b4 am.s mbox on v4.12-demo' \$r &&
	grep -q '    ok git send-email --dry-run: 11 of 11 mails \"Result: OK\"' \$r &&
	grep -q '    ok every patch has a Signed-off-by' \$r && ! grep -q '    ERROR' \$r"
check "posting: the user's repo is as it was (no branch, no am left)" sh -c "
	test \$(git -C '$repo' branch | wc -l) = 1 && test ! -d '$repo/.git/rebase-apply'"

# --no-cc: only the user's own
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --no-cc --out "$tmp/o2" > "$tmp/o2.log" 2>&1
check "posting: --no-cc: no Cc header, and the report warns that the maintainers are not Cc'd" sh -c "
	! grep -q '^Cc:' '$tmp/o2/v4.12-demo/series/'*.patch &&
	grep -q 'WARNING the maintainers are not Cc.d (--no-cc)' '$tmp/o2/v4.12-demo/report.txt' &&
	grep -q 'have no Signed-off-by' '$tmp/o2/v4.12-demo/report.txt'"

# an identity mail cannot be sent from: a warning with the fix, not a failed series
GIT_AUTHOR_EMAIL=t@t GIT_COMMITTER_EMAIL=t@t "$kseries" series -q --kernel "$repo" --rev v4.12-demo \
	--no-build --out "$tmp/o2b" > "$tmp/o2b.log" 2>&1
echo $? > "$tmp/rc"
check "posting: an identity of t@t: exit 0, send-email's refusal named as a warning with the fix" sh -c "
	test \$(cat '$tmp/rc') = 0 &&
	grep -q 'WARNING git send-email --dry-run refuses your git identity Test Poster <t@t>: .*set user.email' \
		'$tmp/o2b/v4.12-demo/report.txt'"

# a tree without get_maintainer.pl says so
git clone -q "$repo" "$tmp/nogm"
git -C "$tmp/nogm" checkout -q -b nogm v4.12-demo
git -C "$tmp/nogm" rm -q scripts/get_maintainer.pl
git -C "$tmp/nogm" commit -q -m "demo: no get_maintainer"
"$kseries" series -q --kernel "$tmp/nogm" --rev nogm --no-build --out "$tmp/o3" > "$tmp/o3.log" 2>&1
check "posting: a tree without get_maintainer.pl: no Cc lines, named in the report" sh -c "
	grep -q 'recipients: the tree has no scripts/get_maintainer.pl' '$tmp/o3/nogm/report.txt' &&
	grep -q 'WARNING the maintainers are not Cc.d: the tree has no' '$tmp/o3/nogm/report.txt' &&
	! grep -q '^Cc:' '$tmp/o3/nogm/series/'*.patch"

# a get_maintainer.pl that fails: each patch names the error
git -C "$tmp/nogm" checkout -q -b gmfails v4.12-demo
printf '#!/usr/bin/perl\ndie "MAINTAINERS: parse error at line 3\\n";\n' > "$tmp/nogm/scripts/get_maintainer.pl"
git -C "$tmp/nogm" commit -q -am "demo: a get_maintainer that fails"
"$kseries" series -q --kernel "$tmp/nogm" --rev gmfails --no-build --out "$tmp/o3b" > "$tmp/o3b.log" 2>&1
check "posting: get_maintainer.pl failing: the report names its error per patch" sh -c "
	test \$(grep -c 'to: 0, cc: 0 addresses; get_maintainer.pl failed (exit 255): MAINTAINERS: parse error at line 3' \
		'$tmp/o3b/gmfails/report.txt') = 10 &&
	grep -q 'WARNING 01: get_maintainer.pl failed (exit 255)' '$tmp/o3b/gmfails/report.txt'"

# a reroll: one manifest message edited, the rest the same
cp -R "$top/cocci" "$tmp/cocci2"
python3 - "$tmp/cocci2/series.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for p in d["patches"]:
    if p["subject"].startswith("sgi-gru:"):
        p["message"] += " The GRU's TLB purge now covers the whole range."
        for k in p.get("message_with", {}):  # the message of each tree shape
            p["message_with"][k] += " The GRU's TLB purge now covers the whole range."
json.dump(d, open(sys.argv[1], "w"), indent=1)
PY
"$kseries" series -q --series "$tmp/cocci2" --kernel "$repo" --rev v4.12-demo --no-build --signoff \
	--cc extra@example.org --reroll-count 2 --previous "$tmp/o1" --out "$tmp/o4" > "$tmp/o4.log" 2>&1
echo $? > "$tmp/rc"
s4="$tmp/o4/v4.12-demo/series"
check "posting: the reroll runs, exit 0" test "$(cat "$tmp/rc")" = 0
check "posting: --reroll-count 2: v2- files, [PATCH v2 00/10]" sh -c "
	test \$(ls '$s4' | grep -c '^v2-00[0-9][0-9]-') = 11 &&
	grep -q '^Subject: \[PATCH v2 00/10\] ' '$s4/v2-0000-cover-letter.patch' &&
	grep -q '^Subject: \[PATCH v2 06/10\] sgi-gru' '$s4'/v2-0006-*.patch"
check "posting: the reroll's cover letter carries the range-diff before its signature, as format-patch --range-diff" sh -c "
	sed -n '/^Range-diff against v1:\$/,/^-- \$/p' '$s4/v2-0000-cover-letter.patch' > '$tmp/cover-rd' &&
	test \$(grep -c '^ *[0-9]*: *[0-9a-f]* ! ' '$tmp/cover-rd') = 1 && test \$(grep -c '^ *[0-9]*: *[0-9a-f]* = ' '$tmp/cover-rd') = 9 &&
	tail -1 '$tmp/cover-rd' | grep -q '^-- \$'"
check "posting: the cover letter's Changes since v1 names exactly the edited patch" sh -c "
	c='$s4/v2-0000-cover-letter.patch'
	grep -qx 'Changes since v1:' \$c &&
	grep -qx -- '- 06/10 sgi-gru: update to new mmu_notifier semantic: the commit message' \$c &&
	grep -qx -- '- the other 9 patches: the same' \$c &&
	test \$(sed -n '/^Changes since v1:/,/^\$/p' \$c | grep -c '^- ') = 2"
check "posting: range-diff.txt in full: one '!', nine '='" sh -c "
	d='$tmp/o4/v4.12-demo/range-diff.txt'
	test \$(grep -c '^ *[0-9]*: *[0-9a-f]* ! ' \$d) = 1 && test \$(grep -c '^ *[0-9]*: *[0-9a-f]* = ' \$d) = 9 &&
	grep -q 'The GRU' \$d"
check "posting: the report: 1 changed, 0 added, 0 dropped" python3 -c '
import json, sys
p = json.load(open(sys.argv[1]))["posting"]
sys.exit(not (p["version"] == 2 and p["previous_version"] == 1 and len(p["changed"]) == 1
              and "sgi-gru" in p["changed"][0] and not p["added"] and not p["dropped"]))' \
	"$tmp/o4/v4.12-demo/report.json"
check "posting: the v2 mails pass b4 am and send-email too" sh -c "
	grep -q '    ok b4 am of the series' '$tmp/o4/v4.12-demo/report.txt' &&
	grep -q '    ok git send-email --dry-run: 11 of 11' '$tmp/o4/v4.12-demo/report.txt'"

# bad reroll input: exit 2 before any work, with the fix
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --reroll-count 2 \
	--previous "$tmp/o4" --out "$tmp/o5" > "$tmp/o5.log" 2>&1
echo $? > "$tmp/rc"
check "posting: --reroll-count 2 against a v2: exit 2, asks for 3, nothing written" sh -c "
	test \$(cat '$tmp/rc') = 2 && grep -q 'is v2 already: give --reroll-count 3' '$tmp/o5.log' &&
	test ! -e '$tmp/o5'"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --previous "$tmp/tree" \
	--out "$tmp/o6" > "$tmp/o6.log" 2>&1
echo $? > "$tmp/rc"
check "posting: --previous of a folder with no series: exit 2, named" sh -c "
	test \$(cat '$tmp/rc') = 2 && grep -q 'holds no series: give the --out of an earlier' '$tmp/o6.log'"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --cc nobody --out "$tmp/o7" > "$tmp/o7.log" 2>&1
echo $? > "$tmp/rc"
check "posting: --cc that is not an address: exit 2, named" sh -c "
	test \$(cat '$tmp/rc') = 2 && grep -q -- '--cc .nobody. is not a mail address (no '\''@'\'')' '$tmp/o7.log'"
"$kseries" series -q --kernel "$repo" --rev v4.9-demo --no-build --previous "$tmp/o1" --out "$tmp/o8" > "$tmp/o8.log" 2>&1
check "posting: --previous of another revision's series: compared, v2 by default" sh -c "
	grep -q '^posting: version 2, base v4.9-demo' '$tmp/o8/v4.9-demo/report.txt' &&
	grep -q '^  changes since v1 ($tmp/o1/v4.12-demo/series' '$tmp/o8/v4.9-demo/report.txt' &&
	grep -q -- '- the base: ' '$tmp/o8/v4.9-demo/series/v2-0000-cover-letter.patch'"

# the stable form: upstream is the v4.12-demo series as a branch
GIT_AUTHOR_NAME="Up Author" GIT_AUTHOR_EMAIL="up@example.org" "$kseries" series -q --kernel "$repo" \
	--rev v4.12-demo --no-build --signoff --branch up --out "$tmp/o9" > "$tmp/o9.log" 2>&1
"$kseries" series -q --kernel "$repo" --rev v4.9-demo --no-build --signoff --stable up/v4.12-demo \
	--out "$tmp/o10" > "$tmp/o10.log" 2>&1
s10="$tmp/o10/v4.9-demo/series"
check "posting: --stable: 'commit <sha> upstream.' opens each patch that has an upstream commit" sh -c "
	n=0
	for p in '$s10'/00[0-9][1-9]-*.patch; do
		subj=\$(sed -n 's/^Subject: \[PATCH 4.9 [0-9]*\/[0-9]*\] //p' \$p)
		sha=\$(git -C '$repo' log --format='%H %s' v4.9-demo..up/v4.12-demo | grep -F \" \$subj\" | cut -d' ' -f1)
		if [ -n \"\$sha\" ]; then
			sed -n '/^\$/{n;p;q}' \$p | grep -qx \"commit \$sha upstream.\" || { echo \"\$p: no line for \$sha\"; exit 1; }
			n=\$((n + 1))
		else
			! grep -q ' upstream\.\$' \$p || { echo \"\$p: an upstream line without a commit\"; exit 1; }
		fi
	done
	test \$n -ge 5"
check "posting: --stable: [PATCH 4.9 ...] subjects, the cover lists upstream and new patches" sh -c "
	c='$s10/0000-cover-letter.patch'
	grep -q '^Subject: \[PATCH 4.9 0*/' \$c && grep -q '^Backport to v4.9-demo: [0-9]* of [0-9]* patches are upstream commits of up/v4.12-demo:' \$c &&
	grep -q 'upstream' '$tmp/o10/v4.9-demo/report.txt' && ! grep -q 'stable@' \$c"
check "posting: --stable: each upstream patch is From: the upstream author, with the upstream Signed-off-by" sh -c "
	for p in '$s10'/00[0-9][1-9]-*.patch; do
		grep -q ' upstream\.\$' \$p || continue
		grep -qx 'From: Up Author <up@example.org>' \$p &&
		sed -n '/^\$/,/^---\$/p' \$p | grep -qx 'Signed-off-by: Test Poster <poster@example.org>' || { echo \$p; exit 1; }
	done"
check "posting: --stable: a backport note where the code differs from upstream (mm/rmap.c), none where it does not" sh -c "
	grep -qx '\[ kseries: mm/rmap.c differs from upstream \]' '$s10'/0001-mm-rmap-*.patch &&
	! grep -q '^\[ kseries:' '$s10'/0002-drm-amdgpu-*.patch &&
	sed -n '/^\[ kseries: mm.rmap.c/{n;p;}' '$s10'/0001-mm-rmap-*.patch | grep -q '^Signed-off-by: '"
check "posting: the stable series still passes git am, b4 and send-email" sh -c "
	r='$tmp/o10/v4.9-demo/report.txt'
	grep -q '    ok git am of the patch files' \$r && grep -q '    ok b4 am' \$r && grep -q '    ok git send-email' \$r"

# an upstream without the API removal: that patch is new for this tree
git -C "$repo" branch up2 up/v4.12-demo~1
"$kseries" series -q --kernel "$repo" --rev v4.9-demo --no-build --stable up2 --out "$tmp/o12" > "$tmp/o12.log" 2>&1
check "posting: --stable: a patch upstream lacks is listed as new, and has no upstream line" sh -c "
	c='$tmp/o12/v4.9-demo/series/0000-cover-letter.patch'
	grep -q '^Backport to v4.9-demo: 8 of 9 patches are upstream commits of up2:' \$c &&
	sed -n '/^New for this tree/,/^\$/p' \$c | grep -q '09/09 mm/mmu_notifier: kill invalidate_page' &&
	! grep -q ' upstream\.\$' '$tmp/o12/v4.9-demo/series/0009-'*.patch"

# over 15 patches: flagged (every file a catch-all of its own)
cp -R "$top/cocci" "$tmp/cocci3"
python3 - "$tmp/cocci3/series.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["patches"] = [p for p in d["patches"] if p.get("removes_api")]
json.dump(d, open(sys.argv[1], "w"), indent=1)
PY
"$kseries" series -q --series "$tmp/cocci3" --kernel "$repo" --rev v4.12-demo --no-build --out "$tmp/o11" > "$tmp/o11.log" 2>&1
check "posting: a series of more than 15 patches is flagged" sh -c "
	grep -q 'WARNING 1[6-9] patches: netdev.s patchwork flags a posting of more than 15' '$tmp/o11/v4.12-demo/report.txt'"
# reproducible: two runs of one revision write the same bytes; dates from the
# base commit, or SOURCE_DATE_EPOCH
for n in r1 r2; do
	"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --signoff --out "$tmp/$n" > "$tmp/$n.log" 2>&1
done
check "posting: two runs of one revision give byte-identical patch files" diff -r "$tmp/r1/v4.12-demo/series" "$tmp/r2/v4.12-demo/series"
check "posting: ... dated at the base commit" sh -c "
	test \"\$(sed -n 's/^Date: //p' '$tmp/r1/v4.12-demo/series/0001-'*.patch)\" = \"\$(git -C '$repo' log -1 --format=%aD v4.12-demo)\" ||
	test \"\$(sed -n 's/^Date: //p' '$tmp/r1/v4.12-demo/series/0001-'*.patch)\" = \"\$(TZ=UTC git -C '$repo' log -1 --date=rfc-local --format=%cd v4.12-demo)\""
SOURCE_DATE_EPOCH=1500000000 "$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --signoff \
	--out "$tmp/r3" > "$tmp/r3.log" 2>&1
check "posting: SOURCE_DATE_EPOCH dates the commits and mails, and their Message-Ids" sh -c "
	grep -q '^Date: Fri, 14 Jul 2017 02:40:00 +0000' '$tmp/r3/v4.12-demo/series/0001-'*.patch &&
	grep -q '^Message-Id: <[0-9a-f]*\\.1500000000\\.git\\.' '$tmp/r3/v4.12-demo/series/0001-'*.patch"
finish
