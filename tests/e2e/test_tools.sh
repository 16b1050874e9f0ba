#!/bin/sh
# e2e: tools and input that go wrong (issue 7, items 7 and 9 to 12): a hanging
# tool, CRLF files, a read-only tree, a full disk, an --out Kbuild cannot use.
# Each says what happened and where, and never passes off a wrong result.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup

# --- 7: a spatch that hangs is named and killed, a slow one gets notes
mkdir -p "$tmp/hang" "$tmp/slow"
printf '#!/bin/sh\nexec sleep 301\n' > "$tmp/hang/spatch"
real_spatch=$(command -v spatch)
printf '#!/bin/sh\n[ "$1" != --version ] || sleep 2.5\nexec %s "$@"\n' "$real_spatch" \
	> "$tmp/slow/spatch"
chmod +x "$tmp/hang/spatch" "$tmp/slow/spatch"
git clone -q "$repo" "$tmp/t7"
git -C "$tmp/t7" checkout -q v4.12-demo
start=$(date +%s)
PATH="$tmp/hang:$PATH" KSERIES_QUERY_TIMEOUT=2 "$kseries" rewrite "$tmp/t7" > "$tmp/out7" 2>&1
echo $? > "$tmp/rc"
took=$(( $(date +%s) - start ))
check "tools: a hanging spatch --version: exit 2" test "$(cat "$tmp/rc")" = 2
check "tools: ... within its timeout ($took s)" test "$took" -lt 10
check "tools: ... the error names the command that hung" \
	grep -q "'spatch --version' did not finish within 2 s" "$tmp/out7"
check "tools: ... and the hung process is gone" sh -c "! ps -eo args | grep -qx 'sleep 301'"
check "tools: ... the tree is untouched" test -z "$(git -C "$tmp/t7" status --porcelain)"
PATH="$tmp/slow:$PATH" KSERIES_PROGRESS=1 "$kseries" rewrite "$tmp/t7" > "$tmp/out7b" 2>&1
echo $? > "$tmp/rc"
check "tools: a slow spatch is waited for: exit 0" test "$(cat "$tmp/rc")" = 0
check "tools: ... with a note on what kseries waits for" \
	grep -q "still waiting for 'spatch .*' (pid [0-9]*) after [0-9]* s" "$tmp/out7b"
KSERIES_QUERY_TIMEOUT=2x "$kseries" rewrite "$tmp/t7" > "$tmp/out7c" 2>&1
check "tools: KSERIES_QUERY_TIMEOUT=2x is an error that names it" \
	grep -q 'KSERIES_QUERY_TIMEOUT=2x: give a whole number of seconds' "$tmp/out7c"

# --- 9: CRLF files keep CR LF on every line; a file of mixed endings is refused
git clone -q "$repo" "$tmp/t9"
git -C "$tmp/t9" checkout -q -b crlf v4.12-demo
sed -i 's/$/\r/' "$tmp/t9/mm/rmap.c" "$tmp/t9/drivers/xen/gntdev.c"
git -C "$tmp/t9" commit -qam 'CRLF files'
cp -r "$tmp/t9" "$tmp/t9w"
"$kseries" rewrite "$tmp/t9w" > "$tmp/out9" 2>&1
echo $? > "$tmp/rc"
all_crlf() {
	for f in "$@"; do
		lines=$(wc -l < "$f"); cr=$(grep -c "$(printf '\r')\$" "$f")
		[ "$lines" = "$cr" ] || { echo "$f: $cr of $lines lines end in CR LF"; return 1; }
		! grep -q "$(printf '\r\r')" "$f" || { echo "$f: a line ends in CR CR"; return 1; }
	done
}
check "tools: rewrite of CRLF files: exit 0" test "$(cat "$tmp/rc")" = 0
check "tools: ... they were rewritten" sh -c "
	grep -q mmu_notifier_invalidate_range_start '$tmp/t9w/mm/rmap.c' &&
	! grep -q '\.invalidate_page' '$tmp/t9w/drivers/xen/gntdev.c'"
check "tools: ... every line still ends in CR LF" all_crlf "$tmp/t9w/mm/rmap.c" "$tmp/t9w/drivers/xen/gntdev.c"
check "tools: ... and the brackets written there are balanced" balance_findings "$tmp/t9w/mm/rmap.c"
"$kseries" series -q --no-build --kernel "$tmp/t9" --rev crlf --out "$tmp/o9" > "$tmp/out9s" 2>&1
echo $? > "$tmp/rc"
check "tools: series of a CRLF tree: exit 0" test "$(cat "$tmp/rc")" = 0
check "tools: ... git am --keep-cr of its patches passes; b4's mbox, which drops the CRs, is a named warning" sh -c "
	grep -q '    ok git am of the patch files' '$tmp/o9/crlf/report.txt' &&
	grep -q '    WARNING git am of b4 am.s mbox (b4 drops the CR of CR LF lines' '$tmp/o9/crlf/report.txt'"
# the + and - lines of FILE's hunks in the patches given: each ends in CR LF
hunks_crlf() {
	file=$1; shift
	cat "$@" | awk -v hdr="+++ b/$file" '
		$0 == hdr { f = 1; n = 0; next }
		/^diff / || /^-- $/ { f = 0 }
		f && /^[+-]/ { n++; if (!/\r$/) bad++ }
		END { if (!n || bad) { print n " lines, " bad " without CR"; exit 1 } }'
}
patches=$(ls "$tmp/o9/crlf/series/"0*.patch | grep -v cover-letter | tr '\n' ' ')
# shellcheck disable=SC2086
both_crlf() { hunks_crlf mm/rmap.c $patches && hunks_crlf drivers/xen/gntdev.c $patches; }
check "tools: ... the patches' lines for CRLF files end in CR LF" both_crlf
check "tools: ... and the series applies to give the rewritten files" sh -c "
	git clone -q '$tmp/t9' '$tmp/t9a' && cd '$tmp/t9a' && git checkout -q crlf &&
	git am -q --keep-cr $patches &&
	cmp mm/rmap.c '$tmp/t9w/mm/rmap.c' && cmp drivers/xen/gntdev.c '$tmp/t9w/drivers/xen/gntdev.c'"
git clone -q "$repo" "$tmp/t9m"
git -C "$tmp/t9m" checkout -q v4.12-demo
sed -i '5,$s/$/\r/' "$tmp/t9m/drivers/xen/gntdev.c"
cp "$tmp/t9m/drivers/xen/gntdev.c" "$tmp/gntdev.mixed"
"$kseries" rewrite --force "$tmp/t9m" > "$tmp/out9m" 2>&1
echo $? > "$tmp/rc"
check "tools: a file of mixed line endings: exit 1" test "$(cat "$tmp/rc")" = 1
check "tools: ... named, with its counts and the fix" \
	grep -q 'drivers/xen/gntdev.c: left as it was: .* lines end in CR LF, the others in LF; give them one kind' "$tmp/out9m"
check "tools: ... and left exactly as it was" cmp "$tmp/gntdev.mixed" "$tmp/t9m/drivers/xen/gntdev.c"
check "tools: ... its callbacks stay as residuals" \
	grep -q 'residual use after the rewrite: drivers/xen/gntdev.c' "$tmp/out9m"

# --- 10: a tree kseries cannot write is refused before anything changes
as_user() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$tmp" "$@"
	else
		"$@"
	fi
}
chmod 755 "$tmp"
git clone -q "$repo" "$tmp/t10"
git -C "$tmp/t10" checkout -q v4.12-demo
chmod -R a+rX "$tmp/t10"
chmod a-w "$tmp/t10/fs/dax.c" "$tmp/t10/mm/rmap.c"
[ "$(id -u)" = 0 ] && chown -R nobody "$tmp/t10" && chown root "$tmp/t10/fs/dax.c" "$tmp/t10/mm/rmap.c"
as_user "$kseries" rewrite "$tmp/t10" > "$tmp/out10" 2>&1
echo $? > "$tmp/rc"
check "tools: read-only files in the tree: exit 2" test "$(cat "$tmp/rc")" = 2
check "tools: ... named, with the reason and the fix" grep -q \
	"cannot write 2 of the 20 files to rewrite under .* (Permission denied): fs/dax.c, mm/rmap.c; nothing was changed: make them writable" \
	"$tmp/out10"
check "tools: ... and nothing was changed" sh -c "
	git -c safe.directory='*' -C '$tmp/t10' status --porcelain > '$tmp/st10' && test ! -s '$tmp/st10'"

# --- 11: a full disk says so, and where
if unshare -rm true 2>/dev/null; then
	mkdir -p "$tmp/small"
	for size in 8k 40k; do
		unshare -rm sh -c "mount -t tmpfs -o size=$size tmpfs '$tmp/small' &&
			'$kseries' series -q --no-build --kernel '$repo' --rev v4.12-demo \
				--out '$tmp/small/o' > '$tmp/out11' 2>&1; echo \$? > '$tmp/rc'"
		check "tools: a full disk ($size): exit 1" test "$(cat "$tmp/rc")" = 1
		check "tools: ... the error says the disk is full, and where" \
			grep -q "the disk (or your quota) is full where $tmp/small/o[^ ]* lives: 0 KiB free" "$tmp/out11"
	done
	check "tools: ... the user's repo has no worktree left" \
		test "$(git -C "$repo" worktree list | wc -l)" = 1
else
	echo "SKIP tools: full disk (unshare -rm is not allowed here)"
fi

# --- 12: an --out Kbuild cannot build in is refused before anything is written
mkdir "$tmp/sp ace"
"$kseries" series -q --kernel "$repo" --rev v4.12-demo --arch x86_64 --out "$tmp/sp ace/o" \
	> "$tmp/out12" 2>&1
echo $? > "$tmp/rc"
check "tools: --out with a space and a build: exit 2" test "$(cat "$tmp/rc")" = 2
check "tools: ... saying why, and what to do" \
	grep -q 'has a space or a colon, and Kbuild cannot build there; give an --out without them, or --no-build' "$tmp/out12"
check "tools: ... nothing written, here or beside it" sh -c "
	test ! -e '$tmp/sp ace/o' && test ! -e '$tmp/sp'"
"$kseries" series -q --no-build --kernel "$repo" --rev v4.12-demo --out "$tmp/sp ace/o" \
	> "$tmp/out12b" 2>&1
check "tools: ... while --no-build works there" grep -q '^v4.12-demo  *converted' "$tmp/sp ace/o/matrix.txt"
finish
