#!/usr/bin/env bash
# The README as tested documentation (issue 17, item 6).
#
#   1. the harness itself (test/integration/readme_examples.py) on a small Markdown file:
#      it must report a wrong shown result, a wrong SQLSTATE, a wrong HINT, a failing
#      statement, a skip without a reason and a statement without ';' -- and pass a
#      right one: a check that cannot fail proves nothing
#   2. IC202's HINT (quoted by the README) is the exact statement: run as given in the cron
#      database, it schedules the sweep
#   3. every ```sql block of README.md, IN ORDER, in one psql session on a fresh database
#      (superuser; the README's own blocks create the extension, its roles and its rows),
#      comparing every shown result ("-- => TEXT") and every shown error ("-- error:
#      SQLSTATE", "-- ERROR/DETAIL/HINT:" lines); a block preceded by
#      "<!-- readme-test: skip REASON -->" is listed as skipped.  The conventions are in
#      README.md, "For developers".
#
# Runs against the server the PG* variables point at (stage 8 of scripts/test.sh); the
# test cluster preloads pg_cron (cron.database_name ic_cron), so the scheduling blocks
# really schedule (through dblink) and unschedule.  Roles the README creates are
# dropped afterwards.  Prints "ok - ..." / "not ok - ..."; exits non-zero on a failure.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
db=ic_readme
cron_db=ic_cron
tmp=$(mktemp -d /tmp/ic-readme.XXXXXX)
chmod 777 "$tmp"
failures=0
ok()     { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }
q()      { psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
harness() { python3 "$repo/test/integration/readme_examples.py" "$@"; }

# pg_cron's launcher starts a moment after the server; the README schedules through dblink
q "$cron_db" "CREATE EXTENSION IF NOT EXISTS pg_cron" >/dev/null 2>&1
for _ in $(seq 1 20); do
	[ "$(q postgres "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher'")" = 1 ] && break
	sleep 0.5
done

roles_before=$(q postgres "SELECT string_agg(quote_literal(rolname), ',') FROM pg_roles")
cleanup_job_before=$(q "$cron_db" "SELECT count(*) FROM cron.job WHERE jobname = 'instruction_control_cron_cleanup'" 2>/dev/null || echo 1)

cleanup() {
	q "$cron_db" "SELECT cron.unschedule(jobid) FROM cron.job WHERE database IN ('$db', '${db}_hint')" >/dev/null 2>&1
	[ "$cleanup_job_before" = 0 ] && q "$cron_db" "SELECT cron.unschedule('instruction_control_cron_cleanup')" >/dev/null 2>&1
	dropdb --if-exists "$db" >/dev/null 2>&1
	dropdb --if-exists "${db}_self" >/dev/null 2>&1
	dropdb --if-exists "${db}_hint" >/dev/null 2>&1
	for r in $(q postgres "SELECT quote_ident(rolname) FROM pg_roles WHERE rolname NOT IN ($roles_before)"); do
		psql -X -q -d postgres -c "DROP ROLE $r" >/dev/null 2>&1
	done
	rm -rf "$tmp"
}
trap cleanup EXIT

# --- 1. the harness can fail ---------------------------------------------------------
dropdb --if-exists "${db}_self" >/dev/null 2>&1
createdb "${db}_self"
cat > "$tmp/self.md" <<'MD'
```sql
SELECT 1 + 1;                       -- => 2
SELECT 'a', NULL UNION ALL SELECT 'b', 'c';   -- => a, NULL; b, c -- a remark
SELECT 'long text here';            -- => long…here
CREATE FUNCTION pg_temp.twice(i int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN i IS NULL THEN NULL ELSE 2 * i END;
END;
SELECT pg_temp.twice(21);           -- => 42
SELECT 1/0;                         -- error: 22012
-- ERROR:  division by zero
```
```sql
SELECT 1 + 1;                       -- => 3
```
```sql
SELECT 1/0;                         -- error: 22P02
```
```sql
SELECT pg_catalog.set_config('x.y', 'z', false), 1/0;   -- error: 22012
-- ERROR:  division by one
```
```sql
SELECT * FROM no_such_table;
SELECT 'not reached';
```
<!-- readme-test: skip -->
```sql
SELECT 1;
```
```sql
SELECT 1
```
```sql
SELECT 1 -- => 1
     + 1;
```
<!-- readme-test: skip needs a second cluster -->
```sql
SELECT * FROM no_such_table;
```
MD
harness "$tmp/self.md" "${db}_self" "$tmp" > "$tmp/self.out" 2>&1
sed 's/^/#   /' "$tmp/self.out"
expect_line() {
	if grep -qE "$2" "$tmp/self.out"; then ok "harness: $1"; else not_ok "harness: $1"; fi
}
expect_line "passes a block whose results and error are as shown (a BEGIN ATOMIC body is one statement)" '^ok - self\.md:1 \(6 statements, 5 '
expect_line "fails a wrong shown result" '^not ok - self\.md:13 .*shown "-- => 3", returns "2"'
expect_line "fails a wrong SQLSTATE" '^not ok - self\.md:16 .*expected SQLSTATE 22P02, got 22012'
expect_line "fails a wrong ERROR line" '^not ok - self\.md:19 .*ERROR is shown as "division by one"'
expect_line "fails a failing statement, naming its README line" '^not ok - self\.md:23 .*self\.md:24 SELECT \* FROM no_such_table;: 42P01'
expect_line "fails a skip without a reason" '^not ok - self\.md:28: a skip without a reason'
expect_line "fails a statement without ';'" "^not ok - self\\.md:31 .*without its ';'"
expect_line "fails a shown result not on the statement's last line" "^not ok - self\\.md:34 .*not on the statement's last line"
expect_line "lists a skipped block with its reason" '^# skipped self\.md:39: needs a second cluster'
if harness "$tmp/self.md" "${db}_self" "$tmp" >/dev/null 2>&1; then
	not_ok "harness: exits non-zero when a block fails"
else
	ok "harness: exits non-zero when a block fails"
fi

# --- 2. IC202's HINT, which the README quotes, is the exact statement to run ------------
dropdb --if-exists "${db}_hint" >/dev/null 2>&1
createdb "${db}_hint"
q "${db}_hint" "CREATE EXTENSION instruction_control" >/dev/null
hint=$(psql -X -q -At -d "${db}_hint" -c "SELECT instruction_control.schedule_sweeps('0 1 * * *')" 2>&1 \
	| sed -n 's/^HINT:  Run CREATE EXTENSION dblink; here and call again, or run in database ic_cron:  //p')
if [[ "$hint" == "SELECT cron.schedule_in_database('instruction_control_sweep:${db}_hint', "*"'${db}_hint', 'postgres');" ]]; then
	ok "IC202: the HINT ends in the statement itself, ';' included (no alias): $hint"
else
	not_ok "IC202: the HINT ends in the statement itself, ';' included: got '$hint'"
fi
if [ -n "$hint" ] && q "$cron_db" "$hint" >/dev/null 2>&1 \
	&& [ "$(q "$cron_db" "SELECT database || ' ' || command FROM cron.job WHERE jobname = 'instruction_control_sweep:${db}_hint'")" = "${db}_hint CALL instruction_control.sweep()" ]; then
	ok "IC202: the HINT's statement, run as given in the cron database, schedules the sweep of ${db}_hint"
else
	not_ok "IC202: the HINT's statement, run as given in the cron database, schedules the sweep of ${db}_hint"
fi
q "$cron_db" "SELECT cron.unschedule(jobid) FROM cron.job WHERE database = '${db}_hint'" >/dev/null 2>&1
dropdb --if-exists "${db}_hint" >/dev/null 2>&1

# --- 3. README.md ----------------------------------------------------------------------
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
harness "$repo/README.md" "$db" "$tmp" > "$tmp/readme.out" 2>&1
rc=$?
cat "$tmp/readme.out"
[ $rc -eq 0 ] || grep -q '^not ok' "$tmp/readme.out" || not_ok "README.md: the harness failed (exit $rc)"
grep -q '^not ok' "$tmp/readme.out" && failures=$((failures + 1))

exit $((failures > 0))
