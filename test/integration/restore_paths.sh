#!/usr/bin/env bash
# Every restore a DBA runs gives the registry back (issue 17, item 1; README,
# Backup, dump and restore).  A populated registry (the demo's ~200
# instructions with their decisions, roadmaps, reports, sweeps and outbox,
# administrators' changes of seeded rule data, a tombstone, a second calendar,
# people and body members, a host table referencing the registry) is dumped
# once (pg_dump -Fc) and restored every way below; each copy must give the
# source's answers (test/integration/registry_snapshot.sql: every table's rows,
# every view, the sequences, who_may_decide, the forms), not only its counts.
#
#   1. pg_restore -j 1, 2, 4, 8 (and -j 4, -j 8 again: the order is the
#      scheduler's) with restore_mode: no error, the same answers; a host's
#      foreign key to the registry needs a second run for post-data (-j 8);
#   2. pg_restore --data-only -j 4 into a database where CREATE EXTENSION ran;
#   3. a role that is not a superuser (the database's owner): CREATE EXTENSION
#      and a restore without the grants are refused by PostgreSQL; with the
#      superuser's restore_grant() and BYPASSRLS it restores -j 4 everything
#      but the extension's own entries (pg_restore -L); restore_revoke() takes
#      every privilege back;
#   4. pg_dumpall + psql -f into a fresh cluster: roles, memberships and the
#      body members' slices (row-level security) come along;
#   5. a cluster whose default collation is ICU Kazakh (kk-KZ): the same answers;
#   6. a WIN1251 database: refused on every table of the extension alike
#      (IC005), not one row loaded; pg_dump -E WIN1251 stops at the first
#      Kazakh letter.
#
# Extra clusters on ports PGPORT+1 and PGPORT+2.  Runs with the PG* variables of
# the test cluster (scripts/test.sh, stage 8).
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bindir=$(pg_config --bindir)
snapshot_sql="$repo/test/integration/registry_snapshot.sql"
src=ic_restore_src
owner=ic_rp_owner                # the database owner, not a superuser
ctl=ic_rp_controller             # logins that come along with pg_dumpall
rdr=ic_rp_reader
sport=$((${PGPORT:-55432} + 1))  # cluster S: pg_dumpall's source
tport=$((${PGPORT:-55432} + 2))  # cluster T: fresh, default collation ICU kk-KZ
RM='-c instruction_control.restore_mode=on'
failures=0
started=$(date +%s)

ok()     { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }
check()  { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
same()   { [ "$1" = "$2" ] || { echo "# expected: $2" | head -c 1500; echo; echo "#      got: $1" | head -c 1500; echo; return 1; }; }
q()      { psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
as_pg()  { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
snap()   { psql -X -q -At "$@" -f "$snapshot_sql" 2>&1; }
# the errors of a pg_restore log; with -j N a host's foreign key to the
# registry may be added before the registry's data (see "two runs" below)
errors_of()     { grep -c 'error:' "$1"; }
errors_but_fk() { grep 'error:' "$1" | grep -cv 'violates foreign key constraint "host_case_instruction_id_fkey"'; }
# same_answers WHAT SNAPSHOT: the copy's answers are the source's
same_answers() {
	if [ "$2" = "$src_snap" ]; then
		ok "$1"
	else
		not_ok "$1"
		diff <(echo "$src_snap") <(echo "$2") | head -n 20 | sed 's/^/# /'
	fi
}

tmp=$(mktemp -d /tmp/ic-restore-paths.XXXXXX)
chmod 777 "$tmp"
logdir="$repo/.cluster/logs/restore_paths"   # the logs of the last run stay here
cleanup() {
	mkdir -p "$logdir" && cp "$tmp"/*.log "$logdir"/ 2>/dev/null
	for c in S T; do
		[ -f "$tmp/$c/postmaster.pid" ] && as_pg "$bindir/pg_ctl" -D "$tmp/$c" -m immediate -w stop >/dev/null 2>&1
	done
	for d in $(psql -X -At -d postgres -c "SELECT datname FROM pg_database WHERE datname LIKE 'ic_restore_%'" 2>/dev/null); do
		dropdb --if-exists "$d" >/dev/null 2>&1
	done
	for r in $owner $ctl $rdr; do
		psql -X -q -d postgres -c "REVOKE SET ON PARAMETER instruction_control.restore_mode, session_replication_role FROM $r" >/dev/null 2>&1
		psql -X -q -d postgres -c "DROP ROLE IF EXISTS $r" >/dev/null 2>&1
	done
	rm -rf "$tmp"
}
trap cleanup EXIT
cleanup
mkdir -p "$tmp" && chmod 777 "$tmp"

# ---------------------------------------------------------------------------
# The source registry
# ---------------------------------------------------------------------------
for r in "$ctl:ic_controller" "$rdr:ic_reader"; do
	q postgres "CREATE ROLE ${r%%:*} LOGIN" >/dev/null
done
createdb $src && q $src "CREATE EXTENSION instruction_control" >/dev/null || { not_ok "the source registry is created"; exit 1; }
for r in "$ctl:ic_controller" "$rdr:ic_reader"; do q postgres "GRANT ${r#*:} TO ${r%%:*}" >/dev/null; done
psql -X -q -d $src -f "$repo/demo/30_registry.sql" >/dev/null 2>&1
psql -X -q -v ON_ERROR_STOP=1 -d $src -f "$repo/demo/35_report_registry.sql" >/dev/null 2>"$tmp/populate.log" \
	|| { not_ok "the demo's report registry loads: $(tail -3 "$tmp/populate.log")"; exit 1; }
if ! psql -X -q -v ON_ERROR_STOP=1 -d $src >>"$tmp/populate.log" 2>&1 <<SQL
SET search_path = instruction_control, public;
SET client_min_messages = warning;
CALL sweep('2025-04-21');
CALL sweep('2025-06-20');
SELECT mark_delivered(ARRAY(SELECT id FROM event ORDER BY id LIMIT 10));
-- administrators' changes of seeded rule data, and a tombstone of a deleted row
UPDATE decision_authority SET basis = 'Government regulation No. 1'
 WHERE level = 'government' AND action = 'removal' AND decider = 'prime_minister';
INSERT INTO decision_authority (level, action, decider, basis)
VALUES ('central', 'extension', 'deputy_prime_minister', 'internal regulation');
SELECT add_transfer('KZ', '2026-12-26', '2026-12-28', 'test decree');
DELETE FROM sweep_setting WHERE level = 'central';
-- a second calendar: its days and years reference it
INSERT INTO calendar (code, name, weekend_days, valid_from, valid_to)
SELECT 'RP', 'Restore test calendar', weekend_days, valid_from, valid_to FROM calendar WHERE code = 'KZ';
INSERT INTO calendar_year (calendar, year, status, basis) VALUES ('RP', 2025, 'confirmed', 'test');
INSERT INTO calendar_day (calendar, day, kind, name, basis) VALUES ('RP', '2025-03-21', 'holiday', 'Nauryz', 'test');
-- history, a state secret, people and who belongs to a body
SELECT import_decision((import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15', external_ref => 'OLD-1')).id,
                       'extension', '2019-03-12', 'head_of_pa', new_due => '2019-04-15');
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central');
SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', secrecy => 'state_secret', paper_card_ref => 'PC-1', pa_unit => 'Бақылау бөлімі', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'));
INSERT INTO person (name, body_id) SELECT 'A. Controller', min(id) FROM state_body;
INSERT INTO person_role SELECT id, '$ctl' FROM person WHERE name = 'A. Controller';
INSERT INTO body_member SELECT '$rdr', id FROM state_body WHERE code = 'R-MH';
-- the host's own table, referencing the registry
CREATE TABLE public.host_case (id integer PRIMARY KEY, instruction_id bigint NOT NULL REFERENCES instruction);
INSERT INTO public.host_case SELECT row_number() OVER (ORDER BY id), id FROM instruction WHERE id % 10 = 0;
SQL
then
	not_ok "the source registry is populated: $(tail -5 "$tmp/populate.log")"
	exit 1
fi
src_snap=$(snap -d $src)
host_rows=$(q $src "SELECT count(*) || ':' || sum(instruction_id) FROM public.host_case")
check "the source registry has ~200 instructions, decisions, events and a snapshot of its answers" \
	same "$(q $src "SELECT (SELECT count(*) FROM instruction_control.instruction) > 200, (SELECT count(*) FROM instruction_control.decision) > 200,
	                       (SELECT count(*) FROM instruction_control.event) > 50, (SELECT count(*) FROM instruction_control.rule_data_removed) > 0")|$(echo "$src_snap" | grep -c .)" \
	"t|t|t|t|$(echo "$src_snap" | grep -c .)"
pg_dump -Fc -d $src -f "$tmp/registry.dump" 2>"$tmp/dump.log" || { not_ok "pg_dump -Fc: $(cat "$tmp/dump.log")"; exit 1; }

# ---------------------------------------------------------------------------
# 1. pg_restore -j N
# ---------------------------------------------------------------------------
n=0
for j in 1 2 4 8 4 8; do
	n=$((n + 1))
	db=ic_restore_j${j}_$n
	createdb $db
	PGOPTIONS="$RM" pg_restore -j $j -d $db "$tmp/registry.dump" >"$tmp/restore-$db.log" 2>&1
	rc=$?
	if [ $j -eq 1 ]; then
		check "pg_restore -j 1 with restore_mode: exit status 0, no error" same "$rc|$(errors_of "$tmp/restore-$db.log")" "0|0"
	else
		check "pg_restore -j $j (run $n) with restore_mode: no error (but, at most, the host's foreign key)" \
			same "$(errors_but_fk "$tmp/restore-$db.log")" "0"
	fi
	same_answers "pg_restore -j $j (run $n): the copy gives the source's answers (every table, view, sequence, who_may_decide, form)" "$(snap -d $db)"
	check "pg_restore -j $j (run $n): the host's table is back" \
		same "$(q $db "SELECT count(*) || ':' || sum(instruction_id) FROM public.host_case")" "$host_rows"
	[ $n -gt 1 ] && dropdb $db
done
# A host's foreign key to a table of the registry: the archive does not make
# it wait for that table's data (the table is the extension's, not in the
# archive), so with -j N it is restored in a second run, after all the data.
db=ic_restore_two_runs
createdb $db
PGOPTIONS="$RM" pg_restore -j 8 --section=pre-data --section=data -d $db "$tmp/registry.dump" >"$tmp/restore-$db.log" 2>&1 &&
	PGOPTIONS="$RM" pg_restore -j 8 --section=post-data -d $db "$tmp/registry.dump" >>"$tmp/restore-$db.log" 2>&1
rc=$?
check "pg_restore -j 8 in two runs (pre-data and data, then post-data): exit status 0, no error" \
	same "$rc|$(errors_of "$tmp/restore-$db.log")" "0|0"
same_answers "pg_restore -j 8 in two runs: the copy gives the source's answers" "$(snap -d $db)"
check "pg_restore -j 8 in two runs: the host's table and its foreign key to the registry are back" \
	same "$(q $db "SELECT count(*) || ':' || sum(instruction_id) FROM public.host_case")|$(q $db "SELECT count(*) FROM pg_constraint WHERE conrelid = 'public.host_case'::regclass AND contype = 'f'")" "$host_rows|1"
dropdb $db
db=ic_restore_j1_1
check "after the restore the foreign keys check again: a member of a body that does not exist is refused (23503)" \
	same "$(psql -X -q -At -v VERBOSITY=sqlstate -d $db -c "INSERT INTO instruction_control.body_member VALUES ('$rdr', 99999)" 2>&1)" \
	"ERROR:  23503"
check "after the restore session_replication_role is origin again, and the rules judge: a third extension is refused (R72.2)" \
	same "$(q $db "SHOW session_replication_role")|$(psql -X -q -At -v VERBOSITY=sqlstate -d $db -c "SELECT instruction_control.extend_deadline(1, '2025-06-30', 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')" 2>&1)" \
	"origin|ERROR:  IC102"
check "the restore noted every restored instruction for the next incremental sweep (sweep_change)" \
	same "$(q $db "SELECT count(DISTINCT instruction_id) = (SELECT count(*) FROM instruction_control.instruction) FROM instruction_control.sweep_change")" "t"

# ---------------------------------------------------------------------------
# 2. data only, into a database where CREATE EXTENSION ran
# ---------------------------------------------------------------------------
db=ic_restore_data_only
createdb $db && q $db "CREATE EXTENSION instruction_control; CREATE TABLE public.host_case (id integer PRIMARY KEY, instruction_id bigint NOT NULL)" >/dev/null
PGOPTIONS="$RM" pg_restore --data-only -j 4 -d $db "$tmp/registry.dump" >"$tmp/restore-$db.log" 2>&1
rc=$?
check "pg_restore --data-only -j 4 after CREATE EXTENSION: exit status 0, no error" \
	same "$rc|$(errors_of "$tmp/restore-$db.log")" "0|0"
same_answers "pg_restore --data-only: the copy gives the source's answers" "$(snap -d $db)"
dropdb $db

# ---------------------------------------------------------------------------
# 3. the database's owner, not a superuser
# ---------------------------------------------------------------------------
db=ic_restore_owner
q postgres "CREATE ROLE $owner LOGIN" >/dev/null && createdb -O $owner $db
out=$(psql -X -q -U $owner -d $db -c "CREATE EXTENSION instruction_control" 2>&1)
case "$out" in
	*"Must be superuser to create this extension"*) ok "the owner cannot create the extension (it is not trusted): PostgreSQL says so" ;;
	*) not_ok "the owner cannot create the extension: $out" ;;
esac
q $db "CREATE EXTENSION instruction_control" >/dev/null
pg_restore -l "$tmp/registry.dump" | grep -v -E ' (SCHEMA|EXTENSION) (- )?instruction_control( |$)' >"$tmp/registry.list"
check "the restore list leaves out the schema and extension entries only (4)" \
	same "$(($(pg_restore -l "$tmp/registry.dump" | wc -l) - $(wc -l <"$tmp/registry.list")))" "4"
PGOPTIONS="$RM" pg_restore -U $owner -L "$tmp/registry.list" -d $db "$tmp/registry.dump" >"$tmp/restore-owner0.log" 2>&1
check "without the superuser's grants the owner's restore is refused by PostgreSQL (permission denied), and loads no registry row" \
	same "$(grep -c 'permission denied for table' "$tmp/restore-owner0.log" | sed 's/^[1-9][0-9]*$/some/')|$(q $db "SELECT count(*) FROM instruction_control.instruction")" "some|0"
dropdb $db && createdb -O $owner $db && q $db "CREATE EXTENSION instruction_control" >/dev/null
check "restore_grant() is the superuser's: the owner calling it is refused (42501)" \
	same "$(psql -X -q -At -v VERBOSITY=sqlstate -U $owner -d $db -c "SELECT instruction_control.restore_grant('$owner')" 2>&1)" "ERROR:  42501"
check "restore_grant() asks for BYPASSRLS first, naming the ALTER ROLE (42501)" \
	same "$(psql -X -q -At -d $db -c "SELECT instruction_control.restore_grant('$owner')" 2>&1 | grep -c "HINT:  ALTER ROLE $owner BYPASSRLS")" "1"
q postgres "ALTER ROLE $owner BYPASSRLS" >/dev/null
granted=$(q $db "SELECT instruction_control.restore_grant('$owner')")
check "restore_grant() grants on every configuration table and sequence of the extension" \
	same "$granted" "$(q $db "SELECT cardinality(extconfig) FROM pg_extension WHERE extname = 'instruction_control'")"
PGOPTIONS="$RM" pg_restore -U $owner -j 4 -O -L "$tmp/registry.list" -d $db "$tmp/registry.dump" >"$tmp/restore-owner.log" 2>&1
check "the owner restores -j 4 with restore_mode (pg_restore -O -L without the extension's entries): no error (but, at most, the host's foreign key)" \
	same "$(errors_but_fk "$tmp/restore-owner.log")" "0"
same_answers "the owner's restore gives the source's answers" "$(snap -d $db)"
check "the owner's restore brings the host's table" \
	same "$(q $db "SELECT count(*) || ':' || sum(instruction_id) FROM public.host_case")" "$host_rows"
q $db "SELECT instruction_control.restore_revoke('$owner')" >/dev/null
q postgres "ALTER ROLE $owner NOBYPASSRLS" >/dev/null
check "restore_revoke() takes back every privilege restore_grant() gave (tables, sequences, settings)" \
	same "$(q $db "SELECT count(*) FILTER (WHERE CASE c.relkind WHEN 'S' THEN has_sequence_privilege('$owner', c.oid, 'UPDATE')
	                                                          ELSE has_table_privilege('$owner', c.oid, 'INSERT, REFERENCES, DELETE') END),
	                       has_parameter_privilege('$owner', 'instruction_control.restore_mode', 'SET'),
	                       has_parameter_privilege('$owner', 'session_replication_role', 'SET')
	                  FROM pg_extension e JOIN pg_class c ON c.oid = ANY (e.extconfig) WHERE e.extname = 'instruction_control'")" \
	"0|f|f"
check "a dump of the copy carries no privilege of the restore (pg_dump: no GRANT to the owner)" \
	same "$(pg_dump -d $db --schema=instruction_control 2>/dev/null | grep -c "TO $owner;")" "0"
dropdb $db

# ---------------------------------------------------------------------------
# Two more clusters: S (libc C.UTF-8) holds a registry for pg_dumpall, T is
# fresh and its default collation is ICU Kazakh.
# ---------------------------------------------------------------------------
start_cluster() {
	local c=$1 port=$2
	shift 2
	as_pg "$bindir/initdb" -D "$tmp/$c" -U postgres --auth=trust --no-sync "$@" >"$tmp/initdb-$c.log" 2>&1 || return 1
	cat >>"$tmp/$c/postgresql.conf" <<CONF
port = $port
listen_addresses = ''
unix_socket_directories = '$tmp'
fsync = off
lc_messages = 'C'
CONF
	as_pg "$bindir/pg_ctl" -D "$tmp/$c" -l "$tmp/$c.log" -w -t 60 start >/dev/null
}
S=(-h "$tmp" -p $sport -U postgres)
T=(-h "$tmp" -p $tport -U postgres)
if start_cluster S $sport --encoding=UTF8 --locale=C.UTF-8 &&
	start_cluster T $tport --encoding=UTF8 --locale=C.UTF-8 --locale-provider=icu --icu-locale=kk-KZ; then
	ok "clusters S (C.UTF-8) and T (ICU kk-KZ) start on ports $sport and $tport"
else
	not_ok "clusters S and T start: $(tail -3 "$tmp"/initdb-*.log "$tmp"/*.log 2>/dev/null)"
	exit 1
fi

# ---------------------------------------------------------------------------
# 4. pg_dumpall + psql -f into the fresh cluster T
# ---------------------------------------------------------------------------
psql -X -q "${S[@]}" -d postgres -c "CREATE ROLE $ctl LOGIN" -c "CREATE ROLE $rdr LOGIN" -c "CREATE DATABASE registry" >/dev/null &&
	psql -X -q "${S[@]}" -d registry -c "CREATE EXTENSION instruction_control" >/dev/null &&
	psql -X -q "${S[@]}" -d postgres -c "GRANT ic_controller TO $ctl; GRANT ic_reader TO $rdr" >/dev/null &&
	PGOPTIONS="$RM" pg_restore "${S[@]}" -L "$tmp/registry.list" -d registry "$tmp/registry.dump" >"$tmp/restore-S.log" 2>&1
check "cluster S holds the registry (pg_restore into it: no error)" same "$(errors_of "$tmp/restore-S.log")" "0"
pg_dumpall "${S[@]}" -f "$tmp/all.sql" 2>"$tmp/dumpall.log" || not_ok "pg_dumpall: $(cat "$tmp/dumpall.log")"
PGOPTIONS="$RM" psql -X -q "${T[@]}" -d postgres -f "$tmp/all.sql" >"$tmp/dumpall-restore.log" 2>&1
check "psql -f of pg_dumpall's script into cluster T with restore_mode: the only error is the bootstrap superuser that exists already" \
	same "$(grep 'ERROR' "$tmp/dumpall-restore.log" | sed 's/^psql:[^:]*:[0-9]*: //')" 'ERROR:  role "postgres" already exists'
same_answers "pg_dumpall: the registry in cluster T gives the source's answers" "$(snap "${T[@]}" -d registry)"
check "pg_dumpall: the ic_* roles and the logins' memberships came along" \
	same "$(psql -X -At "${T[@]}" -d postgres -c "SELECT string_agg(m.rolname || ':' || g.rolname, ',' ORDER BY m.rolname)
	          FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.roleid
	         WHERE m.rolname IN ('$ctl', '$rdr')")" "$ctl:ic_controller,$rdr:ic_reader"
check "pg_dumpall: a body member sees the same slice of the registry (row-level security), the controller all of it" \
	same "$(psql -X -At "${T[@]}" -U $rdr -d registry -c "SELECT count(*) FROM instruction_control.instruction")|$(psql -X -At "${T[@]}" -U $ctl -d registry -c "SELECT count(*) FROM instruction_control.instruction")" \
	"$(psql -X -At "${S[@]}" -U $rdr -d registry -c "SELECT count(*) FROM instruction_control.instruction")|$(psql -X -At "${S[@]}" -U $ctl -d registry -c "SELECT count(*) FROM instruction_control.instruction")"

# ---------------------------------------------------------------------------
# 5. another locale: a database whose default collation is ICU kk-KZ
# ---------------------------------------------------------------------------
psql -X -q "${T[@]}" -d postgres -c "CREATE DATABASE registry_kk" >/dev/null
check "the database in T collates by ICU kk-KZ" \
	same "$(psql -X -At "${T[@]}" -d postgres -c "SELECT datlocprovider::text || ':' || daticulocale FROM pg_database WHERE datname = 'registry_kk'")" "i:kk-KZ"
PGOPTIONS="$RM" pg_restore "${T[@]}" -j 4 -d registry_kk "$tmp/registry.dump" >"$tmp/restore-kk.log" 2>&1
check "pg_restore -j 4 into the ICU kk-KZ database: no error (but, at most, the host's foreign key)" \
	same "$(errors_but_fk "$tmp/restore-kk.log")" "0"
# The forms sort their rows for people; until every such sort names its
# collation (helper E, issue 17 item 3) the Kazakh form may follow the
# database's default: its lines are compared as a set, everything else exactly.
kk_snap=$(snap "${T[@]}" -d registry_kk)
if [ "$(echo "$kk_snap" | grep -v '^form_')" = "$(echo "$src_snap" | grep -v '^form_')" ]; then
	ok "the ICU kk-KZ copy gives the source's answers (every table, view, sequence, who_may_decide)"
else
	not_ok "the ICU kk-KZ copy gives the source's answers"
	diff <(echo "$src_snap" | grep -v '^form_') <(echo "$kk_snap" | grep -v '^form_') | head -n 20 | sed 's/^/# /'
fi
form_lines="SELECT md5(string_agg(l, E'\\n' ORDER BY l COLLATE \"C\"))
  FROM instruction_control.state_body b, generate_series(2025, 2026) y, unnest(ARRAY['kk', 'ru']) g,
       regexp_split_to_table(instruction_control.form_annual_summary_csv(b.id, y, g)
                             || instruction_control.form_annual_summary_html(b.id, y, g), E'\\n|</tr>') l"
check "the ICU kk-KZ copy prints the same forms (Appendix 8 in kk and ru, CSV lines and HTML rows as sets)" \
	same "$(psql -X -At "${T[@]}" -d registry_kk -c "$form_lines")" "$(q $src "$form_lines")"

# ---------------------------------------------------------------------------
# 6. another encoding: WIN1251 cannot hold the Kazakh letters of a UTF8 dump
# ---------------------------------------------------------------------------
psql -X -q "${T[@]}" -d postgres -c "CREATE DATABASE registry_1251 ENCODING 'WIN1251' LOCALE 'C' LOCALE_PROVIDER libc TEMPLATE template0" >/dev/null
PGOPTIONS="$RM" pg_restore "${T[@]}" -j 4 -d registry_1251 "$tmp/registry.dump" >"$tmp/restore-1251.log" 2>&1
ntables=$(q $src "SELECT count(*) FROM pg_extension e JOIN pg_class c ON c.oid = ANY (e.extconfig) AND c.relkind = 'r' WHERE e.extname = 'instruction_control'")
ndata=$(pg_restore -l "$tmp/registry.dump" | grep -c 'TABLE DATA instruction_control ')
check "a UTF8 dump into a WIN1251 database: every table of the extension refused alike before any row (IC005, $ndata tables with data)" \
	same "$(grep -c 'cannot restore a dump in encoding UTF8 into a WIN1251 database' "$tmp/restore-1251.log")|$(grep -c 'HINT:  Restore into a UTF8 database' "$tmp/restore-1251.log")" "$ndata|$ndata"
# the rows an administrator wrote: every row of a table without seeded, the unseeded rows of the others
user_rows=$(psql -X -At "${T[@]}" -d registry_1251 -c "
	SELECT format('SELECT count(*) FROM %s t WHERE NOT coalesce((to_jsonb(t)->>''seeded'')::boolean, false);', c.oid::regclass)
	  FROM pg_extension e JOIN pg_class c ON c.oid = ANY (e.extconfig) AND c.relkind = 'r'
	 WHERE e.extname = 'instruction_control'" | psql -X -At "${T[@]}" -d registry_1251 | sort -u | tr '\n' ' ')
check "... and no half-loaded registry: not one row an administrator wrote, in any of its $ntables configuration tables" \
	same "$user_rows" "0 "
out=$(pg_dump -E WIN1251 -Fc -d $src -f "$tmp/registry-1251.dump" 2>&1)
case "$out" in
	*'has no equivalent in encoding "WIN1251"'*) ok "pg_dump -E WIN1251 of the UTF8 registry stops at once at a Kazakh letter (the HINT's other way)" ;;
	*) not_ok "pg_dump -E WIN1251 stops at a Kazakh letter: $out" ;;
esac

echo "# restore_paths.sh: $(($(date +%s) - started)) s"
[ "$failures" -eq 0 ]
