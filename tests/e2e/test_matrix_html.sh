#!/bin/sh
# e2e (issue 16): matrix.html in a real browser. Debian's headless Chromium
# loads the page of two runs merged (one cell made to fail), its DOM is
# checked cell by cell against matrix.json, and its screenshot must show the
# colours of an ok and of a failed cell.
set -u
. "$(dirname "$0")/../lib.sh"
e2e_demo_setup
py="python3 -B"
chromium=$(command -v chromium || command -v chromium-browser || true)
check "chromium is installed (make deps)" test -n "$chromium"
[ -n "$chromium" ] || { finish; exit 1; }
browse() { # chromium's headless mode, as root too, with a profile of its own
	"$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
		--user-data-dir="$tmp/profile" "$@" 2>>"$tmp/chromium.log"
}

"$kseries" series --kernel "$repo" --rev v4.12-demo --rev v4.13-demo --arch x86_64 --arch arm \
	--no-bisect --allow-unproven --out "$tmp/a" > "$tmp/a.log" 2>&1
check "run: two revisions on two arches" test $? -eq 0
# a second run whose arm cell failed, newer: the merged page shows one red cell
cp -R "$tmp/a" "$tmp/b"
$py -c "
import json
p = '$tmp/b/v4.12-demo/report.json'
r = json.load(open(p))
for c in r['build']['archs']:
    if c['arch'] == 'arm':
        c['state'], c['regressions'], c['reason'] = 'failed', ['mm/rmap.o'], 'made to fail <here> & there'
r['state'] = 'failed'
r['finished'] = '2099-01-01T00:00:00Z'
json.dump(r, open(p, 'w'))"
"$kseries" matrix --prefer newest --out "$tmp/m" "$tmp/a" "$tmp/b" > "$tmp/m.log" 2>&1
check "merge: exit 1 (a failed cell)" test $? -eq 1

browse --dump-dom "file://$tmp/m/matrix.html" > "$tmp/dom.html"
check "chromium: the DOM it built has the matrix table" grep -q '<table id="matrix">' "$tmp/dom.html"
check "chromium: every cell of matrix.json is in the DOM with its state, counts and links" \
	$py "$here/../matrix_html_check.py" "$tmp/m" "$tmp/dom.html"
check "chromium: the failed cell and its reason, escaped, are in the DOM" $py -c "
import sys
sys.path.insert(0, '$here/..')
from matrix_html_check import problems
bad, page = problems('$tmp/m', '$tmp/dom.html')
sys.exit(not (page.cells[('v4.12-demo', 'arm')]['data-state'] == 'failed' and
              'made to fail <here> & there' in ''.join(page.text)))"

browse --window-size=1400,700 --screenshot="$tmp/matrix.png" "file://$tmp/m/matrix.html" >/dev/null
check "chromium: a screenshot of the page" test -s "$tmp/matrix.png"
# the PNG decoded (8-bit RGB or RGBA, as chromium writes it): count the cells' colours
check "screenshot: ok cells are green and the failed one red" $py - "$tmp/matrix.png" <<'EOF'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n'
pos, idat, w = 8, b'', 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
        assert depth == 8 and ctype in (2, 6), (depth, ctype)
        bpp = 3 if ctype == 2 else 4
    elif kind == b'IDAT':
        idat += body
    pos += 12 + n
raw, stride, prev, counts = zlib.decompress(idat), w * bpp, None, {}
rows = []
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b = prev[x] if prev else 0
        c = prev[x - bpp] if prev and x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    for x in range(0, stride, bpp):
        px = tuple(line[x:x + 3])
        counts[px] = counts.get(px, 0) + 1
green, red = counts.get((0xc9, 0xf0, 0xc9), 0), counts.get((0xf7, 0xb9, 0xb9), 0)
print('green', green, 'red', red)
sys.exit(not (green > 5000 and red > 2000))
EOF
finish
