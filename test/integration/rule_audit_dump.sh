#!/usr/bin/env bash
# Rule data versioned and audited, through pg_dump and pg_restore (issue 16,
# item 7; R74-1: the matrix below PA is data an administrator changes).
#
# An administrator (a LOGIN role holding only ic_admin, connected with
# psql -U) deletes and replaces seeded rows of sweep_setting, replaces and
# changes seeded rows of decision_authority, changes and deletes a seeded
# holiday, and changes R77's deciders; a controller (a LOGIN role holding only
# ic_controller) records decisions before and after.  Every change is in the
# journal with who and why; the decision after the change records another
# rules version.  Then pg_dump -Fc and pg_restore (restore_mode) into a fresh
# database: the answers (sweep settings per level, who_may_decide, the
# matrix, the working days, the journal, the rules versions) must be equal,
# and the journal goes on after the restore.
#
# Runs against the server the PG* variables point at (stage 8 of scripts/test.sh).
set -uo pipefail

src=ic_rule_audit_src
dst=ic_rule_audit_dst
admin=ic_rule_audit_admin
ctl=ic_rule_audit_controller
tmp=$(mktemp -d /tmp/ic-rule-audit.XXXXXX)
failures=0
ok()     { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }
q()      { psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
as()     { local role=$1 db=$2; shift 2; psql -X -q -At -v ON_ERROR_STOP=1 -U "$role" -d "$db" -c "$*"; }
same()   { [ "$1" = "$2" ] || { echo "# expected: $2" | head -c 2000; echo; echo "#      got: $1" | head -c 2000; echo; return 1; }; }
check()  { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }

cleanup() {
	dropdb --if-exists $src >/dev/null 2>&1
	dropdb --if-exists $dst >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT

cleanup
mkdir -p "$tmp"
createdb $src || { not_ok "createdb $src"; exit 1; }
q $src "CREATE EXTENSION instruction_control" >/dev/null || { not_ok "CREATE EXTENSION"; exit 1; }
for r in "$admin:ic_admin" "$ctl:ic_controller"; do
	q postgres "SET client_min_messages = warning; DO \$\$ BEGIN
	  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${r%%:*}') THEN
	    CREATE ROLE ${r%%:*} LOGIN;
	  END IF;
	END \$\$; GRANT ${r#*:} TO ${r%%:*};" >/dev/null
done
# exactly one ic_* role each
check "the administrator and the controller hold exactly one ic_* role each" \
	same "$(q postgres "SELECT string_agg(m.rolname || ':' || g.rolname, ',' ORDER BY m.rolname)
	                      FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.roleid
	                     WHERE m.rolname IN ('$admin', '$ctl')")" "$admin:ic_admin,$ctl:ic_controller"

S="SET search_path = instruction_control, public;"
# the administrator acts as a person the registry knows (person_role): a name is proven, not claimed
q $src "WITH p AS (INSERT INTO instruction_control.person (name) VALUES ('A. Admin') RETURNING id)
        INSERT INTO instruction_control.person_role SELECT id, '$admin' FROM p" >/dev/null \
	|| not_ok "the administrator's person is mapped"
q $src "INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central');" >/dev/null
# a personal instruction and one at central level, a first decision under the rules as installed
pp=$(as $ctl $src "$S SELECT (put_on_control('personal_published', 'pa', '2025-03-11', signed_on => '2025-03-10', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id")
c1=$(as $ctl $src "$S SELECT (put_on_control('act_point', 'central', '2025-03-03', term => '10 wd')).id")
pa=$(as $ctl $src "$S SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id")
v_before=$(as $ctl $src "$S SELECT rules_version FROM extend_deadline($pa, '2025-04-15', 'head_of_pa', 'conclusion', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')")
check "a decision under the rules as installed records rules version 0" same "$v_before" "0"

# R77 repro: the administrator widens R77's deciders -- refused without a basis (IC004)
out=$(as $admin $src "$S UPDATE decision_rule SET deciders = '{assistant_or_adviser}' WHERE rule_id = 'R77'" 2>&1)
case "$out" in
	*"needs its basis"*) ok "R74-1: a change of the matrix without a basis is refused (IC004)" ;;
	*) not_ok "R74-1: a change of the matrix without a basis is refused (IC004): $out" ;;
esac
as $admin $src "$S SET LOCAL instruction_control.change_basis = 'Decree No. 1 (test): R77 amended';
	SET LOCAL instruction_control.acting_person = 'A. Admin';
	UPDATE decision_rule SET deciders = '{assistant_or_adviser}' WHERE rule_id = 'R77'" >/dev/null \
	|| not_ok "the administrator changes R77 with a basis"
check "R77: the change is journaled with who, why and the person acting" \
	same "$(as $ctl $src "$S SELECT changed_by || '|' || basis || '|' || acted_by || '|' || (before->'deciders')::text || '|' || (after->'deciders')::text
	                        FROM rule_change_history WHERE table_name = 'decision_rule' AND row_key = '{\"id\": 10}'")" \
	"$admin|Decree No. 1 (test): R77 amended|A. Admin|[\"president\"]|[\"assistant_or_adviser\"]"
v_after=$(as $ctl $src "$S SELECT rules_version FROM remove_from_control($pp, 'executed', 'assistant_or_adviser', '{official_report}')" 2>&1)
check "R77: the removal the changed rules accepted records a newer rules version ($v_before -> $v_after)" \
	test -n "$v_after" -a "$v_after" != "$v_before" -a "$v_after" = "$(as $ctl $src "$S SELECT rules_version()")"
check "R77: the rules as of that version name the deciders that judged it" \
	same "$(as $ctl $src "$S SELECT string_agg(r.table_name || ':' || (r.row_data->'deciders')::text, ',')
	                        FROM decision d, rules_as_of(d.rules_version) r
	                       WHERE d.instruction_id = $pp AND r.table_name = 'decision_rule' AND r.row_key = '{\"id\": 10}'")" \
	'decision_rule:["assistant_or_adviser"]'
check "R77: and as of the earlier decision's version, the President" \
	same "$(as $ctl $src "$S SELECT (row_data->'deciders')::text FROM rules_as_of($v_before) WHERE table_name = 'decision_rule' AND row_key = '{\"id\": 10}'")" \
	'["president"]'

# seeded sweep settings: one deleted, one deleted and replaced, one changed then deleted
as $admin $src "$S DELETE FROM sweep_setting WHERE level = 'central';
	DELETE FROM sweep_setting WHERE level = 'local';
	INSERT INTO sweep_setting (level, reminder_days, escalation_grace_days) VALUES ('local', '{3}', 2);
	UPDATE sweep_setting SET reminder_days = '{10,2}' WHERE level = 'government';
	DELETE FROM sweep_setting WHERE level = 'government';
	INSERT INTO sweep_setting (level, reminder_days, escalation_grace_days) VALUES ('organisation', '{7}', 9)" >/dev/null \
	|| not_ok "the administrator deletes and replaces seeded sweep settings"
# seeded authorities: one replaced by an insert, one disabled, one changed then deleted by the owner
as $admin $src "$S SET instruction_control.change_basis = 'Government regulation No. 2 (test)';
	INSERT INTO decision_authority (level, action, decider, enabled, basis)
	VALUES ('central', 'extension', 'first_head', false, 'internal regulation (test)');
	INSERT INTO decision_authority (level, action, decider, basis)
	VALUES ('central', 'extension', 'deputy_prime_minister', 'internal regulation (test)');
	UPDATE decision_authority SET enabled = false WHERE level = 'local' AND action = 'removal';
	UPDATE decision_authority SET basis = 'changed (test)' WHERE level = 'organisation' AND action = 'transfer'" >/dev/null \
	|| not_ok "the administrator replaces and disables seeded authorities"
out=$(as $admin $src "$S SET instruction_control.change_basis = 'x'; DELETE FROM decision_authority WHERE level = 'organisation' AND action = 'transfer'" 2>&1)
case "$out" in
	*"permission denied"*) ok "R74-1: the administrator disables an authority, it cannot delete one (42501)" ;;
	*) not_ok "R74-1: the administrator cannot delete an authority: $out" ;;
esac
q $src "$S SET instruction_control.change_basis = 'withdrawn (test)';
	DELETE FROM instruction_control.decision_authority WHERE level = 'organisation' AND action = 'transfer'" >/dev/null \
	|| not_ok "the owner deletes an authority the administrator had changed"
# a seeded holiday changed, then deleted: 16 December 2026 becomes an ordinary day
as $admin $src "$S UPDATE calendar_day SET name = 'Independence Day (test)' WHERE calendar = 'KZ' AND day = '2026-12-16';
	DELETE FROM calendar_day WHERE calendar = 'KZ' AND day = '2026-12-16'" >/dev/null \
	|| not_ok "the administrator changes and deletes a seeded holiday"
check "the administrator cannot write the journal or its tombstones (42501)" \
	same "$(as $admin $src "SELECT has_table_privilege('instruction_control.rule_change', 'INSERT, UPDATE, DELETE, TRUNCATE'),
	                               has_table_privilege('instruction_control.rule_data_removed', 'INSERT, UPDATE, DELETE, TRUNCATE')")" "f|f"
out=$(as $admin $src "INSERT INTO instruction_control.rule_change (rules_version, table_name, row_key, operation, after, changed_by, changed_at)
	VALUES (999, 'decision_rule', '{}', 'INSERT', '{}', 'nobody', now())" 2>&1)
case "$out" in
	*"permission denied"*) ok "a forged journal row is refused (42501)" ;;
	*) not_ok "a forged journal row is refused: $out" ;;
esac
c2=$(as $ctl $src "$S SELECT (put_on_control('act_point', 'central', '2025-03-03', term => '10 wd')).id")
as $ctl $src "$S SELECT extend_deadline($c2, '2025-04-15', 'deputy_prime_minister', 'letter', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')" >/dev/null \
	|| not_ok "a decision under the administrator's authority"

# the answers, asked in both databases
answers() {
	local db=$1 f
	q $db "$S SELECT l, coalesce(s.reminder_days, '{5,1}'), coalesce(s.escalation_grace_days, 5), s.seeded
	         FROM instruction_control.control_levels() l LEFT JOIN instruction_control.sweep_setting s ON s.level = l ORDER BY 1" > "$tmp/$db.sweep"
	q $db "$S SELECT i.id, a, w.decider, w.rule FROM instruction_control.instruction i,
	              unnest('{extension,transfer,removal}'::instruction_control.decision_kind[]) a,
	              instruction_control.who_may_decide(i.id, a) w
	        ORDER BY 1, 2, 3" > "$tmp/$db.who"
	q $db "SELECT m::text FROM instruction_control.decision_matrix m ORDER BY 1" > "$tmp/$db.matrix"
	q $db "SELECT instruction_control.working_days_between('2026-12-01', '2026-12-31'),
	              instruction_control.is_working_day('2026-12-16')" > "$tmp/$db.calendar"
	q $db "SELECT d.calendar, d.day, d.kind, d.name FROM instruction_control.calendar_day d ORDER BY 1, 2" > "$tmp/$db.days"
	q $db "SELECT id, rules_version, table_name, row_key, operation, before, after, basis, changed_by, acted_by, changed_at
	         FROM instruction_control.rule_change_history ORDER BY rules_version" > "$tmp/$db.journal"
	q $db "$S SELECT instruction_control.rules_version(), (SELECT string_agg(instruction_id || ':' || seq || ':' || coalesce(rules_version::text, '-'), ',' ORDER BY instruction_id, seq)
	                                                    FROM instruction_control.decision)" > "$tmp/$db.versions"
	for f in sweep who matrix calendar days journal versions; do
		[ -s "$tmp/$db.$f" ] || not_ok "the $f question answered in $db"
	done
}
answers $src
check "the journal holds every change (R77, sweep settings, authorities, the holiday)" \
	test "$(wc -l < "$tmp/$src.journal")" -ge 14
check "deleted keys leave tombstones that pg_dump carries" \
	same "$(q $src "SELECT string_agg(table_name || row_key::text, ',' ORDER BY table_name, row_key::text) FROM instruction_control.rule_data_removed")" \
	'calendar_day{"day": "2026-12-16", "calendar": "KZ"},decision_authority{"level": "organisation", "action": "transfer", "decider": "first_head"},sweep_setting{"level": "central"},sweep_setting{"level": "government"}'

pg_dump -Fc -d $src -f "$tmp/src.dump" 2>"$tmp/dump.log" || not_ok "pg_dump -Fc"
createdb $dst || not_ok "createdb $dst"
if PGOPTIONS='-c instruction_control.restore_mode=on' pg_restore -d $dst "$tmp/src.dump" 2>"$tmp/restore.log"; then
	ok "pg_restore with instruction_control.restore_mode"
else
	not_ok "pg_restore with instruction_control.restore_mode"; sed 's/^/#   /' "$tmp/restore.log" | head -n 10
fi
answers $dst
for a in sweep:"sweep settings per level" who:"who_may_decide on every instruction" matrix:"the decision matrix" \
	calendar:"working days of December 2026" days:"the calendar's days" journal:"the rule data's journal" \
	versions:"the rules version and each decision's"; do
	if diff "$tmp/$src.${a%%:*}" "$tmp/$dst.${a%%:*}" >"$tmp/diff" 2>&1; then
		ok "after dump and restore: ${a#*:} the same"
	else
		not_ok "after dump and restore: ${a#*:} the same"; head -n 10 "$tmp/diff" | sed 's/^/#   /'
	fi
done

# the journal goes on after the restore: the next change is the next version
next=$(( $(q $dst "SELECT instruction_control.rules_version()") + 1 ))
as $admin $dst "$S SET instruction_control.change_basis = 'after the restore (test)';
	UPDATE decision_rule SET enabled = false WHERE rule_id = 'R70.4'" >/dev/null \
	|| not_ok "the administrator changes the matrix after the restore"
check "after the restore the journal goes on with version $next" \
	same "$(q $dst "SELECT rules_version || ':' || changed_by FROM instruction_control.rule_change_history ORDER BY id DESC LIMIT 1")" "$next:$admin"

[ "$failures" -eq 0 ]
