#!/bin/sh
# Real-tree check of the worked example (examples/pci-zalloc, issue 21):
#   KSERIES_REPO=/path/to/kernel-repo KSERIES_REV=v4.12 tests/kernel/example.sh
# rewrite of a copy of REV and series with the build (KSERIES_ARCHS, default
# all five; --no-bisect unless KSERIES_BISECT=1). Asserted: rewrite exits 0
# with no call or definition of pci_zalloc_consistent left; series has 0 residuals, no idle patch,
# unique subjects, no build regression; git am of its patches equals the
# rewrite. Prints files, call sites, patches, build cells and times.
set -u
. "$(dirname "$0")/../lib.sh"
: "${KSERIES_REPO:?set KSERIES_REPO to a kernel git repo}" "${KSERIES_REV:?set KSERIES_REV}"
top=$(cd "$(dirname "$0")/../.." && pwd)
kseries="$top/driver/kseries"
ex="$top/examples/pci-zalloc"
tmp=$(mktemp -d)
trap 'git -C "$KSERIES_REPO" worktree remove --force "$tmp/rw" 2>/dev/null; git -C "$KSERIES_REPO" worktree remove --force "$tmp/am" 2>/dev/null; rm -rf "$tmp"' EXIT
revdir=$(printf '%s' "$KSERIES_REV" | sed 's|/|%2F|g')
archs=""
for a in ${KSERIES_ARCHS:-x86_64 arm64 arm powerpc mips}; do archs="$archs --arch $a"; done
bisect=--no-bisect
[ "${KSERIES_BISECT:-0}" = 1 ] && bisect=

git -C "$KSERIES_REPO" worktree add -q --detach "$tmp/rw" "$KSERIES_REV"
start=$(date +%s)
"$kseries" rewrite --series "$ex" "$tmp/rw" > "$tmp/rw.log" 2>&1
rc=$?
echo "rewrite: exit $rc in $(($(date +%s) - start)) s; $(tail -2 "$tmp/rw.log" | head -1)"
# comments may still name it (enic's do); no call and no definition may
check "example $KSERIES_REV: rewrite exit 0, no call or definition of pci_zalloc_consistent left" sh -c "
	test $rc = 0 && ! git -C '$tmp/rw' grep -q 'pci_zalloc_consistent(' -- '*.c' '*.h'"

start=$(date +%s)
# shellcheck disable=SC2086
"$kseries" series -q --no-cc --signoff $bisect $archs --series "$ex" --kernel "$KSERIES_REPO" \
	--rev "$KSERIES_REV" --out "$tmp/o" > "$tmp/o.log" 2>&1
rc=$?
r="$tmp/o/$revdir/report.txt"
echo "series: exit $rc in $(($(date +%s) - start)) s"
grep -E '^(files holding|found before|patches:|residuals after)' "$r"
grep -E '^  [a-z0-9_-]+ +(ok|failed|skipped) ' "$r"
check "example $KSERIES_REV: series exit 0, 0 residuals, no idle patch, no regression" sh -c "
	test $rc = 0 && grep -q '^residuals after the series: 0' '$r' && ! grep -q 'its rules changed none' '$r' &&
	! grep -q 'ERROR fails after the series' '$r'"
check "example $KSERIES_REV: subjects unique (the cover letter's too)" sh -c "
	test -z \"\$(grep -h '^Subject:' '$tmp/o/$revdir/series/'*.patch | sed 's/^Subject: \[PATCH [0-9]*\/[0-9]*\] //' | sort | uniq -d)\""
git -C "$KSERIES_REPO" worktree add -q --detach "$tmp/am" "$KSERIES_REV"
check "example $KSERIES_REV: git am of the series == rewrite" sh -c "
	cd '$tmp/am' && git am -q \$(ls '$tmp/o/$revdir/series/'*.patch | grep -v cover-letter) &&
	test \"\$(git rev-parse HEAD^{tree})\" = \"\$(cd '$tmp/rw' && git add -A && git write-tree)\""
grep '^  00' "$r"
finish
