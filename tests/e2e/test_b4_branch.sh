#!/bin/sh
# e2e: `series --branch` makes a branch b4 prep manages (issue 35, item 9):
# b4 prep --show-info finds its cover letter commit and tracking data, and
# b4 send --dry-run turns it into the same series, To: the maintainers and
# Cc: the lists, with the code of the patch files and their authors' dates.
# No mail is sent: --dry-run writes the messages into a folder.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
export GIT_AUTHOR_NAME="Test Poster" GIT_AUTHOR_EMAIL="poster@example.org"
export GIT_COMMITTER_NAME="Test Poster" GIT_COMMITTER_EMAIL="poster@example.org"
base=$(git -C "$repo" rev-parse v4.12-demo)

"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --signoff --branch b4 \
	--out "$tmp/o" > "$tmp/o.log" 2>&1
echo $? > "$tmp/rc"
s="$tmp/o/v4.12-demo/series"
check "b4 branch: series --branch exits 0" test "$(cat "$tmp/rc")" = 0
check "b4 branch: the branch's config names b4's cover strategy" \
	test "$(git -C "$repo" config branch.b4/v4.12-demo.b4-prep-cover-strategy)" = commit
check "b4 branch: the cover letter commit is empty, on the base, the ten patches after it" sh -c "
	c=\$(git -C '$repo' rev-list --reverse '$base..b4/v4.12-demo' | head -1)
	test \"\$(git -C '$repo' rev-parse \$c^)\" = '$base' &&
	test \"\$(git -C '$repo' rev-parse \$c^{tree})\" = \"\$(git -C '$repo' rev-parse '$base^{tree}')\" &&
	test \$(git -C '$repo' rev-list --count '$base..b4/v4.12-demo') = 11"

git -C "$repo" worktree add -q "$tmp/wt" b4/v4.12-demo
(cd "$tmp/wt" && b4 prep --show-info) > "$tmp/info" 2> "$tmp/info.err"
echo $? > "$tmp/info.rc"
check "b4 branch: b4 prep --show-info accepts it (exit $(cat "$tmp/info.rc"))" test "$(cat "$tmp/info.rc")" = 0
check "b4 branch: ... its cover subject, revision 1, strategy commit, base-commit the revision" sh -c "
	grep -qx 'cover-subject: mmu_notifier: kill invalidate_page callback' '$tmp/info' &&
	grep -qx 'revision: 1' '$tmp/info' && grep -qx 'cover-strategy: commit' '$tmp/info' &&
	grep -qx 'base-commit: $base' '$tmp/info'"
check "b4 branch: ... the ten patches, in the series' subjects" sh -c "
	grep '^commit-' '$tmp/info' | sed 's/^commit-[0-9a-f]*: //' | sort > '$tmp/b4.subjects'
	grep -h '^Subject:' '$s'/00[0-9][1-9]-*.patch '$s'/0010-*.patch | sed 's/^Subject: \[PATCH [0-9]*\/10\] //' |
		sort > '$tmp/ks.subjects'
	test \$(wc -l < '$tmp/b4.subjects') = 10 && diff '$tmp/ks.subjects' '$tmp/b4.subjects'"

# b4 send: smtpserver set, so that --dry-run needs no web endpoint; nothing is sent
# b4 reads the sender from git config, not from the environment: given to
# its git commands as GIT_CONFIG_* (the repo's config is not touched)
(cd "$tmp/wt" && GIT_CONFIG_COUNT=3 GIT_CONFIG_KEY_0=user.name GIT_CONFIG_VALUE_0="Test Poster" \
	GIT_CONFIG_KEY_1=user.email GIT_CONFIG_VALUE_1=poster@example.org \
	GIT_CONFIG_KEY_2=sendemail.smtpserver GIT_CONFIG_VALUE_2=localhost.invalid \
	b4 send --dry-run --no-sign -o "$tmp/b4out") > "$tmp/send.log" 2>&1
echo $? > "$tmp/send.rc"
check "b4 branch: b4 send --dry-run writes the series (exit $(cat "$tmp/send.rc"))" sh -c "
	test \"\$(cat '$tmp/send.rc')\" = 0 && test \$(ls '$tmp/b4out' | wc -l) = 11"
check "b4 branch: ... To: and Cc: of its cover are kseries' cover letter's" python3 -c "
import email, email.policy, email.utils, glob, sys
def addrs(path, h):
    m = email.message_from_binary_file(open(path, 'rb'), policy=email.policy.default)
    return {a.lower() for _, a in email.utils.getaddresses([str(v) for v in m.get_all(h, [])])}
ks = '$s/0000-cover-letter.patch'
b4 = sorted(glob.glob('$tmp/b4out/0000-*'))[0]
me = {'poster@example.org'}
ok = addrs(b4, 'To') == addrs(ks, 'To') and addrs(b4, 'Cc') - me == addrs(ks, 'Cc') and addrs(ks, 'To')
sys.exit(not ok)"
check "b4 branch: ... its patches hold the code of kseries' patch files" sh -c "
	git -C '$repo' worktree add -q --detach '$tmp/am' '$base' &&
	git -C '$tmp/am' am -q '$s'/00[0-9][1-9]-*.patch '$s'/0010-*.patch &&
	test \"\$(git -C '$tmp/am' rev-parse HEAD^{tree})\" = \"\$(git -C '$repo' rev-parse b4/v4.12-demo^{tree})\""
check "b4 branch: ... each commit keeps its author and the fixed author date" sh -c "
	test \"\$(git -C '$repo' log --format='%an %ad' --date=raw '$base..b4/v4.12-demo~0' | sort -u | wc -l)\" -le 2 &&
	git -C '$repo' log -1 --format='%an %ad' --date=raw b4/v4.12-demo | grep -q '^Test Poster 1485950400 '"
check "b4 branch: a second run does not overwrite the branch: exit 1, named" sh -c "
	'$kseries' series -q --kernel '$repo' --rev v4.12-demo --no-build --branch b4 --out '$tmp/o2' > '$tmp/o2.log' 2>&1
	test \$? = 1 && grep -q 'cannot create branch b4/v4.12-demo' '$tmp/o2.log'"
git -C "$repo" worktree remove --force "$tmp/wt"
git -C "$repo" worktree remove --force "$tmp/am"
finish
