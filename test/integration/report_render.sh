#!/usr/bin/env bash
# The printable forms rendered as a person sees them: Appendix 5 and Appendix 8,
# in Russian and Kazakh, written by the database as HTML and rendered by headless
# Chromium (Debian chromium) to PNG.  Checks: a font with Kazakh glyphs is
# installed, Chromium reads the document as UTF-8 (its DOM has the form's
# headings), and each picture has ink in it and the long ruled lines of a
# bordered table.  The PNGs stay in .cluster/logs/report_render/ to look at
# (docs/appendix8_ru.png in the README is one of them, from the demo).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out="$repo/.cluster/logs/report_render"
rm -rf "$out"
mkdir -p "$out"
db=ic_report_render
failed=0
ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; failed=$((failed + 1)); }

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	notok "chromium is installed (scripts/install-deps.sh installs Debian's chromium)"
	exit 1
fi
ok "chromium found: $browser"
if [ -n "$(fc-list :lang=kk family 2>/dev/null)" ]; then ok "a font covers Kazakh (fc-list :lang=kk)"; else notok "a font covers Kazakh (fonts-dejavu-core)"; fi

dropdb --if-exists "$db" >/dev/null
createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION instruction_control' >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$repo/demo/35_report_registry.sql" >/dev/null
act="(SELECT id FROM instruction_control.act WHERE external_ref = 'R-ACT-1')"
gov="(SELECT id FROM instruction_control.state_body WHERE code = 'R-GOV')"

# NAME SQL HEADING: write the HTML, render it, check it
render() {
	local name=$1 sql=$2 heading=$3
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "$sql" >"$out/$name.html"
	# Chromium runs as root here: no sandbox; its own profile directory
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
		--user-data-dir="$out/profile" --window-size=1400,1000 \
		--screenshot="$out/$name.png" "file://$out/$name.html" >"$out/$name.log" 2>&1 || true
	timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$out/profile" \
		--dump-dom "file://$out/$name.html" >"$out/$name.dom" 2>>"$out/$name.log" || true
	if [ -s "$out/$name.png" ]; then ok "$name: rendered to PNG by Chromium"; else notok "$name: rendered to PNG by Chromium (see $out/$name.log)"; return; fi
	if grep -qF "$heading" "$out/$name.dom"; then ok "$name: Chromium's DOM holds the heading \"$heading\" (read as UTF-8)"
	else notok "$name: Chromium's DOM holds the heading \"$heading\""; fi
	# Decode the PNG (8-bit RGB/RGBA, no interlace) and look at the ink.
	if /usr/bin/python3 - "$out/$name.png" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n'
pos, idat, w, h, ctype = 8, b'', 0, 0, 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8]); body = data[pos + 8:pos + 8 + n]; pos += 12 + n
    if kind == b'IHDR': w, h, depth, ctype, _, _, inter = struct.unpack('>IIBBBBB', body); assert depth == 8 and inter == 0
    elif kind == b'IDAT': idat += body
bpp = {2: 3, 6: 4}[ctype]
raw, stride, prev, rows = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line); prev = line
dark = lambda row, x: sum(row[x * bpp:x * bpp + 3]) < 3 * 110
ink = sum(dark(r, x) for r in rows[::2] for x in range(0, w, 2)) / ((h // 2) * (w // 2))
ruled = sum(1 for r in rows if sum(dark(r, x) for x in range(0, w, 4)) > 0.8 * (w // 4))
print("%dx%d, ink %.1f%%, %d ruled lines" % (w, h, 100 * ink, ruled))
sys.exit(0 if w == 1400 and h == 1000 and 0.01 < ink < 0.5 and ruled >= 5 else 1)
PY
	then ok "$name: the picture has text and the ruled lines of a bordered table"
	else notok "$name: the picture has text and the ruled lines of a bordered table"; fi
}

render appendix5_ru "SELECT instruction_control.form_control_approval_html($act, 'ru')" "УТВЕРЖДЕНИЕ КОНТРОЛЯ"
render appendix5_kk "SELECT instruction_control.form_control_approval_html($act, 'kk')" "БАҚЫЛАУДЫ БЕКІТУ"
render appendix8_ru "SELECT instruction_control.form_annual_summary_html($gov, 2025, 'ru')" "В сфере здравоохранения"
render appendix8_kk "SELECT instruction_control.form_annual_summary_html($gov, 2025, 'kk')" "Денсаулық сақтау саласында"
rm -rf "$out/profile"
dropdb --if-exists "$db" >/dev/null
exit $((failed > 0))
