#!/usr/bin/env bash
# The forms printed on A4 (issue 17, item 5): Appendix 5 and Appendix 8, in
# Russian and Kazakh, written by the database as HTML (form_*_html) and printed
# to PDF by headless Chromium (chromium --print-to-pdf, as a user prints them).
# Checks, on the demo registry (demo/35_report_registry.sql) with a body of a
# very long name and an instruction of a long text added:
#   - pdfinfo: every page is A4 landscape (842 x 595 pt, wider than high);
#   - pdftotext -layout: every date dd.mm.yyyy of the HTML comes out whole, as
#     many times as the HTML has it, and no cut date (dd.mm.yyy or dd.mm.yy,
#     a piece of a date) is left anywhere;
#   - every word of every column heading (report_form_columns) comes out whole,
#     as many times as the HTML's text has it (a word cut across two lines
#     would be two pieces and count less).
# The PDFs and their text stay in .cluster/logs/report_print/ to look at.
# Needs chromium and poppler-utils (scripts/install-deps.sh).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
out="$repo/.cluster/logs/report_print"
rm -rf "$out"
mkdir -p "$out"
db=ic_report_print
failed=0
ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; failed=$((failed + 1)); }

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
	notok "chromium is installed (scripts/install-deps.sh installs Debian's chromium)"
	exit 1
fi
for tool in pdfinfo pdftotext; do
	if ! command -v "$tool" >/dev/null; then
		notok "$tool is installed (scripts/install-deps.sh installs poppler-utils)"
		exit 1
	fi
done
ok "chromium, pdfinfo and pdftotext found"

dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION instruction_control' >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$repo/demo/35_report_registry.sql" >/dev/null
# A body with a very long name, responsible for a point of act R-ACT-1 under the
# Government's control, with a long text and long words; its deadline is on
# 29.11.2024 (the date the issue saw cut), a late date in a narrow column.
psql -X -q -v ON_ERROR_STOP=1 -d "$db" >/dev/null <<'SQL'
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';
INSERT INTO state_body (code, name, name_kk, name_ru, body_type, sector) VALUES
  ('R-LONG', 'Ministry of Ecology and Natural Resources',
   'Қазақстан Республикасы Экология және табиғи ресурстар министрлігінің Орман шаруашылығы және жануарлар дүниесі комитеті',
   'Комитет лесного хозяйства и животного мира Министерства экологии и природных ресурсов Республики Казахстан',
   'central', 'health care');
SELECT put_on_control('event', 'government', '2024-11-01', due_date => '2024-11-29', deadline_source => 'act',
  act_id => (SELECT id FROM act WHERE external_ref = 'R-ACT-1'), point => '99',
  responsible_body_id => (SELECT id FROM state_body WHERE code = 'R-LONG'),
  controlling_body_id => (SELECT id FROM state_body WHERE code = 'R-GOV'),
  content => 'Обеспечить совершенствование законодательства о высокотехнологичной природоохранной деятельности, '
          || 'внутригосударственного мониторинга и межведомственного взаимодействия с учетом рекомендаций '
          || 'Организации экономического сотрудничества и развития (ОЭСР) до 29.11.2024 и 31.12.2025',
  completion_form => 'Информация в Администрацию Президента Республики Казахстан',
  final_result => 'Принятие Закона Республики Казахстан «О внесении изменений и дополнений в некоторые законодательные акты»');
SQL
act="(SELECT id FROM instruction_control.act WHERE external_ref = 'R-ACT-1')"
gov="(SELECT id FROM instruction_control.state_body WHERE code = 'R-GOV')"

# NAME FORM SQL: write the HTML, print it to PDF, check the PDF
print_form() {
	local name=$1 form=$2 lang=$3 sql=$4
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "$sql" >"$out/$name.html"
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" \
		-c "SELECT CASE '$lang' WHEN 'kk' THEN heading_kk ELSE heading_ru END FROM instruction_control.report_form_columns('$form') WHERE number IS NOT NULL" \
		>"$out/$name.headings"
	# Chromium runs as root here: no sandbox; its own profile directory; no
	# header or footer lines of its own (old and new spelling of the switch)
	rm -f "$out/$name.pdf"
	timeout 180 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$out/profile" \
		--no-pdf-header-footer --print-to-pdf-no-header --print-to-pdf="$out/$name.pdf" \
		"file://$out/$name.html" >"$out/$name.log" 2>&1 || true
	if [ ! -s "$out/$name.pdf" ]; then
		notok "$name: printed to PDF by Chromium (see ${out#$repo/}/$name.log)"
		return
	fi
	pdfinfo -f 1 -l 1000 "$out/$name.pdf" >"$out/$name.info"
	pdftotext -layout -enc UTF-8 "$out/$name.pdf" "$out/$name.txt"
	local pages
	pages=$(grep -c '^Page *[0-9]* size:' "$out/$name.info" || true)
	# A4 is 841.89 x 595.28 pt; Chromium writes 841.92 x 594.96 (whole device pixels)
	if [ "$pages" -gt 0 ] && ! grep '^Page *[0-9]* size:' "$out/$name.info" |
		awk '{ if ($4 < 840.5 || $4 > 843.5 || $6 < 593.5 || $6 > 596.5) bad = 1 } END { exit !bad }'; then
		ok "$name: $pages page(s), each A4 landscape (842 x 595 pt)"
	else
		notok "$name: each page A4 landscape (see ${out#$repo/}/$name.info)"
	fi
	/usr/bin/python3 - "$out/$name" <<'PY' && ok "$name: every date and every heading word comes out whole" || notok "$name: every date and every heading word comes out whole (see ${out#$repo/}/$name.txt)"
import html, re, sys
base = sys.argv[1]
page = open(base + '.html', encoding='utf-8').read()
# the text a reader sees: no head, no tags, entities decoded
text = html.unescape(re.sub(r'<[^>]+>', ' ', re.sub(r'(?s)<head>.*?</head>', ' ', page)))
pdf = open(base + '.txt', encoding='utf-8').read()
bad = []
date = re.compile(r'(?<!\d)\d\d\.\d\d\.\d{4}(?!\d)')
want = date.findall(text)
if not want:
    bad.append('the HTML has no date: the check would prove nothing')
for d in sorted(set(want)):
    if len(re.findall(r'(?<!\d)' + re.escape(d) + r'(?!\d)', pdf)) < want.count(d):
        bad.append('date %s: %d in the HTML, %d whole in the PDF' % (d, want.count(d), pdf.count(d)))
pieces = re.findall(r'(?<![\d.])\d\d\.\d\d\.\d{0,3}(?!\d)', pdf)
if pieces:
    bad.append('cut dates in the PDF: %s' % pieces[:5])
word = re.compile(r'[^\W\d_]+')
headings = open(base + '.headings', encoding='utf-8').read()
for w in sorted(set(word.findall(headings))):
    pat = re.compile(r'(?<![^\W\d_])' + re.escape(w) + r'(?![^\W\d_])')
    n_html, n_pdf = len(pat.findall(text)), len(pat.findall(pdf))
    if n_pdf < n_html:
        bad.append('heading word %r: %d in the HTML, %d whole in the PDF' % (w, n_html, n_pdf))
for b in bad:
    print('#   ' + b)
print('#   %d dates, %d heading words checked' % (len(want), len(set(word.findall(headings)))))
sys.exit(1 if bad else 0)
PY
}

print_form appendix5_ru control_approval ru "SELECT instruction_control.form_control_approval_html($act, 'ru')"
print_form appendix5_kk control_approval kk "SELECT instruction_control.form_control_approval_html($act, 'kk')"
print_form appendix8_ru annual_summary ru "SELECT instruction_control.form_annual_summary_html($gov, 2025, 'ru')"
print_form appendix8_kk annual_summary kk "SELECT instruction_control.form_annual_summary_html($gov, 2025, 'kk')"
rm -rf "$out/profile"
dropdb --if-exists "$db" >/dev/null 2>&1
exit $((failed > 0))
