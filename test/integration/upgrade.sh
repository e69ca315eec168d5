#!/usr/bin/env bash
# Upgrades: from every released version (0.1, 0.2), CREATE EXTENSION ...
# VERSION 'X' on a populated database, then ALTER EXTENSION ... UPDATE (the
# chain of step scripts), must give what a fresh CREATE EXTENSION of the
# current version gives -- the same catalog objects (pg_describe_object of
# every member), the same definitions (columns, functions, triggers,
# constraints, indexes, policies, privileges) and the same answers to the same
# queries -- and keep the registry's data and an administrator's calendar years.
# The released scripts themselves are frozen (sql/released.sha256).
#
# Runs against the server the PG* variables point at (stage 8 of scripts/test.sh).
set -uo pipefail

new=ic_upgrade_new
failures=0
ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

# the registry of the demo, written the same way in both databases
populate() {
	# (the demo's refused decisions print their errors: they are part of it)
	# The same calls on 0.1, 0.2 and 0.3, as a 0.2 client makes them: no evidence kinds for an
	# extension or transfer, so the fresh registry takes the 0.2 opt-out (R69.1's typed basis is
	# on by default since 0.3); the old ones judge a free-text basis as 0.2 did until the update.
	sed "s/, evidence => '[^']*'//" demo/30_registry.sql |
		PGOPTIONS='-c instruction_control.typed_basis=off' psql -X -q -d "$1" -f - >/dev/null 2>&1
}

if sha256sum --quiet -c sql/released.sha256; then
	ok "the released scripts are as they were shipped (sql/released.sha256)"
else
	not_ok "a released script was changed: the scripts of a release are frozen"
fi

current=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" instruction_control.control)
dropdb --if-exists $new >/dev/null 2>&1
createdb $new || { not_ok "create $new"; exit 1; }
q $new "CREATE EXTENSION instruction_control" >/dev/null || { not_ok "CREATE EXTENSION (fresh $current)"; exit 1; }
q $new "SELECT instruction_control.extend_calendar('KZ', 2077)" >/dev/null
populate $new || not_ok "the fresh registry is written"

# upgrade_from VERSION: a registry written on VERSION, updated, held to the fresh one
upgrade_from() {
local from=$1
local old=ic_upgrade_from_${from//./_}
dropdb --if-exists "$old" >/dev/null 2>&1
createdb "$old" || { not_ok "create $old"; return; }
q $old "CREATE EXTENSION instruction_control VERSION '$from'" >/dev/null || { not_ok "CREATE EXTENSION VERSION '$from'"; return; }
populate $old || not_ok "the $from registry is written"
# an administrator's own calendar year, generated before the upgrade
q $old "SELECT instruction_control.extend_calendar('KZ', 2077)" >/dev/null || not_ok "an administrator generates 2076-2077 on $from"
before_years=$(q $old "SELECT string_agg(year || ':' || status || ':' || seeded, ',' ORDER BY year) FROM instruction_control.calendar_year WHERE year > 2075")
before_rows=$(q $old "SELECT count(*) FROM instruction_control.decision")
# the update in a session whose settings are compared before and after it: what
# the scripts set is for their own run (every row of pg_settings, so a setting a
# later script makes is covered too)
if changed=$(psql -X -q -At -v ON_ERROR_STOP=1 -d "$old" \
		-c "CREATE TEMP TABLE settings_before AS SELECT name, setting, source FROM pg_settings" \
		-c "ALTER EXTENSION instruction_control UPDATE" \
		-c "SELECT coalesce(string_agg(name, ', ' ORDER BY name), '') FROM (SELECT name, setting, source FROM settings_before
		      EXCEPT SELECT name, setting, source FROM pg_settings) c"); then
	ok "ALTER EXTENSION instruction_control UPDATE from $from"
else
	not_ok "ALTER EXTENSION instruction_control UPDATE from $from"; return
fi
[ -z "$changed" ] && ok "the update from $from leaves the session's settings as they were" \
	|| not_ok "the update from $from changed the session's settings: $changed"
[ "$(q $old "SELECT extversion FROM pg_extension WHERE extname = 'instruction_control'")" = "$current" ] \
	&& ok "the updated extension is version $current" || not_ok "the updated extension is version $current"
[ "$(q $old "SELECT instruction_control.lib_version()")" = "$current" ] \
	&& ok "the library and the scripts are of the same release" || not_ok "lib_version() = $current"

# compare one catalog question in both databases
same() {
	local what=$1 sql=$2
	local a=/tmp/ic_upgrade_old.$$ b=/tmp/ic_upgrade_new.$$
	if ! q $old "$sql" >$a 2>&1 || ! q $new "$sql" >$b 2>&1; then
		not_ok "$what: the query failed"
		cat $a $b | head -n 5 | sed 's/^/#   /'
	elif diff $a $b >/tmp/ic_upgrade_diff.$$ 2>&1; then
		ok "$what: the same after the upgrade from $from as fresh"
	else
		not_ok "$what: the same after the upgrade from $from as fresh"
		head -n 20 /tmp/ic_upgrade_diff.$$ | sed 's/^/#   /'
	fi
	rm -f /tmp/ic_upgrade_diff.$$ $a $b
}

ext="(SELECT oid FROM pg_extension WHERE extname = 'instruction_control')"
nsp="'instruction_control'::regnamespace"
same "member objects (pg_describe_object)" \
	"SELECT pg_describe_object(classid, objid, objsubid) FROM pg_depend WHERE refobjid = $ext AND deptype = 'e' ORDER BY 1"
same "table columns" \
	"SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),
	        a.attidentity
	   FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
	   LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
	  WHERE c.relnamespace = $nsp AND c.relkind IN ('r', 'v', 'u', 'p')
	  ORDER BY 1, 2"
same "functions and procedures" \
	"SELECT p.oid::regprocedure::text, md5(pg_get_functiondef(p.oid)),
	        (SELECT array_agg(a::text ORDER BY a::text) FROM unnest(coalesce(p.proacl, acldefault('f', p.proowner))) a)
	   FROM pg_proc p WHERE p.pronamespace = $nsp AND p.prokind IN ('f', 'p') ORDER BY 1"
same "triggers" \
	"SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid), t.tgenabled FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
	  WHERE c.relnamespace = $nsp AND NOT t.tgisinternal ORDER BY 1, 2"
same "constraints" \
	"SELECT conrelid::regclass::text, contypid::regtype::text, pg_get_constraintdef(oid) FROM pg_constraint
	  WHERE connamespace = $nsp ORDER BY 1, 2, 3"
same "indexes" \
	"SELECT pg_get_indexdef(indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
	  WHERE c.relnamespace = $nsp ORDER BY 1"
same "row-level security and policies" \
	"SELECT c.relname, c.relrowsecurity, p.polname, p.polcmd, p.polroles::regrole[]::text, pg_get_expr(p.polqual, p.polrelid),
	        pg_get_expr(p.polwithcheck, p.polrelid)
	   FROM pg_class c LEFT JOIN pg_policy p ON p.polrelid = c.oid
	  WHERE c.relnamespace = $nsp AND c.relkind = 'r' ORDER BY 1, 3"
same "privileges on tables, views and sequences" \
	"SELECT c.relname, (SELECT array_agg(a::text ORDER BY a::text)
	                      FROM unnest(coalesce(c.relacl, acldefault((CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END)::\"char\", c.relowner))) a)
	   FROM pg_class c WHERE c.relnamespace = $nsp AND c.relkind IN ('r', 'v', 'S') ORDER BY 1"
same "views" \
	"SELECT c.relname, md5(pg_get_viewdef(c.oid)), c.reloptions FROM pg_class c WHERE c.relnamespace = $nsp AND c.relkind = 'v' ORDER BY 1"
same "types and domains" \
	"SELECT t.typname, t.typtype, format_type(t.typbasetype, t.typtypmod) FROM pg_type t
	  WHERE t.typnamespace = $nsp AND t.typtype IN ('b', 'd', 'e') ORDER BY 1"
same "collations (issue 17 item 3: kk, ru, und)" \
	"SELECT c.collname, c.collprovider, c.colliculocale, c.collcollate, c.collisdeterministic, obj_description(c.oid, 'pg_collation')
	   FROM pg_collation c WHERE c.collnamespace = $nsp ORDER BY 1"
same "comments on functions, relations and columns (the documentation BI tools and \\dd read)" \
	"SELECT d.classoid::regclass::text, CASE WHEN d.classoid = 'pg_proc'::regclass THEN d.objoid::regprocedure::text
	                                         ELSE d.objoid::regclass::text END,
	        (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = d.objoid AND a.attnum = d.objsubid AND d.objsubid > 0
	            AND d.classoid = 'pg_class'::regclass) AS column_name, md5(d.description)
	   FROM pg_description d
	  WHERE (d.classoid = 'pg_proc'::regclass AND d.objoid IN (SELECT p.oid FROM pg_proc p WHERE p.pronamespace = $nsp))
	     OR (d.classoid = 'pg_class'::regclass AND d.objoid IN (SELECT c.oid FROM pg_class c WHERE c.relnamespace = $nsp))
	  ORDER BY 1, 2, 3"
same "dump configuration" \
	"SELECT c.relname, x.cond FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(oid, cond)
	   JOIN pg_class c ON c.oid = x.oid WHERE e.extname = 'instruction_control' ORDER BY 1"

# the same answers to the same questions
same "seeded data (vocabulary, rules, matrix, calendar)" \
	"SELECT md5(string_agg(v::text, '|' ORDER BY v::text)) FROM instruction_control.vocabulary v
	 UNION ALL SELECT md5(string_agg(r::text, '|' ORDER BY r::text)) FROM instruction_control.rule r
	 UNION ALL SELECT md5(string_agg(m::text, '|' ORDER BY m::text)) FROM instruction_control.decision_matrix m
	 UNION ALL SELECT md5(string_agg(d::text, '|' ORDER BY d::text)) FROM instruction_control.calendar_day d WHERE seeded"
same "the registry's state" \
	"SELECT id, kind, level, status, due_date, original_due_date, regime, extensions, decision_count, last_decided_on
	   FROM instruction_control.instruction ORDER BY id"
same "the journal" \
	"SELECT instruction_id, seq, kind, decided_by, decided_on, old_due_date, new_due_date, repeated, measures_due_date, acted_by
	   FROM instruction_control.decision ORDER BY instruction_id, seq"
same "the control cards" \
	"SELECT instruction_id, status, due_date, extensions, transfers, new_deadlines, status_ru FROM instruction_control.report_control_card ORDER BY 1"
same "who may decide" \
	"SELECT i.id, w.decider, w.rule FROM instruction_control.instruction i,
	        instruction_control.who_may_decide(i.id, 'extension') w WHERE i.status = 'on_control' ORDER BY 1, 2"
same "the registry as of a past day" \
	"SELECT * FROM instruction_control.instruction_as_of('2025-03-20') ORDER BY 1"

after_years=$(q $old "SELECT string_agg(year || ':' || status || ':' || seeded, ',' ORDER BY year) FROM instruction_control.calendar_year WHERE year > 2075")
[ -n "$before_years" ] && [ "$before_years" = "$after_years" ] \
	&& ok "the administrator's calendar years ($before_years) are kept as they were" \
	|| not_ok "the administrator's calendar years: before $before_years, after $after_years"
[ "$(q $old "SELECT count(*) FROM instruction_control.decision")" = "$before_rows" ] \
	&& ok "no journal row lost or added by the upgrade" || not_ok "journal rows before and after the upgrade"
# ids continue after the upgrade (identity columns, issue 16): none is given twice
max_ids=$(q $old "SELECT max(id) FROM instruction_control.decision")
if q $old "SELECT instruction_control.extend_deadline(2, '2025-06-30', 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')" >/dev/null 2>&1 \
	|| q $old "SELECT instruction_control.remove_from_control(2, 'executed', 'head_of_pa', ARRAY['official_report'], 'r')" >/dev/null 2>&1; then
	[ "$(q $old "SELECT max(id) > $max_ids FROM instruction_control.decision")" = "t" ] \
		&& ok "the journal's identity continues after the old sequence ($max_ids)" \
		|| not_ok "the journal's identity continues after the old sequence ($max_ids)"
else
	not_ok "a decision is recorded after the upgrade (identity id)"
fi
# the updated registry still judges: a third extension is refused (R69.1, R72.2)
if q $old "SELECT instruction_control.extend_deadline(1, '2025-06-30', 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')" >/dev/null 2>&1; then
	not_ok "after the upgrade the rules still judge (R72.2)"
else
	ok "after the upgrade the rules still judge: a repeated extension without review is refused (R72.2)"
fi

dropdb --if-exists "$old" >/dev/null 2>&1
}

for from in 0.1 0.2; do
	upgrade_from "$from"
done
dropdb --if-exists $new >/dev/null 2>&1
[ "$failures" -eq 0 ]
