#!/usr/bin/env bash
# Roles and the registry (issue 17, item 2; README, Security > Roles): on a
# throwaway cluster of its own (scripts/cluster.sh NAME "roleties", port
# PGPORT + 5 or IC_ROLETIES_PORT; a second one, "roleties2" on the next port,
# for pg_dumpall into a fresh cluster and for roles of the same name made by a
# DBA), destroyed at the end; the shared test cluster is not touched.
#
#   - the ic_* roles: created and marked by the first CREATE EXTENSION, adopted
#     with a WARNING by the second database (naming where they came from); a
#     role of the same name made by someone else is adopted with a WARNING
#     naming its members, refused (IC010) with LOGIN/SUPERUSER/BYPASSRLS...;
#     DROP EXTENSION in one database leaves them to the other
#   - body_member ties a member to the role itself (regrole): a login reader
#     sees the same cards after ALTER ROLE ... RENAME; an unknown role is
#     refused (42704), also as a bare OID; role membership is cluster-wide but
#     body membership per database (the same login sees each database's slice)
#   - DROP ROLE of a member: the row stays, grants nothing, is listed by
#     dangling_member and is not dumped
#   - restore keeps the memberships: pg_dump | pg_restore into the same
#     cluster, pg_dumpall into a fresh cluster; pg_upgrade keeps them too
#   - the update from 0.2 converts names to roles and refuses (IC010) a name
#     that names no role, listing it, until it is resolved
#
# Prints "ok - ..." / "not ok - ..." per check; exits non-zero on a failure.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
port=${IC_ROLETIES_PORT:-$((${PGPORT:-55432} + 5))}
port2=$((port + 1))
failures=0

ok()     { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }
check()  { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
same()   { [ "$1" = "$2" ] || { echo "# expected: $2"; echo "#      got: $1"; return 1; }; }
has()    { case "$1" in *"$2"*) return 0 ;; *) echo "# expected to contain: $2"; echo "# got: $1" | head -n 5; return 1 ;; esac; }
cl()     { IC_PORT=$1 IC_CRON_DB=postgres bash "$repo/scripts/cluster.sh" "$2" "$3"; }
# q DB SQL [USER]: one statement's rows, unaligned; as superuser unless USER
q()      { psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" ${3:+-U "$3"} -c "$2"; }
# qe DB SQL [USER]: stderr and stdout of a statement expected to say something
qe()     { psql -X -q -At -v ON_ERROR_STOP=1 -v VERBOSITY=verbose -d "$1" ${3:+-U "$3"} -c "\\set VERBOSITY verbose" -c "$2" 2>&1; }

destroy() { cl $port destroy roleties >/dev/null 2>&1; cl $port2 destroy roleties2 >/dev/null 2>&1; }
destroy
tmp=$(mktemp -d /tmp/ic-roleties.XXXXXX)
trap 'destroy; rm -rf "$tmp"' EXIT
cl $port start roleties >/dev/null || { not_ok "the roleties cluster starts on port $port"; exit 1; }
eval "$(cl $port env roleties)"
echo "# cluster roleties on port $PGPORT"

# a registry in DB: the demo's bodies, acts and instructions
populate() { psql -X -q -d "$1" -f "$repo/demo/30_registry.sql" >/dev/null 2>&1; }
# the cards a member of body CODE sees (responsible or co-executing), as the superuser counts them
cards_of() {
	q "$1" "SELECT count(*) FROM instruction_control.instruction i, instruction_control.state_body b
	         WHERE b.code = '$2' AND (i.responsible_body_id = b.id OR b.id = ANY (i.co_executor_ids))"
}
# the cards LOGIN sees in DB through row-level security
sees() { q "$1" "SELECT count(*) FROM instruction_control.instruction" "$2"; }

# 1. The roles: created and marked once, adopted explicitly by the second database
createdb rt_one && createdb rt_two
out=$(q rt_one "CREATE EXTENSION instruction_control" 2>&1)
check "the first CREATE EXTENSION of the cluster creates the ic_* roles without a warning" same "$out" ""
check "each ic_* role is marked as the extension's, naming the database that created it" same \
	"$(q postgres "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'ic\_%' AND NOT rolcanlogin
	                AND shobj_description(oid, 'pg_authid') = 'instruction_control group role, created by CREATE EXTENSION instruction_control in database rt_one'")" 5
out=$(q rt_two "CREATE EXTENSION instruction_control" 2>&1)
check "a second database adopts them with a WARNING naming each role (CREATE EXTENSION hides a NOTICE)" has "$out" \
	"WARNING:  instruction_control adopts the existing roles ic_reader, ic_executor, ic_controller, ic_admin, ic_integrator"
check "... saying they were created by the extension in the other database" has "$out" \
	"created by CREATE EXTENSION instruction_control in database rt_one"
check "... and that body membership is per database" has "$out" "which state bodies they act for (body_member) is per database"
populate rt_one
populate rt_two

# logins: an administrator (no superuser) and readers
q postgres "CREATE ROLE rt_admin LOGIN IN ROLE ic_admin; CREATE ROLE rt_alice LOGIN IN ROLE ic_reader;
            CREATE ROLE rt_bob LOGIN IN ROLE ic_reader; CREATE ROLE rt_carol LOGIN IN ROLE ic_reader" >/dev/null

# 2. body_member: a role, by identity
n_edu=$(cards_of rt_one MINEDU)
n_fin=$(cards_of rt_two MINFIN)
q rt_one "INSERT INTO instruction_control.body_member SELECT 'rt_alice', id FROM instruction_control.state_body WHERE code = 'MINEDU'" rt_admin
check "an ic_admin login ties rt_alice to a body; rt_alice sees its $n_edu cards (more than none)" \
	same "$(sees rt_one rt_alice):$([ "$n_edu" -gt 0 ] && echo some)" "$n_edu:some"
check "role membership is cluster-wide, body membership per database: in rt_two rt_alice sees nothing yet" \
	same "$(sees rt_two rt_alice)" 0
q rt_two "INSERT INTO instruction_control.body_member SELECT 'rt_alice', id FROM instruction_control.state_body WHERE code = 'MINFIN'" rt_admin
check "with a row of rt_two's body_member it sees rt_two's MINFIN cards ($n_fin), and still $n_edu in rt_one" \
	same "$(sees rt_two rt_alice):$(sees rt_one rt_alice)" "$n_fin:$n_edu"

q postgres "ALTER ROLE rt_alice RENAME TO rt_alice_renamed" >/dev/null
check "after ALTER ROLE ... RENAME the login keeps its $n_edu cards in rt_one and $n_fin in rt_two" \
	same "$(sees rt_one rt_alice_renamed):$(sees rt_two rt_alice_renamed)" "$n_edu:$n_fin"
check "body_member shows the new name" same "$(q rt_one "SELECT member FROM instruction_control.body_member")" rt_alice_renamed

out=$(qe rt_one "INSERT INTO instruction_control.body_member SELECT 'rt_nobody', min(id) FROM instruction_control.state_body" rt_admin)
check "an unknown role is refused at insert (42704, naming it)" has "$out" 'ERROR:  42704: role "rt_nobody" does not exist'
out=$(qe rt_one "INSERT INTO instruction_control.body_member VALUES ('4000000000', (SELECT min(id) FROM instruction_control.state_body))" rt_admin)
check "... also given as a bare OID (42704, the HINT says CREATE ROLE first)" has "$out" 'CREATE ROLE it first'
check "nothing was written by the refused inserts" same "$(q rt_one "SELECT count(*) FROM instruction_control.body_member")" 1

# 3. DROP ROLE of a member: the row stays, grants nothing, is listed, is not dumped
q rt_one "INSERT INTO instruction_control.body_member SELECT 'rt_bob', id FROM instruction_control.state_body WHERE code = 'MINHEALTH'" rt_admin
bob_oid=$(q postgres "SELECT oid FROM pg_roles WHERE rolname = 'rt_bob'")
check "rt_bob sees MINHEALTH's cards" same "$(sees rt_one rt_bob)" "$(cards_of rt_one MINHEALTH)"
q postgres "DROP ROLE rt_bob" >/dev/null
check "DROP ROLE of a member is not stopped (no event triggers for roles); dangling_member lists its row for ic_admin" \
	same "$(q rt_one "SELECT in_table || ':' || role_oid FROM instruction_control.dangling_member" rt_admin)" "body_member:$bob_oid"
check "the dangling row grants nothing: a new login rt_carol sees nothing" same "$(sees rt_one rt_carol)" 0

# 4. Restore keeps the memberships (and leaves the dangling row out); the
# registry's ids are reloaded with restore_mode (README, Backup and restore)
pg_dump -Fc -f "$tmp/rt_one.dump" rt_one 2>/dev/null
createdb rt_three
PGOPTIONS="-c instruction_control.restore_mode=on" pg_restore -d rt_three "$tmp/rt_one.dump" >"$tmp/restore.log" 2>&1
check "pg_restore into the same cluster: body_member is rt_one's without the dropped role's row" same \
	"$(q rt_three "SELECT string_agg(member::text || ':' || body_id, ',' ORDER BY body_id) FROM instruction_control.body_member")" \
	"$(q rt_one "SELECT string_agg(member::text || ':' || body_id, ',' ORDER BY body_id) FROM instruction_control.body_member
	              WHERE member::oid IN (SELECT oid FROM pg_roles)")"
check "... and the renamed login sees its $n_edu cards there" same "$(sees rt_three rt_alice_renamed)" "$n_edu"
q rt_one "DELETE FROM instruction_control.body_member WHERE member::oid = $bob_oid" rt_admin
check "ic_admin deletes the dangling row" same "$(q rt_one "SELECT count(*) FROM instruction_control.dangling_member")" 0

# 5. DROP EXTENSION in one database leaves the roles to the other
q rt_three "DROP EXTENSION instruction_control CASCADE" >/dev/null 2>&1
q rt_two "DROP EXTENSION instruction_control CASCADE" >/dev/null 2>&1
check "DROP EXTENSION in two databases leaves the ic_* roles and their members" same \
	"$(q postgres "SELECT count(*) FROM pg_roles WHERE rolname LIKE 'ic\_%'"):$(q postgres "SELECT pg_has_role('rt_alice_renamed', 'ic_reader', 'MEMBER')")" "5:t"
check "... and rt_one serves the login as before" same "$(sees rt_one rt_alice_renamed)" "$n_edu"

# 6. The update from 0.2: names become roles; a name of no role is refused, not lost
createdb rt_old
q rt_old "CREATE EXTENSION instruction_control VERSION '0.2'" >/dev/null 2>&1
populate rt_old
q rt_old "INSERT INTO instruction_control.body_member SELECT m, id FROM instruction_control.state_body,
            (VALUES ('rt_alice_renamed'), ('rt_gone')) v(m) WHERE code = 'MINEDU'" >/dev/null
out=$(qe rt_old "ALTER EXTENSION instruction_control UPDATE")
check "the update from 0.2 refuses a body_member name that names no role (IC010), listing it" has "$out" "IC010"
check "... naming the row" has "$out" "rt_gone (body_member body_id"
check "... and changed nothing: still 0.2, both rows there" same \
	"$(q rt_old "SELECT extversion FROM pg_extension WHERE extname = 'instruction_control'"):$(q rt_old "SELECT count(*) FROM instruction_control.body_member")" "0.2:2"
q rt_old "DELETE FROM instruction_control.body_member WHERE member = 'rt_gone'"
check "once the row is deleted, the update runs" same "$(q rt_old "ALTER EXTENSION instruction_control UPDATE" >/dev/null 2>&1 && echo done)" done
check "... converting the other name to the role" same \
	"$(q rt_old "SELECT pg_typeof(member) || ':' || member FROM instruction_control.body_member")" "regrole:rt_alice_renamed"
check "... which the login reads through row-level security as before" same "$(sees rt_old rt_alice_renamed)" "$n_edu"

# 7. pg_dumpall into a fresh cluster: roles first (other OIDs), then the memberships
pg_dumpall -f "$tmp/all.sql" 2>/dev/null
cl $port2 start roleties2 >/dev/null || { not_ok "the second cluster starts on port $port2"; exit 1; }
env2=$(cl $port2 env roleties2)
# in2 COMMAND...: run a command (q, sees, ...) against the second cluster
in2() { ( eval "$env2"; "$@" ); }
PGOPTIONS="-c instruction_control.restore_mode=on" in2 psql -X -q -d postgres -f "$tmp/all.sql" >"$tmp/dumpall.log" 2>&1
check "pg_dumpall into a fresh cluster: rt_one's memberships are there by name" same \
	"$(in2 q rt_one "SELECT string_agg(member::text || ':' || body_id, ',' ORDER BY body_id) FROM instruction_control.body_member")" \
	"$(q rt_one "SELECT string_agg(member::text || ':' || body_id, ',' ORDER BY body_id) FROM instruction_control.body_member")"
check "... and the login sees its $n_edu cards in the new cluster" same "$(in2 sees rt_one rt_alice_renamed)" "$n_edu"
check "... the roles keep the extension's marker (pg_dumpall writes COMMENT ON ROLE)" same \
	"$(in2 q postgres "SELECT count(*) FROM pg_roles WHERE shobj_description(oid, 'pg_authid') LIKE 'instruction_control group role,%'")" 5
cl $port2 destroy roleties2 >/dev/null 2>&1

# 8. A role of the same name made by someone else (a fresh cluster again)
cl $port2 start roleties2 >/dev/null || { not_ok "the second cluster starts again on port $port2"; exit 1; }
in2 q postgres "CREATE ROLE ic_integrator NOLOGIN; CREATE ROLE rt_edms LOGIN IN ROLE ic_integrator; CREATE ROLE ic_admin LOGIN" >/dev/null
in2 q postgres "CREATE DATABASE rt_host" >/dev/null
out=$(in2 qe rt_host "CREATE EXTENSION instruction_control")
check "an existing ic_admin with LOGIN is refused (IC010), naming the attribute" has "$out" "has LOGIN"
check "... nothing is created" same "$(in2 q rt_host "SELECT count(*) FROM pg_extension WHERE extname = 'instruction_control'"):$(in2 q postgres "SELECT count(*) FROM pg_roles WHERE rolname = 'ic_reader'")" "0:0"
in2 q postgres "ALTER ROLE ic_admin NOLOGIN" >/dev/null
out=$(in2 qe rt_host "CREATE EXTENSION instruction_control")
check "a foreign ic_integrator is adopted with a WARNING naming its members" has "$out" "its members: rt_edms"
check "... and the adoption WARNING says they were not created by the extension" has "$out" \
	"ic_admin, ic_integrator: existing roles not created by instruction_control"
check "... their comments are left as they were (no marker)" same \
	"$(in2 q postgres "SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles WHERE shobj_description(oid, 'pg_authid') IS NULL AND rolname LIKE 'ic\_%'")" "ic_admin,ic_integrator"

# 9. pg_upgrade (15 to 15 here): regrole columns may be upgraded and role OIDs are kept
cl $port2 destroy roleties2 >/dev/null 2>&1
cl $port2 start roleties2 >/dev/null && cl $port2 stop roleties2 >/dev/null
before=$(q rt_one "SELECT string_agg(member::oid || ':' || member::text || ':' || body_id, ',' ORDER BY body_id) FROM instruction_control.body_member")
cl $port stop roleties >/dev/null
bindir=$(pg_config --bindir)
work="$repo/.cluster/roleties2/upgrade"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$work" && { [ "$(id -u)" -ne 0 ] || chown postgres "$work"; }
if (cd "$work" && as_pg "$bindir/pg_upgrade" -b "$bindir" -B "$bindir" -d "$repo/.cluster/roleties/data" \
	-D "$repo/.cluster/roleties2/data" -p "$port" -P "$port2" -s "$work" >"$work/out.log" 2>&1); then
	ok "pg_upgrade accepts a registry whose body_member and person_role hold regrole"
else
	not_ok "pg_upgrade accepts a registry whose body_member and person_role hold regrole"
	tail -n 15 "$work/out.log" | sed 's/^/# /'
fi
cl $port2 start roleties2 >/dev/null
check "... the memberships are there with the same role OIDs" same \
	"$(in2 q rt_one "SELECT string_agg(member::oid || ':' || member::text || ':' || body_id, ',' ORDER BY body_id) FROM instruction_control.body_member")" "$before"
check "... and the login sees its $n_edu cards in the upgraded cluster" same "$(in2 sees rt_one rt_alice_renamed)" "$n_edu"

[ $failures -eq 0 ]
