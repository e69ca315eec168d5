#!/usr/bin/env bash
# Who acted is proven, not claimed (issue 16, item 4).  Every check connects as
# a LOGIN role holding one ic_* role (psql -U; the test cluster trusts local
# connections) and does what an attacker or a pooled application would:
#   - an executor login names someone it may not act for: refused (42501);
#   - a pooled application role mapped to two persons names a third: refused;
#   - a session-level SET (or set_config(..., false), ALTER ROLE ... SET) is
#     never recorded for a later transaction: refused (IC118); SET LOCAL is
#     recorded, with the person's id;
#   - people and their roles are data the roles see only their part of, kept
#     by ic_admin, and dumped;
#   - the library on a 0.2 schema (no person table) still refuses a session
#     value and records a SET LOCAL name as given.
#
# Runs against the server the PG* variables point at (stage 8 of scripts/test.sh).
set -uo pipefail

db=ic_acting_person
old=ic_acting_person_02
failures=0
ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
# as ROLE DB: run stdin as that login; errors print as "ERROR:  SQLSTATE"
as() { psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=sqlstate -U "$1" -d "$2" 2>&1; }
check() {
	if [ "$2" = "$3" ]; then ok "$1"; else
		not_ok "$1"; echo "#   expected: $2"; echo "#   got:      $3" | head -5; fi
}

roles="ap_exec ap_pool ap_alice ap_admin"
cleanup() {
	dropdb --if-exists $db >/dev/null 2>&1
	dropdb --if-exists $old >/dev/null 2>&1
	for r in $roles; do psql -X -q -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1; done
}
cleanup
for r in $roles; do q postgres "CREATE ROLE $r LOGIN" >/dev/null; done
q postgres "GRANT ic_executor TO ap_exec; GRANT ic_controller TO ap_pool, ap_alice; GRANT ic_admin TO ap_admin" 2>/dev/null \
	|| { createdb $db && q $db "CREATE EXTENSION instruction_control" >/dev/null && dropdb $db; \
	     q postgres "GRANT ic_executor TO ap_exec; GRANT ic_controller TO ap_pool, ap_alice; GRANT ic_admin TO ap_admin"; }

createdb $db || { not_ok "create $db"; exit 1; }
q $db "CREATE EXTENSION IF NOT EXISTS instruction_control" >/dev/null || { not_ok "CREATE EXTENSION"; exit 1; }
psql -X -q -v ON_ERROR_STOP=1 -d $db >/dev/null <<'SQL' || { not_ok "setup"; exit 1; }
SET search_path = instruction_control;
INSERT INTO state_body (code, name, body_type) VALUES ('AP_A', 'Ministry A', 'central'), ('AP_GOV', 'Government', 'government');
INSERT INTO body_member SELECT 'ap_exec', id FROM state_body WHERE code = 'AP_A';
SELECT put_on_control('act_point', 'central', '2025-03-03', term => '10 wd',
                      responsible_body_id => (SELECT id FROM state_body WHERE code = 'AP_A'));   -- 1
SELECT put_on_control('act_point', 'central', '2025-03-03', term => '10 wd',
                      responsible_body_id => (SELECT id FROM state_body WHERE code = 'AP_A'));   -- 2
SQL
# the administrator keeps the people (as ic_admin, not superuser)
out=$(as ap_admin $db <<'SQL'
SET search_path = instruction_control;
INSERT INTO person (name, body_id) SELECT 'Prime Minister', id FROM state_body WHERE code = 'AP_GOV';
INSERT INTO person (name, body_id) SELECT 'A. Abenov', id FROM state_body WHERE code = 'AP_A';
INSERT INTO person (name, body_id) SELECT 'B. Bekova', id FROM state_body WHERE code = 'AP_A';
INSERT INTO person (name, body_id) SELECT 'C. Chen', id FROM state_body WHERE code = 'AP_A';
INSERT INTO person (name, body_id) SELECT 'E. Esenova', id FROM state_body WHERE code = 'AP_A';
INSERT INTO person (name, body_id) SELECT 'F. Former', id FROM state_body WHERE code = 'AP_A';
INSERT INTO person_role
  SELECT id, 'ap_pool'::regrole FROM person WHERE name IN ('A. Abenov', 'B. Bekova', 'F. Former')
  UNION ALL SELECT id, 'ap_alice' FROM person WHERE name = 'C. Chen'
  UNION ALL SELECT id, 'ap_exec' FROM person WHERE name = 'E. Esenova';
UPDATE person SET active = false WHERE name = 'F. Former';
SELECT count(*) FROM person_role;
SQL
)
check "ic_admin keeps person and person_role without superuser" "5" "$out"
bekova=$(q $db "SELECT id FROM instruction_control.person WHERE name = 'B. Bekova'")

# --- an executor login forging a name -----------------------------------------
roadmap() { # $1: instruction id; the executor's journaled act is a roadmap approval (R57)
	echo "SELECT approved_by FROM instruction_control.register_roadmap($1, 'executor_only', 'first_head',
	        drafted_by_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'AP_A'),
	        approved_on => '2025-03-05');"
}
out=$(as ap_exec $db <<SQL
BEGIN;
SET LOCAL instruction_control.acting_person = 'Prime Minister (forged)';
$(roadmap 1)
SQL
)
check "an executor login naming a person that does not exist is refused (42501)" "ERROR:  42501" "$out"
out=$(as ap_exec $db <<SQL
BEGIN;
SET LOCAL instruction_control.acting_person = 'Prime Minister';
$(roadmap 1)
SQL
)
check "an executor login naming a real person it may not act for is refused the same way (42501)" "ERROR:  42501" "$out"
out=$(as ap_exec $db <<SQL
BEGIN;
SET LOCAL instruction_control.acting_person = 'E. Esenova';
$(roadmap 1)
COMMIT;
SELECT acted_by || '|' || (acted_by_person_id = (SELECT id FROM instruction_control.person WHERE name = 'E. Esenova'))
  FROM instruction_control.decision WHERE instruction_id = 1 AND kind = 'roadmap_approval';
SQL
)
check "the executor naming its own person is recorded with the person's id" "first_head
E. Esenova|true" "$out"

# --- a pooled application role mapped to two persons ----------------------------
extend() { # $1 instruction, $2 decided_on, [$3 person column], [$4 evidence clause: "" for 0.2's API]
	echo "SELECT coalesce(acted_by, '-') || '|' || coalesce(${3:-acted_by_person_id::text}, '-')
	        FROM instruction_control.extend_deadline($1, '2025-04-30', 'first_head', 'conclusion', decided_on => '$2'${4-, evidence => '{body_expert_conclusion}'});"
}
out=$(as ap_pool $db <<SQL
BEGIN;
SET LOCAL instruction_control.acting_person = 'C. Chen';
$(extend 2 2025-03-10)
SQL
)
check "a pooled role mapped to Abenov and Bekova naming a third person (Chen) is refused (42501)" "ERROR:  42501" "$out"
out=$(as ap_pool $db <<SQL
BEGIN;
SET LOCAL instruction_control.acting_person = 'F. Former';
$(extend 2 2025-03-10)
SQL
)
check "a pooled role naming a person mapped to it who no longer acts (active = false) is refused" "ERROR:  42501" "$out"
out=$(as ap_pool $db <<SQL
BEGIN;
SET LOCAL instruction_control.acting_person = '$bekova';
$(extend 2 2025-03-10)
ROLLBACK;
SQL
)
check "a pooled role names a person mapped to it by id: the name and id are recorded" "B. Bekova|$bekova" "$out"

# --- no value outlives its transaction -------------------------------------------
out=$(as ap_pool $db <<SQL
SET instruction_control.acting_person = 'A. Abenov';
BEGIN;
$(extend 2 2025-03-10)
SQL
)
check "a session-level SET is not recorded for a later transaction of the pooled session (IC118)" "ERROR:  IC118" "$out"
out=$(as ap_pool $db <<SQL
BEGIN;
SET instruction_control.acting_person = 'A. Abenov';
$(extend 2 2025-03-10)
SQL
)
check "a session-level SET in the same transaction is refused too: it would outlive it (IC118)" "ERROR:  IC118" "$out"
out=$(as ap_pool $db <<SQL
BEGIN;
SELECT set_config('instruction_control.acting_person', 'A. Abenov', false) IS NOT NULL;
$(extend 2 2025-03-10)
SQL
)
check "set_config(..., false) is a session-level value: refused (IC118)" "t
ERROR:  IC118" "$out"
out=$(as ap_pool $db <<SQL
BEGIN;
SET LOCAL instruction_control.acting_person = 'A. Abenov';
SELECT 'first';
COMMIT;
BEGIN;
$(extend 2 2025-03-10)
ROLLBACK;
SQL
)
check "SET LOCAL of an earlier transaction is not recorded for a later one (acted_by NULL)" "first
-|-" "$out"
out=$(as ap_pool $db <<SQL
SET instruction_control.acting_person = 'B. Bekova';
BEGIN;
SET LOCAL instruction_control.acting_person = 'A. Abenov';
$(extend 2 2025-03-10)
ROLLBACK;
SQL
)
check "SET LOCAL over a session value is recorded: the transaction's own person" "A. Abenov|$(q $db "SELECT id FROM instruction_control.person WHERE name = 'A. Abenov'")" "$out"
q postgres "ALTER ROLE ap_pool SET instruction_control.acting_person = 'A. Abenov'" >/dev/null
out=$(as ap_pool $db <<SQL
BEGIN;
$(extend 2 2025-03-10)
SQL
)
q postgres "ALTER ROLE ap_pool RESET instruction_control.acting_person" >/dev/null
check "a value baked into the role (ALTER ROLE ... SET) is not this transaction's: refused (IC118)" "ERROR:  IC118" "$out"
out=$(PGOPTIONS="-c instruction_control.acting_person=A.Abenov" as ap_pool $db <<SQL
BEGIN;
$(extend 2 2025-03-10)
SQL
)
check "a value given as a connection option is not this transaction's: refused (IC118)" "ERROR:  IC118" "$out"

# --- the people are data each role sees only its part of ---------------------------
out=$(as ap_pool $db <<'SQL'
SELECT string_agg(name, ',' ORDER BY name) FROM instruction_control.person;
SELECT count(*) FROM instruction_control.person_role;
SQL
)
check "the pooled role sees the persons mapped to it and its own mappings only" "A. Abenov,B. Bekova,F. Former
3" "$out"
out=$(as ap_pool $db <<'SQL'
INSERT INTO instruction_control.person_role SELECT id, 'ap_pool' FROM instruction_control.person WHERE name = 'C. Chen';
SQL
)
check "a controller cannot map itself to another person (42501)" "ERROR:  42501" "$out"
out=$(as ap_pool $db <<'SQL'
INSERT INTO instruction_control.person (name) VALUES ('Prime Minister (forged)');
SQL
)
check "a controller cannot invent a person (42501)" "ERROR:  42501" "$out"
if pg_dump --data-only -t instruction_control.person -t instruction_control.person_role $db 2>/dev/null \
	| grep -q "B. Bekova"; then
	ok "people and their roles are in the dump (pg_extension_config_dump)"
else
	not_ok "people and their roles are in the dump (pg_extension_config_dump)"
fi

# --- the library on a 0.2 schema (before ALTER EXTENSION UPDATE) ---------------------
createdb $old || { not_ok "create $old"; exit 1; }
q $old "CREATE EXTENSION instruction_control VERSION '0.2'" >/dev/null
q $old "SELECT instruction_control.put_on_control('act_point', 'central', '2025-03-03', term => '10 wd')" >/dev/null
out=$(as ap_pool $old <<SQL
BEGIN;
SET LOCAL instruction_control.acting_person = 'A. Abenov';
$(extend 1 2025-03-10 NULL "")
SQL
)
check "on a 0.2 schema (no person table) a SET LOCAL name is recorded as given" "A. Abenov|-" "$out"
out=$(as ap_pool $old <<SQL
SET instruction_control.acting_person = 'A. Abenov';
BEGIN;
$(extend 1 2025-03-10 NULL "")
SQL
)
check "on a 0.2 schema a session-level value is refused too (IC118)" "ERROR:  IC118" "$out"

cleanup
[ "$failures" -eq 0 ]
