#!/usr/bin/env bash
# Embedding in a host database (issue 17, item 2; README "Embedding").
#
#   1. The demo (demo/host/run.sh): a host schema "docs" (departments,
#      documents, staff; keys bigint, uuid, text) made BEFORE the extension is
#      linked with link_host, worked through the API, dumped with pg_dump -Fc
#      and restored with pg_restore -j N (restore_mode): the same answers, and
#      the copy is still linked.
#   2. Linking without a superuser: a LOGIN role holding only ic_admin owns
#      the host schema and links it; the host application's role, holding no
#      ic_* role, writes its own tables and the registry follows.
#   3. Both directions of referential integrity, each refusal with its code:
#      IC401 (a host key that does not exist), IC402 (a host row the registry
#      uses; a TRUNCATE; a linked row of ours deleted), IC403 (a link that
#      cannot be made); rows of ours that already carry a host key are adopted.
#   4. DBA additions: for EVERY table of the extension (catalog), an index,
#      a trigger, a column (the DBA's ALTER of the issue), a policy, a rule and
#      statistics are refused with IC404 and a HINT naming the host's schema;
#      the same DDL on a host table passes; a superuser's SET LOCAL
#      instruction_control.allow_member_ddl lets it through, a non-superuser
#      cannot set it.
#
# Runs against the server the PG* variables point at (stage 8 of scripts/test.sh).
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
db=ic_embed_host
admin=ic_embed_admin
app=ic_embed_app
# pg_restore -j 4 fails on any populated registry until the general parallel
# restore fix (issue 17, item 1) is merged: then set this to 4.
jobs=${IC_EMBED_RESTORE_JOBS:-4}
failures=0
ok()     { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }
q()      { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }
# as ROLE SQL: run SQL connected as ROLE; prints output and errors (verbose: SQLSTATE)
as()     { PGOPTIONS="-c search_path=instruction_control,public" psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -U "$1" -d "$db" -c "$2" 2>&1; }
# is WHAT GOT EXPECTED
is()     { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1"; echo "#      got: $2" | head -c 3000; echo; echo "# expected: $3"; fi; }
# refused WHAT ROLE CODE SQL: ROLE runs SQL and gets SQLSTATE CODE
refused() { local out; out=$(as "$2" "$4"); case "$out" in *"ERROR:  $3:"*) ok "$1 ($3)" ;; *) not_ok "$1 ($3): $out" ;; esac; }
cleanup() {
	dropdb --if-exists $db >/dev/null 2>&1
	dropdb --if-exists ic_embed_demo >/dev/null 2>&1
	dropdb --if-exists ic_embed_demo_copy >/dev/null 2>&1
	psql -X -q -d postgres -c "DROP ROLE IF EXISTS $admin" -c "DROP ROLE IF EXISTS $app" >/dev/null 2>&1
}
trap cleanup EXIT
cleanup

# --- 1. the demo: host schema first, linked, dumped, restored, the same answers
out=$(IC_RESTORE_JOBS=$jobs bash "$here/demo/host/run.sh" ic_embed_demo 2>&1)
rc=$?
case "$out" in
	*"== the same answers after the restore"*) [ $rc = 0 ] && ok "demo: the same answers after pg_dump -Fc / pg_restore -j $jobs (bodies, people, instructions by host key, side table, links, host triggers)" \
		|| not_ok "demo exits 0: $out" ;;
	*) not_ok "demo: the same answers after pg_dump -Fc / pg_restore -j $jobs"; echo "$out" | tail -40 | sed 's/^/# /' ;;
esac
case "$out" in *"500 Ministry of Energy"*"instruction 1 references it"*) ok "demo: the restored copy is still linked both ways (a new department comes in, a used document stays)" ;;
	*) not_ok "demo: the restored copy is still linked both ways" ;; esac
for code in "instruction 1 references it" "is not a key of host table" "the extension's tables take no DDL of their own"; do
	case "$out" in *"$code"*) ok "demo shows: $code" ;; *) not_ok "demo shows: $code" ;; esac
done

# --- 2. linking without a superuser
createdb $db || { not_ok "createdb $db"; exit 1; }
psql -X -q -d postgres -v ON_ERROR_STOP=1 >/dev/null <<SQL || not_ok "roles"
CREATE ROLE $admin LOGIN IN ROLE ic_admin;
CREATE ROLE $app LOGIN;
SQL
psql -X -q -d $db -v ON_ERROR_STOP=1 >/dev/null <<SQL || not_ok "host schema"
CREATE SCHEMA docs AUTHORIZATION $admin;
SET ROLE $admin;
CREATE TABLE docs.department (id bigint PRIMARY KEY, title text NOT NULL, kind text NOT NULL DEFAULT 'central',
                              parent_id bigint REFERENCES docs.department, code text);
CREATE TABLE docs.document (id uuid PRIMARY KEY, doc_type text NOT NULL, title text);
CREATE TABLE docs.staff (login text PRIMARY KEY, full_name text NOT NULL, department_id bigint REFERENCES docs.department);
INSERT INTO docs.department VALUES (1, 'Ministry A', 'central', NULL, 'A'), (2, 'Agency of A', 'organisation', 1, 'AA');
INSERT INTO docs.document VALUES ('00000000-0000-4000-8000-000000000001', 'decree', 'Decree 1');
GRANT USAGE ON SCHEMA docs TO $app;
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA docs TO $app;
RESET ROLE;
CREATE EXTENSION instruction_control;
-- a body the registry knew before the link, under the host's key: adopted, not entered twice
INSERT INTO instruction_control.state_body (name, body_type, external_ref) VALUES ('Ministry A (old name)', 'central', '1');
SQL
is "the administrator and the application hold exactly ic_admin and nothing" \
	"$(q "SELECT string_agg(m.rolname || ':' || coalesce(g.rolname, '-') || ':' || m.rolsuper, ',' ORDER BY m.rolname)
	        FROM pg_roles m LEFT JOIN pg_auth_members a ON a.member = m.oid LEFT JOIN pg_roles g ON g.oid = a.roleid
	       WHERE m.rolname IN ('$admin', '$app')")" "$admin:ic_admin:false,$app:-:false"

is "ic_admin links the departments (2 host rows; body 1 adopted, its name now the host's)" \
	"$(as $admin "SELECT link_host('state_body', 'docs.department', 'id', '{\"name\": \"title\", \"body_type\": \"kind\", \"parent_id\": \"parent_id\", \"code\": \"code\"}');
	              SELECT string_agg(external_ref || ':' || name || ':' || coalesce((SELECT p.external_ref FROM state_body p WHERE p.id = b.parent_id), '-'), ',' ORDER BY external_ref)
	                FROM state_body b")" "2
1:Ministry A:-,2:Agency of A:1"
is "ic_admin links the documents (uuid keys) and the staff (text keys, body_id by the host's department key)" \
	"$(as $admin "SELECT link_host('act', 'docs.document', 'id', '{\"act_type\": \"doc_type\", \"title\": \"title\"}');
	              SELECT link_host('person', 'docs.staff', 'login', '{\"name\": \"full_name\", \"body_id\": \"department_id\"}')")" "1
0"
is "the host's application (no ic_* role) writes its tables; the registry follows (insert, update, parent by host key)" \
	"$(as $app "INSERT INTO docs.department VALUES (3, 'Akimat B', 'local', NULL, 'B');
	            INSERT INTO docs.staff VALUES ('d.kairat', 'D. Kairat', 1);
	            UPDATE docs.department SET title = 'Agency of Ministry A', parent_id = 1 WHERE id = 2;" &&
	  q "SELECT string_agg(b.external_ref || ':' || b.name || ':' || b.body_type, ',' ORDER BY b.external_ref) FROM instruction_control.state_body b;
	     SELECT p.name || ':' || b.external_ref FROM instruction_control.person p JOIN instruction_control.state_body b ON b.id = p.body_id")" \
	"1:Ministry A:central,2:Agency of Ministry A:organisation,3:Akimat B:local
D. Kairat:1"
a1=$(q "SELECT instruction_control.host_row('act', '00000000-0000-4000-8000-000000000001')")
as $admin "SET LOCAL instruction_control.calendar = 'KZ';
	SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', act_id => host_row('act', '00000000-0000-4000-8000-000000000001'),
	        point => '1', responsible_body_id => host_row('state_body', '3'), co_executor_ids => ARRAY[host_row('state_body', '2')],
	        pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id" >/dev/null \
	|| not_ok "ic_admin puts on control by host keys"
inst=$(q "SELECT id FROM instruction_control.instruction WHERE act_id = $a1")
[ -n "$inst" ] && ok "put on control by host keys (host_row): instruction $inst" || not_ok "put on control by host keys"

# --- 3. referential integrity, both directions
refused "the application cannot delete a document an instruction uses (names instruction $inst)" $app IC402 \
	"DELETE FROM docs.document WHERE id = '00000000-0000-4000-8000-000000000001'"
out=$(as $app "DELETE FROM docs.department WHERE id = 3")
case "$out" in *"IC402"*"instruction $inst references it"*) ok "deleting a department an instruction uses names instruction $inst (IC402)" ;; *) not_ok "deleting a used department names the instruction: $out" ;; esac
refused "the key of a used co-executor department cannot change" $app IC402 "UPDATE docs.department SET id = 20 WHERE id = 2"
refused "a linked host table cannot be truncated" $app IC402 "TRUNCATE docs.staff"
refused "a body of ours that lives in the host cannot be deleted on our side" postgres IC402 \
	"DELETE FROM instruction_control.state_body WHERE external_ref = '1'"
refused "a person of ours that lives in the host cannot be deleted by ic_admin" $admin IC402 \
	"DELETE FROM instruction_control.person WHERE external_ref = 'd.kairat'"
refused "host_row() of a key the host does not hold" postgres IC401 "SELECT instruction_control.host_row('state_body', '99')"
refused "host_row() of a key that is not of the host's type (bigint)" postgres IC401 "SELECT instruction_control.host_row('state_body', 'abc')"
refused "a body under a host key that does not exist is refused" $admin IC401 \
	"INSERT INTO state_body (name, body_type, external_ref) VALUES ('Ghost', 'central', '77')"
refused "an act's external_ref cannot be moved to a key the host does not hold" $admin IC401 \
	"UPDATE act SET external_ref = '00000000-0000-4000-8000-0000000000ff'"
refused "a host row naming a parent that is not linked is refused" $admin IC401 \
	"ALTER TABLE docs.department DROP CONSTRAINT department_parent_id_fkey; INSERT INTO docs.department VALUES (9, 'Orphan', 'central', 42, NULL)"
is "an unused host row goes with its row of ours; a key change of an unused one follows" \
	"$(as $app "INSERT INTO docs.department VALUES (5, 'Temp', 'central', NULL, 'T'); UPDATE docs.department SET id = 6 WHERE id = 5;" &&
	  q "SELECT string_agg(external_ref, ',' ORDER BY external_ref) FROM instruction_control.state_body" &&
	  as $app "DELETE FROM docs.department WHERE id = 6" && q "SELECT count(*) FROM instruction_control.state_body WHERE code = 'T'")" "1,2,3,6
0"
refused "a kind is linked once" $admin IC403 "SELECT link_host('act', 'docs.document', 'id', '{\"act_type\": \"doc_type\"}')"
as $admin "CREATE TABLE docs.other (k text, v text NOT NULL, PRIMARY KEY (k, v)); CREATE TABLE docs.other2 (k int PRIMARY KEY, v text)" >/dev/null
as $admin "SELECT unlink_host('act')" >/dev/null
refused "a key column without a unique index of its own is refused" $admin IC403 "SELECT link_host('act', 'docs.other', 'k', '{\"act_type\": \"v\"}')"
refused "a column of ours that does not exist is refused" $admin IC403 "SELECT link_host('act', 'docs.other2', 'k', '{\"act_type\": \"v\", \"colour\": \"v\"}')"
refused "a host column that does not exist is refused" $admin IC403 "SELECT link_host('act', 'docs.other2', 'k', '{\"act_type\": \"nope\"}')"
refused "a required column of ours left out is refused" $admin IC403 "SELECT link_host('act', 'docs.other2', 'k', '{\"title\": \"v\"}')"
refused "acts of ours whose external_ref is not a host key block the link" $admin IC401 "SELECT link_host('act', 'docs.other2', 'k', '{\"act_type\": \"v\"}')"
refused "a table of the extension is no host table" $admin IC403 "SELECT link_host('act', 'instruction_control.rule', 'id', '{\"act_type\": \"title_en\"}')"
is "unlink_host dropped the host table's triggers; the acts stay" \
	"$(q "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'docs.document'::regclass AND NOT tgisinternal; SELECT count(*) FROM instruction_control.act")" "0
1"
refused "the application cannot link (no ic_admin)" $app 42501 "SELECT instruction_control.link_host('act', 'docs.document', 'id', '{\"act_type\": \"doc_type\"}')"
q "CREATE TABLE public.ic_embed_foreign (k bigint PRIMARY KEY)" >/dev/null
refused "an administrator cannot link a table it does not own" $admin 42501 \
	"SELECT unlink_host('person'); SELECT link_host('person', 'public.ic_embed_foreign', 'k', '{\"name\": \"k\"}')"

# --- 4. DBA additions on the extension's tables: refused, for every table of the catalog
tables=$(q "SELECT string_agg(c.oid::regclass::text, ' ' ORDER BY c.relname) FROM pg_class c
             JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
             JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'instruction_control'
            WHERE c.relkind IN ('r', 'p')")
indexes_before=$(q "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'instruction_control'::regnamespace")
n=0; bad=""
for t in $tables; do
	col=$(q "SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = '$t'::regclass AND attnum = 1")
	col2=$(q "SELECT coalesce(max(quote_ident(attname)), '$col') FROM pg_attribute WHERE attrelid = '$t'::regclass AND attnum = 2 AND NOT attisdropped")
	for ddl in "CREATE INDEX ON $t ($col)" "ALTER TABLE $t ADD COLUMN host_document_id bigint REFERENCES public.ic_embed_foreign" \
	           "CREATE TRIGGER dba_t BEFORE INSERT ON $t FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()" \
	           "CREATE POLICY dba_p ON $t USING (true)" "CREATE STATISTICS dba_s ON $col, $col2 FROM $t" \
	           "CREATE RULE dba_r AS ON INSERT TO $t DO ALSO NOTIFY dba" "ALTER TABLE $t DISABLE TRIGGER USER"; do
		out=$(as postgres "$ddl")
		n=$((n + 1))
		case "$out" in *"ERROR:  IC404:"*"HINT:  Put it in your own schema"*) ;; *) bad="$bad; $ddl: $out" ;; esac
	done
done
[ -z "$bad" ] && [ "$n" -gt 100 ] && ok "IC404: $n DDL statements (index, column, trigger, policy, statistics, rule, ALTER) on every table of the extension refused" \
	|| not_ok "IC404 on every table of the extension:$bad" 
is "no index, trigger, rule, policy, statistics or column was left on the extension's tables" \
	"$(q "SELECT (SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relnamespace = 'instruction_control'::regnamespace)
	            + (SELECT count(*) FROM pg_trigger WHERE tgname = 'dba_t') + (SELECT count(*) FROM pg_policy WHERE polname = 'dba_p')
	            + (SELECT count(*) FROM pg_statistic_ext WHERE stxname = 'dba_s') + (SELECT count(*) FROM pg_rewrite WHERE rulename = 'dba_r')
	            + (SELECT count(*) FROM pg_attribute WHERE attname = 'host_document_id' AND NOT attisdropped)")" "$indexes_before"
refused "the issue's ALTER of act is refused" postgres IC404 \
	"ALTER TABLE instruction_control.act ADD COLUMN host_document_id bigint REFERENCES public.ic_embed_foreign"
is "the same DDL on the host's tables passes (index, column, trigger)" \
	"$(as $admin "CREATE INDEX ON docs.department (title); ALTER TABLE docs.department ADD COLUMN note text;
	              CREATE TRIGGER dba_t BEFORE UPDATE ON docs.department FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger(); SELECT 'passed'")" "passed"
is "a superuser's SET LOCAL instruction_control.allow_member_ddl lets DDL through (rolled back here)" \
	"$(as postgres "BEGIN; SET LOCAL instruction_control.allow_member_ddl = on; ALTER TABLE instruction_control.instruction DISABLE TRIGGER USER; ROLLBACK; SELECT 'passed'")" "passed"
refused "a non-superuser cannot set instruction_control.allow_member_ddl" $admin 42501 "SELECT instruction_control.restore_mode(); SET instruction_control.allow_member_ddl = on"

exit $((failures > 0))
