#!/usr/bin/env bash
# Least privilege by construction (issue 16, items 2 and 5), played by LOGIN roles over real
# connections, each holding exactly one ic_* role (or none):
#
#   - a stranger (no ic_* role) LISTENs on instruction_control_events while the administrator
#     sweeps: it is woken, but the payload is empty -- nothing of a state-secret Security Council
#     instruction (its id, kind, deadline, addressee) reaches it; next_events() refuses it (42501)
#   - a forged pg_notify() wakes a consumer (a Python loop: LISTEN, on a wake-up call next_events()
#     and mark_delivered() what it returns) and makes it do nothing: it never acts on a payload
#   - a replay of a past day writes its events (marked replayed) without waking anyone; notify => true wakes
#   - an integrator cannot reopen an event or forge delivered_by (42501); mark_delivered() records it
#   - an executor naming another body's hidden report id (OVERRIDING SYSTEM VALUE, COPY) gets
#     IC119, not 23505: the id tells nothing; COPY with ids too
#
# Runs against the server the PG* variables point at (stage 8 of scripts/test.sh).
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
db=ic_outbox_ids
failures=0
ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
same() { [ "$1" = "$2" ] || { echo "# expected: $2"; echo "#      got: $1"; return 1; }; }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" "$@"; }
# as ROLE: the SQLSTATE of the statement (or "none")
state_as() {
	local out
	out=$(psql -X -q -At -U "$1" -d "$db" -c '\set VERBOSITY sqlstate' -c "$2" 2>&1 >/dev/null)
	out=$(printf '%s\n' "$out" | sed -n 's/^ERROR: *\([0-9A-Z]\{5\}\).*/\1/p' | head -n 1)
	echo "${out:-none}"
}
roles="oi_stranger oi_integ oi_admin oi_exec"
cleanup() {
	dropdb --if-exists "$db" >/dev/null 2>&1
	for r in $roles; do psql -X -q -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1; done
}
cleanup
createdb "$db" || { not_ok "create $db"; exit 1; }
q -c "CREATE EXTENSION instruction_control" >/dev/null
psql -X -q -d postgres -v ON_ERROR_STOP=1 >/dev/null <<'SQL' || { not_ok "login roles"; cleanup; exit 1; }
CREATE ROLE oi_stranger LOGIN;
CREATE ROLE oi_integ LOGIN IN ROLE ic_integrator;
CREATE ROLE oi_admin LOGIN IN ROLE ic_admin;
CREATE ROLE oi_exec LOGIN IN ROLE ic_executor;
SQL
q -v ON_ERROR_STOP=1 >/dev/null <<'SQL'
SET search_path = instruction_control;
INSERT INTO state_body (code, name, body_type) VALUES ('OI_SC', 'Security Council body', 'central'),
                                                      ('OI_EX', 'The executor''s ministry', 'central');
INSERT INTO body_member SELECT 'oi_exec', id FROM state_body WHERE code = 'OI_EX';
-- a state-secret Security Council instruction, long overdue
INSERT INTO act (act_type, secrecy) VALUES ('security_council_decision', 'state_secret');
SELECT put_on_control('security_council', 'pa', current_date - 60, term => '10 wd', secrecy => 'state_secret',
                      paper_card_ref => 'card SC-1',
                      responsible_body_id => (SELECT id FROM state_body WHERE code = 'OI_SC'),
                      external_ref => 'OI-SC-SECRET', pa_unit => 'Бақылау бөлімі');
SELECT put_on_control('act_point', 'pa', current_date - 60, term => '10 wd',
                      responsible_body_id => (SELECT id FROM state_body WHERE code = 'OI_EX'),
                      external_ref => 'OI-EX', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат');
-- body OI_SC's report, hidden from the executor
SELECT submit_report((SELECT id FROM instruction WHERE external_ref = 'OI-SC-SECRET'), 'intermediate',
                     submitted_by_body_id => (SELECT id FROM state_body WHERE code = 'OI_SC'));
SQL
sc_id=$(q -c "SELECT id FROM instruction_control.instruction WHERE external_ref = 'OI-SC-SECRET'")
ex_id=$(q -c "SELECT id FROM instruction_control.instruction WHERE external_ref = 'OI-EX'")
hidden_report=$(q -c "SELECT id FROM instruction_control.report")

# --- 1-3. the channel: a stranger listens, a consumer loop acts on next_events() only --------------
PGDATABASE=$db SC_ID=$sc_id REPLAY_DAYS=$(q -c "SELECT instruction_control.add_working_days(due_date, -5)
	|| ' ' || instruction_control.add_working_days(due_date, -1) FROM instruction_control.instruction WHERE id = $sc_id") \
/usr/bin/python3 - <<'PY'
import os, select, time
import psycopg2, psycopg2.extensions

failed = 0
def check(cond, what):
    global failed
    print(("ok - " if cond else "not ok - ") + what)
    if not cond:
        failed += 1

def connect(user):
    c = psycopg2.connect("", user=user)
    c.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
    return c

stranger, consumer, admin = connect("oi_stranger"), connect("oi_integ"), connect("oi_admin")
for c in (stranger, consumer):
    c.cursor().execute("LISTEN instruction_control_events")

def drain(conn, wait=1.5):
    """Notifications conn receives within wait seconds."""
    got, end = list(conn.notifies), time.time() + wait
    del conn.notifies[:]
    while time.time() < end:
        if select.select([conn], [], [], max(0, end - time.time())) != ([], [], []):
            conn.poll()
            while conn.notifies:
                got.append(conn.notifies.pop(0))
    return got

def consume(wait=1.5):
    """The consumer loop: on each wake-up, take next_events() and deliver exactly those."""
    woken, delivered = 0, []
    for n in drain(consumer, wait):
        woken += 1
        cur = consumer.cursor()
        cur.execute("BEGIN")
        cur.execute("SELECT id FROM instruction_control.next_events(1000)")
        ids = [r[0] for r in cur.fetchall()]
        if ids:
            cur.execute("SELECT instruction_control.mark_delivered(%s)", (ids,))
            delivered += ids
        cur.execute("COMMIT")
    return woken, delivered

def events():
    cur = admin.cursor()
    cur.execute("SELECT count(*), count(delivered_at) FROM instruction_control.event")
    return cur.fetchone()

sc = os.environ["SC_ID"]
# a stranger forges an event: the consumer wakes, asks next_events(), and does nothing
stranger.cursor().execute("SELECT pg_notify('instruction_control_events', %s)",
    ('{"id": 1, "instruction_id": %s, "kind": "overdue", "addressee": "secretary_sc"}' % sc,))
woken, delivered = consume()
check(woken == 1 and delivered == [] and events() == (0, 0),
      "issue 16: a forged pg_notify wakes the consumer, which acts on next_events() only: nothing delivered, nothing written")
drain(stranger, 0.2)

# the administrator sweeps today: everyone listening is woken, with an empty payload
admin.cursor().execute("CALL instruction_control.sweep()")
heard = drain(stranger)
check(len(heard) >= 1 and all(n.payload == "" for n in heard),
      "issue 16: the stranger's LISTEN gets only an opaque wake-up (empty payload), %d of them" % len(heard))
check(not any(sc in n.payload or "secretary_sc" in n.payload or "security" in n.payload for n in heard),
      "issue 16: nothing of the state-secret Security Council instruction (id, kind, addressee) reaches a stranger")
total, _ = events()
woken, delivered = consume()
check(total > 0 and woken >= 1 and len(delivered) == total,
      "issue 16: the consumer, woken by the sweep, delivers the %d events next_events() gives it" % total)
cur = stranger.cursor()
try:
    cur.execute("SELECT * FROM instruction_control.next_events()")
    check(False, "issue 16: a stranger may not call next_events() (42501)")
except psycopg2.Error as e:
    check(e.pgcode == "42501", "issue 16: a stranger may not call next_events() (42501)")
try:
    cur.execute("SELECT * FROM instruction_control.event")
    check(False, "issue 16: a stranger may not read event (42501)")
except psycopg2.Error as e:
    check(e.pgcode == "42501", "issue 16: a stranger may not read event (42501)")

# a replay of a past day writes its events and wakes nobody; notify => true wakes
day1, day2 = os.environ["REPLAY_DAYS"].split()
acur = admin.cursor()
acur.execute("CALL instruction_control.sweep(%s::date)", (day1,))
acur.execute("SELECT events, mode FROM instruction_control.sweep_run ORDER BY id DESC LIMIT 1")
written, mode = acur.fetchone()
heard = drain(stranger) + drain(consumer, 0.2)
check(mode == "replay" and written > 0 and heard == [],
      "issue 16: a replay of %s writes its %d events and wakes nobody" % (day1, written))
acur.execute("""SELECT bool_and(e.detail @> '{"replayed": true}') FILTER (WHERE r.mode = 'replay'),
                        bool_or(e.detail ? 'replayed') FILTER (WHERE r.mode = 'current')
                   FROM instruction_control.event e JOIN instruction_control.sweep_run r ON r.id = e.sweep_run_id""")
check(acur.fetchone() == (True, False),
      "issue 16: a replay's events say so (detail replayed: true), today's do not: a consumer can tell stale ones")
acur.execute("CALL instruction_control.sweep(%s::date, notify => true)", (day2,))
acur.execute("SELECT events FROM instruction_control.sweep_run ORDER BY id DESC LIMIT 1")
written = acur.fetchone()[0]
heard = drain(stranger)
check(written > 0 and len(heard) >= 1 and all(n.payload == "" for n in heard),
      "issue 16: a replay with notify => true wakes the consumers (empty payload)")
raise SystemExit(1 if failed else 0)
PY
[ $? -eq 0 ] || failures=$((failures + 1))

# --- 4. delivered_at / delivered_by are mark_delivered()'s ----------------------------------------
check "issue 16: an integrator cannot reopen events (UPDATE event SET delivered_at = NULL: 42501)" \
	same "$(state_as oi_integ "UPDATE instruction_control.event SET delivered_at = NULL")" "42501"
check "issue 16: an integrator cannot forge delivered_by (42501)" \
	same "$(state_as oi_integ "UPDATE instruction_control.event SET delivered_by = 'oi_admin'")" "42501"
check "issue 16: mark_delivered() recorded the integrator's login as delivered_by, on every delivered event" \
	same "$(q -c "SELECT string_agg(DISTINCT delivered_by::text, ',') FROM instruction_control.event WHERE delivered_at IS NOT NULL")" "oi_integ"
check "issue 16: an administrator cannot reopen events either (42501)" \
	same "$(state_as oi_admin "UPDATE instruction_control.event SET delivered_at = NULL")" "42501"

# --- 5. ids are the server's ------------------------------------------------------------------------
check "issue 16: an executor naming the hidden report's id (OVERRIDING SYSTEM VALUE) gets IC119, not 23505" \
	same "$(state_as oi_exec "INSERT INTO instruction_control.report (id, instruction_id, kind) OVERRIDING SYSTEM VALUE
	                          VALUES ($hidden_report, $ex_id, 'intermediate')")" "IC119"
# COPY FROM takes the id it is given whatever the identity says; on a table with row-level security
# PostgreSQL refuses it anyway (0A000), so an administrator on act (no row security) plays it
check "issue 16: COPY naming the id of an existing act gets IC119, not 23505" \
	same "$(printf '%s\tdecree\n' "$(q -c "SELECT max(id) FROM instruction_control.act")" |
	        psql -X -q -U oi_admin -d "$db" -c '\set VERBOSITY sqlstate' \
	             -c "COPY instruction_control.act (id, act_type) FROM STDIN" 2>&1 |
	        sed -n 's/^ERROR: *\([0-9A-Z]\{5\}\).*/\1/p')" "IC119"
check "issue 16: the executor's own report takes the server's id" \
	same "$(state_as oi_exec "SELECT instruction_control.submit_report($ex_id, 'intermediate')")" "none"
check "issue 16: an administrator cannot claim state body id 2^63-1 (IC119)" \
	same "$(state_as oi_admin "INSERT INTO instruction_control.state_body (id, name, body_type) OVERRIDING SYSTEM VALUE
	                           VALUES (9223372036854775807, 'x', 'central')")" "IC119"

cleanup
[ "$failures" -eq 0 ]
