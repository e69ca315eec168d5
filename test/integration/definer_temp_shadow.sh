#!/usr/bin/env bash
# Issue 16, item 0, replayed as the attacker: a LOGIN role holding only
# ic_admin shadows sweep_setting with a TEMP VIEW whose reminder_days calls the
# attacker's pg_temp function, and runs CALL sweep().  Before 0.3 the SECURITY
# DEFINER sweep steps pinned "instruction_control, pg_catalog", so pg_temp was
# searched FIRST for relations: the view was read as the steps' owner and the
# function made the attacker a superuser.  Now every pinned path ends in
# pg_temp (sql/security_definer.sql checks the catalog): nothing planted runs,
# the role stays what it was and the sweep reads the real settings.
#
# Runs against the server the PG* variables point at (stage 8 of scripts/test.sh).
set -uo pipefail

db=ic_definer_shadow
who=ic_shadow_admin
failures=0
ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }
# no_trap_and_swept OUT DAY WHAT: the session's output shows no trap and the sweep of DAY ending
no_trap_and_swept() {
	local out=$1 day=$2 what=$3
	if echo "$out" | grep -q 'TRAP RAN'; then
		not_ok "$what"
		echo "$out" | grep 'TRAP RAN' | head -n 3 | sed 's/^/#   /'
	else
		ok "$what"
	fi
	echo "$out" | grep -q "sweep of $day" \
		&& ok "the sweep of $day ran to its end as ic_admin" \
		|| { not_ok "the sweep of $day ran to its end as ic_admin"; echo "$out" | tail -n 5 | sed 's/^/#   /'; }
}

dropdb --if-exists $db >/dev/null 2>&1
psql -X -q -d postgres -c "DROP ROLE IF EXISTS $who" >/dev/null 2>&1
createdb $db || { not_ok "create $db"; exit 1; }
q "CREATE EXTENSION instruction_control" >/dev/null || { not_ok "CREATE EXTENSION"; exit 1; }
psql -X -q -d $db -f demo/30_registry.sql >/dev/null 2>&1
q "CREATE ROLE $who LOGIN; GRANT ic_admin TO $who" >/dev/null || { not_ok "create the login $who"; exit 1; }
[ "$(q "SELECT count(*) > 0 FROM instruction_control.instruction WHERE status = 'on_control'")" = t ] \
	&& ok "the registry has instructions on control for the sweep to read its settings for" \
	|| not_ok "the demo registry was written"

# the attack, exactly as reported, in one session of the ic_admin login
out=$(psql -X -d $db -U $who -v ON_ERROR_STOP=0 2>&1 <<SQL
CREATE FUNCTION pg_temp.f() RETURNS integer LANGUAGE plpgsql AS \$\$
BEGIN
  RAISE WARNING 'TRAP RAN as %', current_user;
  EXECUTE 'ALTER ROLE $who SUPERUSER';
  RETURN 1;
END \$\$;
CREATE TEMP VIEW sweep_setting AS
  SELECT s.level, ARRAY[pg_temp.f()] AS reminder_days, s.escalation_grace_days, s.seeded
    FROM instruction_control.sweep_setting s;
CALL instruction_control.sweep('2025-03-14');
SQL
)
no_trap_and_swept "$out" 2025-03-14 "ic_admin's temp view sweep_setting is not read by CALL sweep() (issue 16 item 0)"
[ "$(q "SELECT rolsuper FROM pg_roles WHERE rolname = '$who'")" = f ] \
	&& ok "the ic_admin login did not make itself superuser through the sweep" \
	|| not_ok "the ic_admin login made itself superuser through the sweep"

# the same through temp TABLES named like every table of the extension, each
# with a trigger that would show a write the sweep meant for the real one
out=$(psql -X -d $db -U $who -v ON_ERROR_STOP=0 2>&1 <<SQL
CREATE FUNCTION pg_temp.trap_row() RETURNS trigger LANGUAGE plpgsql AS \$\$
BEGIN RAISE WARNING 'TRAP RAN as % on %', current_user, TG_TABLE_NAME; RETURN NULL; END \$\$;
SELECT format('CREATE TEMP TABLE %I (LIKE instruction_control.%I); CREATE TRIGGER t BEFORE INSERT OR UPDATE OR DELETE ON pg_temp.%I FOR EACH ROW EXECUTE FUNCTION pg_temp.trap_row()',
              c.relname, c.relname, c.relname)
  FROM pg_class c
 WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind IN ('r', 'p')
\gexec
CALL instruction_control.sweep('2025-03-17', full_scope => true);
SQL
)
no_trap_and_swept "$out" 2025-03-17 "temp tables named like every table of the extension change nothing in CALL sweep() as ic_admin"

dropdb --if-exists $db >/dev/null 2>&1
psql -X -q -d postgres -c "DROP ROLE IF EXISTS $who" >/dev/null 2>&1
[ "$failures" -eq 0 ]
