#!/bin/sh
# make bench: kseries against the plain ways of doing the same work, on one
# real kernel revision, every figure from this one run:
#   rules:  series --no-build (cold and warm cache), rewrite (cache off, then
#           warm from series' run), the bare spatch
#           runs of the same rule files over the same files, the parse floor
#   builds: kseries' build step against the plain recipe (defconfig, the
#           same fragment, olddefconfig, prepare, one make -k of the same
#           objects per arch), cold and warm ccache; the per-patch bisect step
#   KSERIES_KERNEL=/path/to/kernel-repo KSERIES_REV=v4.12 make bench
# KSERIES_BENCH_BUILD=0 skips the builds (they take minutes), KSERIES_BENCH_ARCHS
# picks the arches (default: all five). A failed run fails the bench: no figure.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
kseries="$top/driver/kseries"
if [ -z "${KSERIES_KERNEL:-}" ]; then
	echo "kseries: bench: set KSERIES_KERNEL to a kernel git repo and KSERIES_REV to a revision (docs/testing.md: real trees)" >&2
	exit 2
fi
git -C "$KSERIES_KERNEL" rev-parse --git-dir >/dev/null 2>&1 ||
	{ echo "kseries: bench: $KSERIES_KERNEL is not a git repo: give one (docs/testing.md)" >&2; exit 2; }
rev=${KSERIES_REV:-HEAD}
archs=${KSERIES_BENCH_ARCHS:-x86_64 arm64 arm powerpc mips}
jobs=$(nproc)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kseries-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
now() { date +%s.%N; }
fail() { echo "kseries: bench: FAILED: $*; no figure" >&2; exit 1; }
manifest="$top/cocci/series.json"
json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); $2" "$1"; }

# timed NAME LOG CMD...: the seconds go to $tmp/t.NAME; a non-zero exit fails the bench
timed() {
	name=$1 log=$2
	shift 2
	t0=$(now)
	"$@" > "$log" 2>&1 || { tail -n 20 "$log" >&2; fail "$name exited non-zero ($*)"; }
	t1=$(now)
	echo "$t1 - $t0" | bc > "$tmp/t.$name"
	echo "kseries: bench: $name: $(cat "$tmp/t.$name") s" >&2
}

# the files that hold the series' tokens, and plain copies, made before any clock starts
tokens=$(json "$manifest" 'print(" ".join("-e " + t for t in d["tokens"]))')
# shellcheck disable=SC2086
git -C "$KSERIES_KERNEL" grep -lF $tokens "$rev" -- '*.c' '*.h' | sed "s|^$rev:||" | sort > "$tmp/files"
nfiles=$(wc -l < "$tmp/files")
[ "$nfiles" -gt 0 ] || fail "no file of $rev holds the series' tokens"
mkdir -p "$tmp/pristine" "$tmp/floor" "$tmp/bare"
git -C "$KSERIES_KERNEL" archive "$rev" | tar -x -C "$tmp/pristine"
cp -r "$tmp/pristine" "$tmp/rw"
(cd "$tmp/pristine" && tar -c -T "$tmp/files") | tar -x -C "$tmp/floor"
# the bare runs get those files only (they take no includes): what a person
# runs by hand after a grep, no .cocciconfig, no checks
(cd "$tmp/pristine" && tar -c -T "$tmp/files") | tar -x -C "$tmp/bare"

# --- rules -----------------------------------------------------------------
export KSERIES_CACHE_DIR="$tmp/cache"
timed series_cold "$tmp/s1.log" "$kseries" series -q --no-build --jobs "$jobs" \
	--kernel "$KSERIES_KERNEL" --rev "$rev" --out "$tmp/s1"
timed series_warm "$tmp/s2.log" "$kseries" series -q --no-build --jobs "$jobs" \
	--kernel "$KSERIES_KERNEL" --rev "$rev" --out "$tmp/s2"
# rewrite from nothing, as it was measured before the rules' results were kept
cp -r "$tmp/rw" "$tmp/rw2"
timed rewrite "$tmp/rw.log" env KSERIES_CACHE_DIR=off "$kseries" rewrite -q --jobs "$jobs" "$tmp/rw"
timed rewrite_warm "$tmp/rw2.log" "$kseries" rewrite -q --jobs "$jobs" "$tmp/rw2"
diff -r "$tmp/rw" "$tmp/rw2" > /dev/null || fail "rewrite with the rules' results kept wrote another tree than from nothing"
# what a person runs by hand: each rule file once over the tree, no checks
# the defines kseries' probes give this tree (series.json "probes")
json "$manifest" 'print("\n".join(p["define"] + " " + p["when_a_file_contains"] for p in d["probes"]))' |
	while read -r define text; do
		! grep -rqF --include='*.h' --include='*.c' -e "$text" "$tmp/pristine" || echo "$define"
	done > "$tmp/defines"
bare_runs() {
	for rule in $(json "$manifest" 'print(" ".join(d["order"]))'); do
		defs="-D patch"
		for v in $(cat "$tmp/defines"); do
			! grep -q "^virtual.*\b$v\b" "$top/cocci/$rule" || defs="$defs -D $v"
		done
		# shellcheck disable=SC2086
		(cd "$tmp" && spatch --sp-file "$top/cocci/$rule" $defs \
			--no-includes --include-headers --macro-file="$top/cocci/kernel-macros.h" \
			--python /usr/bin/python3 --dir "$tmp/bare" --in-place \
			--jobs="$jobs" --tmp-dir "$tmp") > "$tmp/rule.log" 2>&1 ||
			# a rule file none of whose rules apply to this tree is nothing to do
			grep -q "^No rules apply" "$tmp/rule.log" || { cat "$tmp/rule.log"; return 1; }
		echo "kseries: bench: bare $rule done" >&2
	done
}
timed bare "$tmp/bare.log" bare_runs
timed floor "$tmp/floor.log" spatch --parse-c "$tmp/floor"

# the comparisons mean something only if all three changed the same files
changed_files() { diff -rq "$tmp/floor" "$1" | grep -c '^Files ' || true; }
k=$(json "$tmp/s1/$rev/report.json" 'print(sum(1 for f in d["files"] if f.get("patch")))')
b=$(changed_files "$tmp/bare")
r=$(diff -rq "$tmp/pristine" "$tmp/rw" | grep -c "^Files " || true)
[ "$k" -gt 0 ] || fail "kseries series changed no file"
[ "$r" = "$k" ] || fail "rewrite changed $r files, series $k"
[ "$b" = "$k" ] || echo "kseries: bench: note: the bare runs changed $b files, series $k (the series' checks and catch-alls differ)" >&2

# --- builds ----------------------------------------------------------------
arch_flags=
for a in $archs; do arch_flags="$arch_flags --arch $a"; done
# plain_recipe NAME: for each arch, in a fresh O= folder of the pristine copy
plain_recipe() {
	for a in $archs; do
		python3 - "$tmp/s3/$rev/report.json" "$manifest" "$a" > "$tmp/recipe.$a" <<'PY'
import json, sys
rep, man, arch = json.load(open(sys.argv[1])), json.load(open(sys.argv[2])), sys.argv[3]
cell = next(c for c in rep["build"]["archs"] if c["arch"] == arch)
cfg = man["build"]["config"]
sets = ["-d DEBUG_INFO -d SECURITY_SELINUX -d STACK_VALIDATION"]
if arch == "powerpc":
    sets.append("-e PPC_DISABLE_WERROR")
for s in cfg.get("all", []) + cfg.get(arch, []):
    k, v = s.split("=", 1)
    sets.append({"y": "-e %s", "m": "-m %s", "n": "-d %s"}.get(v, "--set-val %s " + v) % k)
targets = sorted(set(cell["built"] + cell["not_buildable"] + cell["regressions"]))
# kseries' own prefixes (docs/usage.md), unless the report names another
cross = {"arm64": "aarch64-linux-gnu-", "arm": "arm-linux-gnueabi-",
         "powerpc": "powerpc64le-linux-gnu-", "mips": "mips-linux-gnu-"}.get(arch, "")
print(cell["defconfig"], cell["cross_compile"] or cross or "-")
print(" ".join(sets))
print(" ".join(targets))
PY
		{ read -r defconfig cross; read -r sets; read -r targets; } < "$tmp/recipe.$a"
		[ "$cross" != - ] || cross=
		o="$tmp/plain-$1/$a"
		mk="make -C $tmp/pristine O=$o ARCH=$a CROSS_COMPILE=$cross -j$jobs"
		$mk CC="ccache ${cross}gcc" "$defconfig" || return 1
		# shellcheck disable=SC2086
		"$tmp/pristine/scripts/config" --file "$o/.config" $sets || return 1
		$mk CC="ccache ${cross}gcc" olddefconfig || return 1
		$mk CC="ccache ${cross}gcc" prepare || return 1
		# the objects' own failures are the answer, as in kseries: make -k, any exit
		# shellcheck disable=SC2086
		$mk -k CC="ccache ${cross}gcc" $targets || true
	done
}
if [ "${KSERIES_BENCH_BUILD:-1}" != 0 ]; then
	export CCACHE_DIR="$tmp/ccache-kseries" CCACHE_NOHASHDIR=1
	# shellcheck disable=SC2086
	timed build_cold "$tmp/s3.log" "$kseries" series -q --no-bisect --jobs "$jobs" $arch_flags \
		--kernel "$KSERIES_KERNEL" --rev "$rev" --out "$tmp/s3"
	# shellcheck disable=SC2086
	timed build_warm "$tmp/s4.log" "$kseries" series -q --no-bisect --jobs "$jobs" $arch_flags \
		--kernel "$KSERIES_KERNEL" --rev "$rev" --out "$tmp/s4"
	# without W=1 and sparse: once to fill ccache for those flags, then timed warm
	# shellcheck disable=SC2086
	timed build_nowarn_cold "$tmp/s6.log" "$kseries" series -q --no-bisect --no-warnings --jobs "$jobs" $arch_flags \
		--kernel "$KSERIES_KERNEL" --rev "$rev" --out "$tmp/s6c"
	# shellcheck disable=SC2086
	timed build_nowarn "$tmp/s6.log" "$kseries" series -q --no-bisect --no-warnings --jobs "$jobs" $arch_flags \
		--kernel "$KSERIES_KERNEL" --rev "$rev" --out "$tmp/s6"
	# shellcheck disable=SC2086
	timed bisect "$tmp/s5.log" "$kseries" series -q --jobs "$jobs" $arch_flags \
		--kernel "$KSERIES_KERNEL" --rev "$rev" --out "$tmp/s5"
	export CCACHE_DIR="$tmp/ccache-plain"
	timed plain_cold "$tmp/p1.log" plain_recipe cold
	timed plain_warm "$tmp/p2.log" plain_recipe warm
fi

python3 - "$tmp" "$rev" "$nfiles" "$archs" <<'PY'
import os, sys
tmp, rev, nfiles, archs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
t = {n[2:]: float(open(os.path.join(tmp, n)).read()) for n in os.listdir(tmp) if n.startswith("t.")}
rows = []
def row(what, secs, base=None, goal=None):
    ratio = "%.2fx %s" % (secs / t[base], base) if base else ""
    met = "" if goal is None else ("goal < %g s: %s" % (goal, "met" if secs < goal else "missed"))
    rows.append("  %-52s %8.1f s  %-16s %s" % (what, secs, ratio, met))
print("kseries bench: %s, %s files hold the tokens, %d CPUs" % (rev, nfiles, os.cpu_count()))
row("series --no-build, cold cache", t["series_cold"], "bare")
row("series --no-build, warm cache", t["series_warm"], "bare", 6)
row("rewrite, cache off", t["rewrite"], "bare", 4)
row("rewrite, the rules' results kept by series", t["rewrite_warm"], "bare")
row("bare spatch: each rule file once over those files", t["bare"])
row("parse floor: one spatch --parse-c of those files", t["floor"])
if "build_cold" in t:
    k_cold = t["build_cold"] - t["series_warm"]
    k_warm = t["build_warm"] - t["series_warm"]
    t["plain cold"], t["plain warm"] = t["plain_cold"], t["plain_warm"]
    rows.append("  builds (%s): kseries' step is series --no-bisect minus series --no-build" % archs)
    row("kseries build step, cold ccache", k_cold, "plain cold")
    row("plain recipe, cold ccache", t["plain_cold"])
    row("kseries build step, warm ccache", k_warm, "plain warm", 40)
    row("plain recipe, warm ccache", t["plain_warm"])
    row("of it: W=1 and sparse (warm, against --no-warnings)", t["build_warm"] - t["build_nowarn"])
    row("per-patch bisect step (warm)", t["bisect"] - t["build_warm"])
print("\n".join(rows))
PY
