#!/bin/sh
# e2e: reliability round 4 (issue 34): what a careless user or a hostile
# tool does to posting, rerolls and merges never loses the user's output.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup

# A copy of the demo repo at $tmp/NAME whose v4.12-demo gets a commit, tagged
# TAG, with scripts/get_maintainer.pl as read from stdin (a stand-in tool).
with_get_maintainer() {
	cp -R "$repo" "$tmp/$1"
	git -C "$tmp/$1" checkout -q v4.12-demo
	cat > "$tmp/$1/scripts/get_maintainer.pl"
	git -C "$tmp/$1" -c user.name=T -c user.email=t@example.org commit -qam "$3"
	git -C "$tmp/$1" tag "$2"
}

# --- 1: a reroll into its own output folder never destroys the previous series
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --out "$tmp/o" > "$tmp/o.log" 2>&1
check "reroll: v1 written" test -f "$tmp/o/v4.12-demo/series/0000-cover-letter.patch"
ls -R "$tmp/o" > "$tmp/o.before"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --previous "$tmp/o" \
	--out "$tmp/o" --force > "$tmp/o2.log" 2>&1
echo $? > "$tmp/rc"
check "reroll: --previous inside --out (with --force) is exit 2" test "$(cat "$tmp/rc")" = 2
check "reroll: ... the error names both and the fix" \
	grep -q -- "--previous $tmp/o is inside --out $tmp/o.*another --out" "$tmp/o2.log"
ls -R "$tmp/o" > "$tmp/o.after"
check "reroll: ... and v1 is still there, untouched" cmp "$tmp/o.before" "$tmp/o.after"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build \
	--previous "$tmp/o/v4.12-demo/series" --out "$tmp/o" --force > "$tmp/o3.log" 2>&1
echo $? > "$tmp/rc"
check "reroll: a series folder inside --out is refused too (exit 2)" test "$(cat "$tmp/rc")" = 2
check "reroll: ... v1 still there" test -f "$tmp/o/v4.12-demo/series/0000-cover-letter.patch"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --previous "$tmp/o" \
	--out "$tmp/o-v2" > "$tmp/o4.log" 2>&1
check "reroll: into another --out, v2 against v1" sh -c "
	ls '$tmp/o-v2/v4.12-demo/series/' | grep -q '^v2-0000-cover-letter.patch$' &&
	test -f '$tmp/o/v4.12-demo/series/0000-cover-letter.patch'"

# --- 2: kseries matrix checks what it reads: a bad input is named, exit 2
"$kseries" series -q --kernel "$repo" --rev v4.9-demo --rev v4.12-demo --no-build \
	--out "$tmp/run" > "$tmp/run.log" 2>&1
py() { python3 -c "import json, sys; $1"; }
damaged() {	# a copy of the run with matrix.json (or a report) set by python
	rm -rf "$tmp/in" "$tmp/m"
	cp -R "$tmp/run" "$tmp/in"
	py "$1"
	"$kseries" matrix --out "$tmp/m" "$tmp/in" > "$tmp/m.log" 2>&1
	echo $? > "$tmp/rc"
}
refused() {	# exit 2 and the message says what is wrong
	test "$(cat "$tmp/rc")" = 2 && grep -q -- "$1" "$tmp/m.log"
}
damaged "p='$tmp/in/matrix.json'; m = json.load(open(p)); m['revisions'][0]['revision'] = 412; json.dump(m, open(p, 'w'))"
check "matrix: a row whose revision is a number: exit 2 (no crash), the key named" \
	refused 'matrix.json: revisions\[0\].revision is not a string'
damaged "json.dump([], open('$tmp/in/matrix.json', 'w'))"
check "matrix: a matrix.json that is [] is refused, not an empty matrix" refused 'the matrix is not an object'
damaged "json.dump({'revisions': 'x'}, open('$tmp/in/matrix.json', 'w'))"
check "matrix: revisions that is no array is refused" refused 'revisions is not an array'
damaged "p='$tmp/in/v4.12-demo/report.json'; r = json.load(open(p)); r['build'] = 'x'; json.dump(r, open(p, 'w'))"
check "matrix: a report whose build is no object is refused, naming the file" \
	refused "v4.12-demo/report.json: build is not an object"
mkdir -p "$tmp/other-run/v4.9-demo"
echo '{"revision": "v4.9-demo", "state": "converted", "build": {"archs": []}}' \
	> "$tmp/other-run/v4.9-demo/report.json"
damaged "p='$tmp/in/matrix.json'; m = json.load(open(p)); m['revisions'][0]['dir'] = '../other-run/v4.9-demo'; json.dump(m, open(p, 'w'))"
check "matrix: a row's dir that leaves its input is refused" \
	refused 'revisions\[0\].dir "../other-run/v4.9-demo" is not a folder name'
check "matrix: ... and nothing of the other run is copied" \
	sh -c "! grep -rqs other-run '$tmp/m'"
damaged "import os; os.remove('$tmp/in/matrix.json'); os.remove('$tmp/in/v4.12-demo/report.json'); open('$tmp/in/INCOMPLETE', 'w').write('partial')"
check "matrix: an interrupted job (INCOMPLETE, no matrix.json) is merged: exit 1" \
	test "$(cat "$tmp/rc")" = 1
check "matrix: ... its finished revision merged, the unfinished one incomplete" py "
m = json.load(open('$tmp/m/matrix.json'))
s = {r['revision']: r['state'] for r in m['revisions']}
sys.exit(s != {'v4.9-demo': 'converted', 'v4.12-demo': 'incomplete'})"
check "matrix: ... and the user is told" grep -q "was interrupted (INCOMPLETE, no matrix.json)" "$tmp/m.log"
"$kseries" matrix --out "$tmp/run/merged" "$tmp/run" > "$tmp/m.log" 2>&1
echo $? > "$tmp/rc"
check "matrix: --out inside an input is refused (exit 2)" refused 'hold one another'
check "matrix: ... before anything is made" test ! -e "$tmp/run/merged"

# --- 4: the user's git hooks and settings never reach kseries' own worktree
cp -R "$repo" "$tmp/hostile"
for hook in post-commit post-checkout reference-transaction post-index-change; do
	printf '#!/bin/sh\necho %s >> "%s"\nexit 1\n' "$hook" "$tmp/hooks.log" > "$tmp/hostile/.git/hooks/$hook"
	chmod +x "$tmp/hostile/.git/hooks/$hook"
done
for kv in commit.gpgSign=true gpg.program=false format.suffix=.txt core.autocrlf=true \
	format.signOff=true diff.noprefix=true color.ui=always format.from=true; do
	git -C "$tmp/hostile" config "${kv%%=*}" "${kv#*=}"
done
"$kseries" series -q --kernel "$tmp/hostile" --rev v4.12-demo --no-build --out "$tmp/h" > "$tmp/h.log" 2>&1
echo $? > "$tmp/rc"
check "git settings: hooks, signing, CR LF, format and diff settings of the repo: exit 0" \
	test "$(cat "$tmp/rc")" = 0
check "git settings: ... no hook of the user's ran" test ! -e "$tmp/hooks.log"
check "git settings: ... the same patches, byte for byte but dates and ids, as a clean repo's" sh -c '
	norm() { sed -E "s/^From [0-9a-f]{40} /From X /; s/^(Message-Id|In-Reply-To|References|Date): .*/\1: X/; s/[0-9a-f]{40}\.[0-9]+\.git/X.git/g; s/cover\.[0-9]+\.git/cover.X.git/g" "$1"; }
	cd "$1/v4.12-demo/series" && n=0 && for f in *; do
		case $f in *.patch) ;; *) echo "not .patch: $f"; exit 1;; esac
		norm "$f" > "$3/a"; norm "$2/v4.12-demo/series/$f" > "$3/b"; cmp -s "$3/a" "$3/b" || { diff "$3/b" "$3/a" | head; exit 1; }
		n=$((n + 1))
	done; test $n -eq 11' sh "$tmp/h" "$tmp/o" "$tmp"
check "git settings: ... the maintainers found though core.autocrlf=true (MAINTAINERS read as committed)" \
	grep -q '^Cc: ' "$tmp/h/v4.12-demo/series/0002-mm-rmap-update-to-new-mmu_notifier-semantic.patch"

# --- 5: addresses parsed, quoted and checked; a bad --cc refused at once
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --cc 'a@b@c' --out "$tmp/cc1" \
	> "$tmp/cc1.log" 2>&1
echo $? > "$tmp/rc"
check "addresses: --cc a@b@c is exit 2, before any work" sh -c "
	test \$(cat '$tmp/rc') = 2 && test ! -e '$tmp/cc1' &&
	grep -q -- \"--cc 'a@b@c' is not a mail address (more than one '@')\" '$tmp/cc1.log'"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build \
	--cc "$(printf 'a@example.org\rBcc: victim@example.org')" --out "$tmp/cc2" > "$tmp/cc2.log" 2>&1
echo $? > "$tmp/rc"
check "addresses: a CR in --cc (a header of its own) is exit 2, named" sh -c "
	test \$(cat '$tmp/rc') = 2 && grep -q 'a control character' '$tmp/cc2.log'"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --cc 'Doe, John <jd@example.org>' \
	--out "$tmp/cc3" > "$tmp/cc3.log" 2>&1
echo $? > "$tmp/rc"
check "addresses: a name with a comma is quoted in every Cc: header" sh -c "
	test \$(cat '$tmp/rc') = 0 &&
	grep -l '\"Doe, John\" <jd@example.org>' '$tmp/cc3/v4.12-demo/series/'*.patch | wc -l | grep -qx 11"
check "addresses: ... and send-email's RCPT list matches each mail's To: and Cc: (checked, ok)" \
	grep -q '"ok git send-email --dry-run: 11 of 11 mails .*each to the addresses in its To: and Cc:' \
	"$tmp/cc3/v4.12-demo/report.json"

# --- 3 and 5: a get_maintainer.pl with thousands of addresses and hostile lines
with_get_maintainer gm v4.12-gm 'a hostile get_maintainer.pl' <<'PERL'
#!/usr/bin/perl
# stand-in: a line that hides a header, two '@', then $KS_GM_N reviewers
print "Evil <e\@example.org>\rBcc: victim\@example.org (maintainer:X)\n";
print "a\@b\@c (maintainer:X)\n";
printf "P%d <p%d\@example.org> (reviewer:X)\n", $_, $_ for 1 .. ($ENV{KS_GM_N} || 10);
print "demo-kernel\@lists.example.org (open list:X)\n";
PERL
KS_GM_N=100000 "$kseries" series -q --kernel "$tmp/gm" --rev v4.12-gm --no-build --out "$tmp/gm-out" \
	> "$tmp/gm.log" 2>&1
echo $? > "$tmp/rc"
check "get_maintainer.pl: 100000 addresses a patch: the run ends (linear work)" test -s "$tmp/gm-out/v4.12-gm/report.json"
check "get_maintainer.pl: ... each mail Cc'd to 100 at most" python3 -c "
import json, sys
r = json.load(open('$tmp/gm-out/v4.12-gm/report.json'))
sys.exit(not all(0 < len(p['cc']) <= 100 for p in r['patches']) or len(r['posting']['cover_cc']) > 100)"
check "get_maintainer.pl: ... a WARNING with the count" \
	grep -q "patch 1: 100000 addresses to Cc, more than 100: the first 100 are Cc'd, 99900 left out" "$tmp/gm.log"
check "get_maintainer.pl: ... a line hiding a header is left out and named, never written" sh -c "
	grep -q \"patch 1: get_maintainer.pl's line 1: a control character\" '$tmp/gm.log' &&
	! grep -q '^Bcc:' '$tmp/gm-out/v4.12-gm/series/'*.patch"
check "get_maintainer.pl: ... an address with two '@' is left out and named" \
	grep -q "patch 1: get_maintainer.pl's line 2: more than one '@': left out" "$tmp/gm.log"
check "get_maintainer.pl: ... no maintainer left for To:: its list is its To:, said, --to named" sh -c "
	grep -q 'patch 1: get_maintainer.pl names no maintainer of its files: its lists are its To:, as b4 send makes them (--to ADDR gives one)' '$tmp/gm.log' &&
	grep -qx 'To: demo-kernel@lists.example.org' '$tmp/gm-out/v4.12-gm/series/0001-'*.patch"

# --- 6: a tool has a time limit, and nothing it leaves running outlives it
with_get_maintainer gm2 v4.12-gm 'a get_maintainer.pl that escapes' <<'PERL'
#!/usr/bin/perl
# stand-in: leaves a process in a session of its own; with KS_GM_HANG, never answers
system("setsid sh -c 'sleep 3131' </dev/null >/dev/null 2>&1 &");
if ($ENV{KS_GM_HANG}) { exec "sleep", "3132"; }
print "Dana Axe <dana\@example.org> (maintainer:X)\n";
PERL
"$kseries" series -q --kernel "$tmp/gm2" --rev v4.12-gm --no-build --out "$tmp/esc" > "$tmp/esc.log" 2>&1
echo $? > "$tmp/rc"
check "tools: a get_maintainer.pl that leaves 'setsid sleep' behind: the run ends, exit 0" \
	test "$(cat "$tmp/rc")" = 0
check "tools: ... and nothing it started is left (kseries reaps its orphans)" \
	sh -c "! ps -eo args | grep -q '^sleep 3131'"
KS_GM_HANG=1 KSERIES_TOOL_TIMEOUT=2 "$kseries" series -q --kernel "$tmp/gm2" --rev v4.12-gm --no-build \
	--out "$tmp/hang" > "$tmp/hang.log" 2>&1
echo $? > "$tmp/rc"
check "tools: a get_maintainer.pl that hangs is killed at KSERIES_TOOL_TIMEOUT, named" sh -c "
	grep -q 'get_maintainer.pl --no-git .* did not finish within 2 s: it hangs, so kseries killed it; .*KSERIES_TOOL_TIMEOUT sets the limit' '$tmp/hang.log'"
check "tools: ... each patch says why it has no Cc, and nothing is left running" sh -c "
	grep -q '\"cc_error\": \"get_maintainer.pl did not finish within 2 s' '$tmp/hang/v4.12-gm/report.json' &&
	! ps -eo args | grep -q '^sleep 313[12]'"
pkill -f '^sleep 313[12]' 2>/dev/null

# --- 7: an old tree's get_maintainer.pl that today's Perl refuses (\C in a regex)
sed 's|if ($l =~ /^(\[MRLSFX\]):|if ($l =~ m/^(\\C):|' "$here/demo/common/scripts/get_maintainer.pl" |
	with_get_maintainer oldgm v4.12-oldgm 'a 3.x-era get_maintainer.pl'
check "old get_maintainer.pl: the stand-in dies on today's Perl" sh -c \
	"perl -c '$tmp/oldgm/scripts/get_maintainer.pl' 2>&1 | grep -q 'no longer supported'"
"$kseries" series -q --kernel "$tmp/oldgm" --rev v4.12-oldgm --no-build --out "$tmp/oldgm-out" \
	> "$tmp/oldgm.log" 2>&1
check "old get_maintainer.pl: run through kernel-fixups/tools, every patch is Cc'd" python3 -c "
import json, sys
r = json.load(open('$tmp/oldgm-out/v4.12-oldgm/report.json'))
sys.exit(not all(p['cc'] and not p['cc_error'] for p in r['patches']))"
check "old get_maintainer.pl: ... the report says which fixup, on a copy" \
	grep -q 'kernel-fixups/tools applied to a copy: perl522-get-maintainer' \
	"$tmp/oldgm-out/v4.12-oldgm/report.json"

# --- 8: boot refuses bad input before it makes --out (the corrected rerun needs no --force)
refused_early() {	# exit 2, the message, and no output folder
	test "$(cat "$tmp/rc")" = 2 && grep -q -- "$1" "$tmp/b.log" && test ! -e "$tmp/boot-out"
}
"$kseries" boot --image /bin/ls --headers /tmp --out "$tmp/boot-out" > "$tmp/b.log" 2>&1
echo $? > "$tmp/rc"
check "boot: --image /bin/ls is no bzImage: exit 2, nothing made" refused_early '/bin/ls is no bzImage'
"$kseries" boot --kernel "$repo" --rev no-such-rev --out "$tmp/boot-out" > "$tmp/b.log" 2>&1
echo $? > "$tmp/rc"
check "boot: a revision the repo lacks: exit 2, nothing made" refused_early 'no-such-rev'
"$kseries" boot --kernel "$repo" --rev v4.12-demo --timeout 5x --out "$tmp/boot-out" > "$tmp/b.log" 2>&1
echo $? > "$tmp/rc"
check "boot: --timeout 5x is no number (not 5)" refused_early '--timeout 5x: give a whole number'
mkdir "$tmp/noqemu"
for f in /usr/bin/* /bin/*; do
	case ${f##*/} in qemu-system-*) ;; *) [ -e "$tmp/noqemu/${f##*/}" ] || ln -s "$f" "$tmp/noqemu/";; esac
done
PATH="$tmp/noqemu" "$kseries" boot --kernel "$repo" --rev v4.12-demo --out "$tmp/boot-out" > "$tmp/b.log" 2>&1
echo $? > "$tmp/rc"
check "boot: no qemu is found first, before any work (exit 2, the package named)" \
	refused_early 'qemu-system-x86_64 not found: apt-get install qemu-system-x86'

# --- 8: a series folder's options and rule files that would break kseries
git clone -q "$repo" "$tmp/rw"
git -C "$tmp/rw" checkout -q v4.12-demo
series_copy() {	# $tmp/s: the shipped series, series.json changed by python ($1)
	rm -rf "$tmp/s"
	cp -R "$top/cocci" "$tmp/s"
	python3 -c "import json; p = '$tmp/s/series.json'; m = json.load(open(p)); $1; json.dump(m, open(p, 'w'))"
}
series_copy "m['options'].append({'name': 'out', 'define': 'x', 'help': 'h'})"
"$kseries" series --series "$tmp/s" --kernel "$repo" --rev v4.12-demo --no-build --out "$tmp/s-out" \
	> "$tmp/s.log" 2>&1
echo $? > "$tmp/rc"
check "series: an option named like kseries' own (out) is exit 2, named, before any work" sh -c "
	test \$(cat '$tmp/rc') = 2 && test ! -e '$tmp/s-out' &&
	grep -q 'option \"out\" has the name of kseries. own --out' '$tmp/s.log'"
series_copy "m['order'][0] = 'callers'; m['patches'][0]['rules'][0] = 'callers'"
"$kseries" rewrite --series "$tmp/s" "$tmp/rw" > "$tmp/s.log" 2>&1
echo $? > "$tmp/rc"
check "series: a rule path that is a folder is exit 2, named (no huge allocation)" sh -c "
	test \$(cat '$tmp/rc') = 2 && grep -q 'the rule file callers that .* is a folder' '$tmp/s.log'"
series_copy "m['order'][0] = 'fifo.cocci'; m['patches'][0]['rules'][0] = 'fifo.cocci'"
mkfifo "$tmp/s/fifo.cocci"
timeout 300 "$kseries" rewrite --series "$tmp/s" "$tmp/rw" > "$tmp/s.log" 2>&1
echo $? > "$tmp/rc"
check "series: a rule path that is a FIFO is exit 2 at once (never waited on)" sh -c "
	test \$(cat '$tmp/rc') = 2 && grep -q 'fifo.cocci that .* is no regular file' '$tmp/s.log'"
check "series: ... and the tree was left as it was" test -z "$(git -C "$tmp/rw" status --porcelain)"

# --- 8: small ones
mkdir "$tmp/aud"
cp "$top/tests/audit/cases/call_old_api.c" "$tmp/aud/"
"$kseries" audit "$tmp/aud" "$tmp/aud/call_old_api.c" "$tmp/aud/" > "$tmp/aud.log" 2>&1
check "audit: DIR and DIR/file.c (and DIR/ again): each finding once" sh -c "
	test \$(grep -c 'call_old_api.c:7:2: error' '$tmp/aud.log') = 1 && grep -q '1 C files hold the tokens; 1 findings' '$tmp/aud.log'"
cp -R "$tmp/o" "$tmp/vbig"
sed -i 's/^Subject: \[PATCH 00\//Subject: [PATCH v2147483647 00\//' "$tmp/vbig/v4.12-demo/series/0000-cover-letter.patch"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --no-build --previous "$tmp/vbig" --out "$tmp/vbig-out" \
	> "$tmp/vbig.log" 2>&1
echo $? > "$tmp/rc"
check "reroll: a previous cover letter saying v2147483647 is exit 2 (no overflow)" sh -c "
	test \$(cat '$tmp/rc') = 2 && grep -q 'says a version kseries cannot follow' '$tmp/vbig.log'"
cp -R "$repo" "$tmp/noid"
git -C "$tmp/noid" config user.email ""
"$kseries" series -q --kernel "$tmp/noid" --rev v4.12-demo --no-build --out "$tmp/noid-out" > "$tmp/noid.log" 2>&1
echo $? > "$tmp/rc"
check "identity: an empty user.email is exit 2, before any work" sh -c "
	test \$(cat '$tmp/rc') = 2 && test ! -e '$tmp/noid-out' && grep -q 'git does not know who you are' '$tmp/noid.log'"
git -C "$tmp/noid" config user.email "demo@@example.org"
"$kseries" series -q --kernel "$tmp/noid" --rev v4.12-demo --no-build --out "$tmp/noid-out" > "$tmp/noid.log" 2>&1
echo $? > "$tmp/rc"
check "identity: a user.email that is no address is exit 2, named" sh -c "
	test \$(cat '$tmp/rc') = 2 && grep -q \"address 'demo@@example.org' is no mail address\" '$tmp/noid.log'"
printf '#!/usr/bin/perl\nkill "INT", $$;\n' |
	with_get_maintainer gmint v4.12-int 'a get_maintainer.pl that dies of SIGINT'
"$kseries" series -q --kernel "$tmp/gmint" --rev v4.12-int --no-build --out "$tmp/int" > "$tmp/int.log" 2>&1
echo $? > "$tmp/rc"
check "tools: a get_maintainer.pl that dies of SIGINT: the run stops (130), naming the tool" sh -c "
	test \$(cat '$tmp/rc') = 130 && grep -q \"get_maintainer.pl .* died of signal 2 (Interrupt): kseries stops as for that signal\" '$tmp/int.log'"

finish
