#!/usr/bin/env bash
# A BI client's view of the reports: a Python program using psycopg2 (Debian
# python3-psycopg2) connects as a dashboard tool would, reads every reporting
# view and every form, and checks that each column it receives has a plain
# built-in type (the type OID in cursor.description is a pg_catalog type among
# text, date, integer, bigint, boolean, numeric) and converts to a Python value.
# It runs against the test cluster (PG* variables from scripts/test.sh) in a
# database of its own, filled with the demo's generated registry.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
db=ic_report_bi
dropdb --if-exists "$db" >/dev/null
createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'CREATE EXTENSION instruction_control' >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$repo/demo/35_report_registry.sql" >/dev/null
# a draft under review (R33), for report_open_draft (issue 20, item 1)
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -c "SELECT instruction_control.receive_draft('instruction_draft',
  (SELECT min(id) FROM instruction_control.state_body WHERE body_type = 'central'), 'first_head', external_ref => 'BI-DRAFT-1')" >/dev/null
echo "ok - the demo registry loads through the API into $db"

# Debian's python3, which python3-psycopg2 serves (not a python3 earlier on PATH)
PGDATABASE=$db /usr/bin/python3 - <<'PY'
import csv, datetime, decimal, io, sys
import psycopg2

failed = 0
def check(cond, what):
    global failed
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        failed += 1

conn = psycopg2.connect("")          # PGHOST, PGPORT, PGUSER, PGDATABASE from the environment
conn.set_session(readonly=True)
cur = conn.cursor()

# The plain types a BI driver reads natively, by OID, from pg_catalog itself.
cur.execute("""SELECT oid, typname FROM pg_catalog.pg_type
                WHERE typnamespace = 'pg_catalog'::regnamespace
                  AND typname IN ('text', 'date', 'int4', 'int8', 'bool', 'numeric')""")
plain = dict(cur.fetchall())
check(len(plain) == 6, "the six plain types are found in pg_catalog")
pytypes = {'text': str, 'date': datetime.date, 'int4': int, 'int8': int, 'bool': bool, 'numeric': decimal.Decimal}

cur.execute("""SELECT c.relname FROM pg_catalog.pg_class c
                WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind = 'v'
                  AND c.relname LIKE 'report\\_%' ORDER BY 1""")
views = [r[0] for r in cur.fetchall()]
check(len(views) == 8, "eight reporting views (report_open_draft: drafts, issue 20): " + ", ".join(views))

cur.execute("SELECT id FROM instruction_control.act WHERE external_ref = 'R-ACT-1'")
act = cur.fetchone()[0]
cur.execute("SELECT id FROM instruction_control.state_body WHERE code = 'R-GOV'")
gov = cur.fetchone()[0]

queries = [(v, "SELECT * FROM instruction_control.%s LIMIT 200" % v) for v in views] + [
    ("form_control_approval", "SELECT * FROM instruction_control.form_control_approval(%d, 'ru')" % act),
    ("form_annual_summary", "SELECT * FROM instruction_control.form_annual_summary(%d, 2025, 'kk')" % gov),
    ("form_control_approval_csv", "SELECT instruction_control.form_control_approval_csv(%d, 'kk')" % act),
    ("form_annual_summary_csv", "SELECT instruction_control.form_annual_summary_csv(%d, 2025, 'ru')" % gov),
    ("form_control_approval_html", "SELECT instruction_control.form_control_approval_html(%d, 'ru')" % act),
    ("form_annual_summary_html", "SELECT instruction_control.form_annual_summary_html(%d, 2025, 'kk')" % gov),
]
for name, sql in queries:
    cur.execute(sql)
    rows = cur.fetchall()
    bad = [(d.name, d.type_code) for d in cur.description if d.type_code not in plain]
    check(not bad, "%s: %d columns, every type OID plain%s" % (name, len(cur.description), "" if not bad else " (not: %r)" % bad))
    check(len(rows) > 0, "%s: returns rows (%d)" % (name, len(rows)))
    wrong = set()
    for row in rows:
        for d, value in zip(cur.description, row):
            if value is not None and not isinstance(value, pytypes[plain[d.type_code]]):
                wrong.add((d.name, type(value).__name__))
    check(not wrong, "%s: every value converts to its Python type%s" % (name, "" if not wrong else " (not: %r)" % sorted(wrong)))

# A dashboard query: overdue by body, on-time rate by body for a year.
cur.execute("""SELECT responsible_body_name_ru, count(*) FROM instruction_control.report_overdue
                GROUP BY 1 ORDER BY 2 DESC""")
tiles = cur.fetchall()
check(len(tiles) > 0 and all(isinstance(n, int) for _, n in tiles), "dashboard: overdue instructions per body (%d bodies)" % len(tiles))
cur.execute("""SELECT body_code, round(100.0 * sum(on_time) / nullif(sum(on_time) + sum(late), 0), 1)
                 FROM instruction_control.report_discipline WHERE year = 2025 GROUP BY 1 ORDER BY 1""")
rates = cur.fetchall()
check(len(rates) > 0 and all(r is None or isinstance(r, decimal.Decimal) for _, r in rates),
      "dashboard: on-time rate per body for 2025 as numeric")
cur.execute("""SELECT point FROM instruction_control.report_control_card
                WHERE act_id = %s ORDER BY point_sort_key LIMIT 6""", (act,))
pts = [r[0] for r in cur.fetchall()]
check(pts[:6] == ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2'], "dashboard: cards ordered by point_sort_key: %s" % pts)

# The CSV a BI tool imports: parsed by Python's csv module, every row as wide as the header.
for name in ("form_control_approval_csv", "form_annual_summary_csv"):
    arg = "%d, 'ru'" % act if name.startswith("form_control") else "%d, 2025, 'ru'" % gov
    cur.execute("SELECT instruction_control.%s(%s)" % (name, arg))
    table = list(csv.reader(io.StringIO(cur.fetchone()[0], newline='')))
    check(len(table) > 1 and all(len(r) == len(table[0]) for r in table),
          "%s: %d CSV rows of %d fields each" % (name, len(table), len(table[0])))

# COPY ... TO STDOUT CSV HEADER of a view, as the README documents.
buf = io.StringIO()
cur.copy_expert("COPY (SELECT instruction_id, point, due_date, status FROM instruction_control.report_control_card ORDER BY 1) TO STDOUT WITH (FORMAT csv, HEADER)", buf)
lines = buf.getvalue().splitlines()
check(lines[0] == "instruction_id,point,due_date,status" and len(lines) > 100, "COPY of the control card as CSV: %d lines" % len(lines))

conn.close()
sys.exit(1 if failed else 0)
PY
dropdb --if-exists "$db" >/dev/null
