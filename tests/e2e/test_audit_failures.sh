#!/bin/sh
# e2e: the audit never swallows a failure (issue 14, item 6): spatch
# crashing, an option it would ignore, outputs that cannot be written,
# latin-1 text and names, binary data named .c, files git does not track,
# one file given by path, and a file spatch fails on among others.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_setup
cases="$here/../audit/cases"
real_spatch=$(command -v spatch)

# a guarded module that audits clean: notes only, exit 0
mkdir -p "$tmp/clean"
cp "$cases/guard_413.c" "$tmp/clean/"
"$kseries" audit "$tmp/clean" > "$tmp/out0" 2>&1
check "audit failures: the clean module audits clean (exit 0)" test $? = 0

mkdir "$tmp/segv"
cat > "$tmp/segv/spatch" <<EOS
#!/bin/sh
case " \$* " in *" --parse-c "*|*" --parse-ch "*) kill -SEGV \$\$;; esac
exec "$real_spatch" "\$@"
EOS
chmod +x "$tmp/segv/spatch"
PATH="$tmp/segv:$PATH" "$kseries" audit "$tmp/clean" > "$tmp/out1" 2>&1
check "audit failures: spatch --parse-c crashing: exit 2, not a clean audit" test $? = 2
check "audit failures: ... and it is said" grep -q "died of signal 11" "$tmp/out1"

"$kseries" audit --kvm-apic-range "$tmp/clean" > "$tmp/out2" 2>&1
check "audit failures: --kvm-apic-range, which the audit would ignore, is refused (exit 2)" test $? = 2
check "audit failures: ... with the reason" grep -q -- "--kvm-apic-range changes how the tree is rewritten" "$tmp/out2"

mkdir -p "$tmp/mod"
cp "$cases/array_plain.c" "$tmp/mod/"
for format in text json sarif; do
	"$kseries" audit --format "$format" -o /dev/full "$tmp/mod" > "$tmp/out3" 2>&1
	check "audit failures: --format $format -o onto a full disk: exit 2" test $? = 2
	check "audit failures: ... the file is named" grep -q "cannot write /dev/full" "$tmp/out3"
done
"$kseries" audit --fix guard -o /dev/full "$tmp/mod" > "$tmp/out3f" 2>&1
check "audit failures: --fix guard -o onto a full disk: exit 2" test $? = 2

# latin-1: a comment in the text, and a file name
latin="$tmp/latin"
mkdir "$latin"
{ printf '/* r\351sum\351: a comment in latin-1 */\n'; cat "$cases/array_plain.c"; } > "$latin/text.c"
cp "$cases/array_plain.c" "$latin/caf$(printf '\351').c"
"$kseries" audit "$latin" > "$tmp/out4" 2>&1
check "audit failures: latin-1 text and names: audited (exit 1, the findings' own errors)" test $? = 1
check "audit failures: ... the latin-1 text has its findings" grep -q "text.c:16:22: error" "$tmp/out4"
check "audit failures: ... the latin-1 name has its findings" env LC_ALL=C grep -q "caf.\.c:15:22: error" "$tmp/out4"
"$kseries" audit --format json "$latin" > "$tmp/out4.json" 2>/dev/null
check "audit failures: ... and the JSON is valid and keeps both" python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
files = set(f['file'] for f in d['findings'] if f['severity'] == 'error')
sys.exit(0 if len(files) == 2 else 1)" "$tmp/out4.json"

mkdir "$tmp/bin"
printf 'mmu_notifier_invalidate_page\000\001\002 struct mmu_notifier_ops\n' > "$tmp/bin/blob.c"
"$kseries" audit "$tmp/bin" > "$tmp/out5" 2>&1
check "audit failures: binary data named .c that holds the token: exit 1" test $? = 1
check "audit failures: ... named as not parsed" grep -q "blob.c:1:1: error: binary data" "$tmp/out5"

# a git work tree: an untracked file is on disk, so it is audited
git init -q "$tmp/repo"
cp "$cases/guard_413.c" "$tmp/repo/"
git -C "$tmp/repo" add guard_413.c
cp "$cases/array_plain.c" "$tmp/repo/untracked.c"
"$kseries" audit "$tmp/repo" > "$tmp/out6" 2>&1
check "audit failures: an untracked .c in a git work tree is audited" grep -q "untracked.c:15:22: error" "$tmp/out6"
"$kseries" audit "$tmp/repo/untracked.c" > "$tmp/out6b" 2>&1
check "audit failures: ... and so is the same file given by its path" \
	grep -q "untracked.c:15:22: error" "$tmp/out6b"
check "audit failures: ... alone: 1 C file holds the tokens" grep -q "audit: 1 C files hold the tokens" "$tmp/out6b"

# spatch fails on one file of three (as on a huge one: "EXN: Stack overflow")
mkdir "$tmp/over" "$tmp/three"
cat > "$tmp/over/spatch" <<EOS
#!/bin/sh
for a in "\$@"; do
	case \$prev in --file-groups) if grep -q huge.c "\$a"; then
		echo "EXN: Stack overflow" >&2; exit 0; fi;; esac
	prev=\$a
done
exec "$real_spatch" "\$@"
EOS
chmod +x "$tmp/over/spatch"
cp "$cases/array_plain.c" "$tmp/three/a.c"
cp "$cases/array_plain.c" "$tmp/three/huge.c"
cp "$cases/call_old_api.c" "$tmp/three/z.c"
PATH="$tmp/over:$PATH" "$kseries" audit "$tmp/three" > "$tmp/out7" 2>&1
check "audit failures: spatch failing on one file: exit 1, not 2" test $? = 1
check "audit failures: ... that file is named as not audited" \
	grep -q "huge.c:1:1: error: spatch fails on this file (see above): not audited" "$tmp/out7"
check "audit failures: ... and the others are audited" sh -c "
	grep -q 'a.c:15:22: error' '$tmp/out7' && grep -q 'z.c:7:2: error' '$tmp/out7'"
# spatch's parser itself dying (its stack overflows on a generated table; a
# small stack makes a small table enough): that file is named, the others
# in its batch are checked again and audited
mkdir "$tmp/table"
python3 - "$tmp/table/fw.c" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("/* generated for .invalidate_page users: firmware */\nstatic const unsigned char fw[] = {\n")
    for i in range(5000):
        f.write("\t" + ", ".join("0x%02x" % ((i * 12 + k) % 256) for k in range(12)) + ",\n")
    f.write("};\n")
PY
cp "$cases/call_old_api.c" "$tmp/table/mn.c"
(ulimit -s 256; "$kseries" audit --jobs 1 "$tmp/table" > "$tmp/out8" 2>&1)
check "audit failures: spatch's parser dying on a file: exit 1, not 2" test $? = 1
check "audit failures: ... the file named, as a file spatch dies on" sh -c "
	grep -q \"spatch's parser died on fw.c (Fatal error: exception Stack overflow)\" '$tmp/out8' &&
	grep -q \"fw.c:1:1: error: spatch's parser dies on this file\" '$tmp/out8'"
check "audit failures: ... the other file of its batch still audited" \
	grep -q 'mn.c:7:2: error: call of mmu_notifier_invalidate_page()' "$tmp/out8"
finish
