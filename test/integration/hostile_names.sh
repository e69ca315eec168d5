#!/usr/bin/env bash
# Hostile names, by construction (issue 16, item 1).  No query the extension
# runs may resolve a name through the caller's search_path or pg_temp.
#
# The names are not listed by hand: they are read from what the extension runs
#   - the body of every SQL and PL/pgSQL function of the extension (catalog),
#   - the definition of every view and row-level security policy (catalog),
#   - every string literal of the C sources (src/**/*.[ch], the SPI texts),
# tokenized into identifiers and operators.  For each name that is
#   - a type of pg_catalog or of the extension: a DOMAIN of that name over it in
#     schema hostile AND in each session's pg_temp, whose CHECK runs the trap;
#   - a relation of pg_catalog or of the extension: a view of that name in
#     hostile AND a temp view in each session's pg_temp, reading them runs the
#     trap, writing them (INSTEAD OF trigger) runs it too;
#   - a function or aggregate of pg_catalog or of the extension: the same name
#     with the same argument types in hostile, which runs the trap and answers
#     like the real one;
#   - an operator of pg_catalog or of the extension: the same operator over
#     the same types in hostile, which runs the trap.
# Then every public function, procedure and form (each needs a sample call
# below: a function without one fails the test) and every view of the
# extension is run as the superuser and as a LOGIN role of each ic_* role, with
#   search_path = hostile, instruction_control, pg_catalog
# (pg_temp, holding the temp traps, is searched first for relations and types).
# The trap raises a WARNING, which reaches the client even when the statement
# fails and rolls back: not one may appear.
#
# Runs against the server the PG* variables point at (stage 8 of scripts/test.sh).
set -uo pipefail

db=ic_hostile_names
roles="ic_reader ic_executor ic_controller ic_admin ic_integrator"
tmp=$(mktemp -d /tmp/ic_hostile_names.XXXXXX)
failures=0
ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -c "$1"; }
cleanup() {
	dropdb --if-exists $db >/dev/null 2>&1
	for r in $roles; do psql -X -q -d postgres -c "DROP ROLE IF EXISTS hn_${r#ic_}" >/dev/null 2>&1; done
	rm -rf "$tmp"
}
cleanup
tmp=$(mktemp -d /tmp/ic_hostile_names.XXXXXX)

# ---------------------------------------------------------------------------
# A registry with data, dblink and pg_cron (the scheduling functions run too),
# and a LOGIN role per ic_* role.
# ---------------------------------------------------------------------------
createdb $db || { not_ok "create $db"; exit 1; }
q "CREATE EXTENSION instruction_control; CREATE EXTENSION dblink" >/dev/null \
	|| { not_ok "CREATE EXTENSION instruction_control, dblink"; exit 1; }
psql -X -q -d $db -f demo/30_registry.sql >/dev/null 2>&1
cron_db=$(q "SELECT current_setting('cron.database_name', true)")
[ -n "$cron_db" ] && psql -X -q -d "$cron_db" -c "CREATE EXTENSION IF NOT EXISTS pg_cron" >/dev/null 2>&1
for r in $roles; do
	q "CREATE ROLE hn_${r#ic_} LOGIN; GRANT $r TO hn_${r#ic_}" >/dev/null || not_ok "create the login of $r"
done
q "INSERT INTO instruction_control.body_member (member, body_id) VALUES ('hn_reader', 1), ('hn_executor', 1)" >/dev/null
q "INSERT INTO instruction_control.body_function (body_id, function) VALUES (2, 'foreign_affairs')" >/dev/null
# a linked host table (Embedding): the link's functions and triggers run too
q "CREATE SCHEMA hn_host; CREATE TABLE hn_host.staff (login text PRIMARY KEY, full_name text NOT NULL);
   INSERT INTO hn_host.staff VALUES ('hn.one', 'H. One');
   SELECT instruction_control.link_host('person', 'hn_host.staff', 'login', '{\"name\": \"full_name\"}')" >/dev/null \
	|| not_ok "link a host table"

# ---------------------------------------------------------------------------
# The samples: one call per public function (signature as regprocedure with
# search_path = instruction_control, pg_catalog).  :NEW is a fresh instruction.
# The calls qualify everything they name themselves: only the extension may
# meet the traps.
# ---------------------------------------------------------------------------
cat >"$tmp/samples" <<'EOF'
lib_version()	SELECT instruction_control.lib_version()
is_blank(text)	SELECT instruction_control.is_blank(' x ')
creating_extension()	SELECT instruction_control.creating_extension()
unicode_text(text)	SELECT instruction_control.unicode_text('\0410')
label(control_level,text)	SELECT instruction_control.label('pa'::instruction_control.control_level, 'ru')
control_levels()	SELECT * FROM instruction_control.control_levels()
label(instruction_kind,text)	SELECT instruction_control.label('personal'::instruction_control.instruction_kind, 'kk')
instruction_kinds()	SELECT * FROM instruction_control.instruction_kinds()
is_personal(instruction_kind)	SELECT instruction_control.is_personal('personal')
is_published_personal(instruction_kind)	SELECT instruction_control.is_published_personal('personal_published')
extension_only_by_president(instruction_kind)	SELECT instruction_control.extension_only_by_president('act_point')
is_security_council(instruction_kind)	SELECT instruction_control.is_security_council('security_council')
is_national_plan(instruction_kind)	SELECT instruction_control.is_national_plan('national_plan')
requires_pa_control(instruction_kind)	SELECT instruction_control.requires_pa_control('event')
depth(point_ref)	SELECT instruction_control.depth('1.42-1')
parent(point_ref)	SELECT instruction_control.parent('1.42-1')
point_ref_subtree_last(point_ref)	SELECT instruction_control.point_ref_subtree_last('1.42')
point_ref_subtree_upper(point_ref)	SELECT instruction_control.point_ref_subtree_upper('1.42')
point_ref_contains(point_ref,point_ref)	SELECT instruction_control.point_ref_contains('1', '1.42-1')
point_ref(integer)	SELECT instruction_control.point_ref(7)
term_count(term)	SELECT instruction_control.term_count('10 wd')
term_unit(term)	SELECT instruction_control.term_unit('2 months')
is_working_day(date)	SELECT instruction_control.is_working_day('2027-03-06')
is_working_day(date,text)	SELECT instruction_control.is_working_day('2027-03-08', 'KZ')
add_working_days(date,integer)	SELECT instruction_control.add_working_days('2027-03-03', 10)
add_working_days(date,integer,text)	SELECT instruction_control.add_working_days('2026-03-03', 10, 'KZ')
working_days_between(date,date)	SELECT instruction_control.working_days_between('2025-03-03', '2025-03-17')
working_days_between(date,date,text)	SELECT instruction_control.working_days_between('2025-03-03', '2025-03-17', 'KZ')
roll_forward(date)	SELECT instruction_control.roll_forward('2025-03-22')
roll_forward(date,text)	SELECT instruction_control.roll_forward('2025-03-22', 'KZ')
roll_backward(date)	SELECT instruction_control.roll_backward('2025-03-22')
roll_backward(date,text)	SELECT instruction_control.roll_backward('2025-03-22', 'KZ')
working_days(date,date)	SELECT * FROM instruction_control.working_days('2025-03-01', '2025-03-31')
working_days(date,date,text)	SELECT * FROM instruction_control.working_days('2025-03-01', '2025-03-31', 'KZ')
deadline(date,term,text)	SELECT instruction_control.deadline('2025-03-03', '1 month', 'KZ')
is_confirmed(date)	SELECT instruction_control.is_confirmed('2025-03-03')
is_confirmed(date,text)	SELECT instruction_control.is_confirmed('2030-03-03', 'KZ')
calendar_cache_loads()	SELECT instruction_control.calendar_cache_loads()
calendar_compiled_rows()	SELECT * FROM instruction_control.calendar_compiled_rows()
kurban_ait_estimate(integer)	SELECT * FROM instruction_control.kurban_ait_estimate(2031)
calendar_generate_years(text,integer,integer,date[],boolean)	SELECT instruction_control.calendar_generate_years('KZ', 2076, 2077, NULL, true)
generate_calendar_year(text,integer,date)	SELECT instruction_control.generate_calendar_year('KZ', 2078)
extend_calendar(text,integer,boolean)	SELECT instruction_control.extend_calendar('KZ', 2080)
add_transfer(text,date,date,text)	SELECT instruction_control.add_transfer('KZ', '2079-01-14', '2079-01-13', 'decree No. 1')
confirm_calendar_year(text,integer,text)	SELECT instruction_control.confirm_calendar_year('KZ', 2079, 'decree No. 1')
label(text,text,text)	SELECT instruction_control.label('decision_kind', 'extension', 'ru')
vocabulary_codes()	SELECT * FROM instruction_control.vocabulary_codes()
label(text,text)	SELECT instruction_control.label('extension', 'ru')
code_of(text,text)	SELECT instruction_control.code_of('decider', 'Head of the Presidential Administration')
put_on_control(instruction_kind,control_level,date,term,date,text,bigint,point_ref,date,bigint,bigint[],bigint,text,text,text,monitoring_category,secrecy_class,text,boolean,boolean,boolean,reporting_period,bigint,text,deadline_source,bigint)	SELECT (instruction_control.put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', responsible_body_id => 1, co_executor_ids => '{2}', reporting_period => 'monthly', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id
extend_deadline(bigint,date,decider,text,text,date,text,evidence_kind[],text)	SELECT (instruction_control.extend_deadline(:NEW, '2025-04-15', 'head_of_pa', 'conclusion', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}', evidence_ref => 'No. 1')).seq
transfer_control(bigint,control_regime,date,decider,text,text,text,date,text,evidence_kind[],text)	SELECT (instruction_control.transfer_control(:NEW, 'long_term', '2026-12-01', 'head_of_pa', 'conclusion', 'new programme', 'order on review', decided_on => '2025-03-12', evidence => '{pa_agreement}')).seq
set_new_deadline(bigint,date,decider,text,new_deadline_reason,date,text,evidence_kind[],text)	SELECT (instruction_control.set_new_deadline(:NEW, '2025-06-30', 'president', 'letter of the ministry', 'quarantine', decided_on => '2025-03-12', evidence => '{executor_letter}')).seq
remove_from_control(bigint,removal_ground,decider,evidence_kind[],text,date,bigint,text)	SELECT (instruction_control.remove_from_control(:NEW, 'executed', 'head_of_pa', '{official_report}', decided_on => '2025-03-13')).seq
register_roadmap(bigint,roadmap_drafter,decider,bigint,date,boolean,boolean,date,text,date)	SELECT (instruction_control.register_roadmap(:NEW, 'executor_only', 'first_head', approved_on => '2025-03-12')).id
submit_roadmap_to_pa(bigint,date)	SELECT (instruction_control.submit_roadmap_to_pa((SELECT pg_catalog.max(id) FROM instruction_control.roadmap), '2025-03-12')).id
agree_roadmap_with_pa(bigint,date)	SELECT (instruction_control.agree_roadmap_with_pa((SELECT pg_catalog.max(id) FROM instruction_control.roadmap), '2025-03-13')).id
submit_report(bigint,report_kind,text,bigint,decider,date,date,text,signatory,bigint,signatory)	SELECT (instruction_control.submit_report(:NEW, 'intermediate', 'work in progress', submitted_on => '2025-03-12', signed_by => 'first_head')).id
draft_review_days(text)	SELECT instruction_control.draft_review_days('planning_act')
draft_may_be_refined(text)	SELECT instruction_control.draft_may_be_refined('act')
draft_may_set_refinement_term(text)	SELECT instruction_control.draft_may_set_refinement_term('head_of_pa')
draft_may_resolve_disagreement(text)	SELECT instruction_control.draft_may_resolve_disagreement('head_of_pa')
draft_channel_refusal(text,text,boolean,boolean,boolean)	SELECT instruction_control.draft_channel_refusal('none', 'paper', true, false, false)
draft_signatory_refusal(text,text)	SELECT instruction_control.draft_signatory_refusal('government', 'first_head')
draft_checklist_unmet(boolean,boolean,boolean,boolean,boolean,boolean,boolean)	SELECT instruction_control.draft_checklist_unmet(true, true, true, true, true, true, false)
draft_missing_visa(text,text[],text[])	SELECT instruction_control.draft_missing_visa('act', '{head_of_pa}', '{paper}')
draft_visa_refusal(text,text,text)	SELECT instruction_control.draft_visa_refusal('act', 'state_counsellor', 'paper')
receive_draft(draft_kind,bigint,decider,date,text,text,secrecy_class,draft_channel,text,text,boolean,text)	SELECT (instruction_control.receive_draft('act', 1, 'first_head', '2025-03-03')).id
refine_draft(bigint,text,date,decider,integer)	SELECT (instruction_control.refine_draft((instruction_control.receive_draft('act', 1, 'first_head', '2025-03-03')).id, 'objections', '2025-03-04', 'head_of_pa', 7)).due_date
agree_draft(bigint,date,boolean,boolean,boolean,boolean,boolean,boolean,boolean,text)	SELECT (instruction_control.agree_draft((instruction_control.receive_draft('instruction_draft', 1, 'first_head', '2025-03-03')).id, '2025-03-04', true, true, true, true, true, true, true)).id
return_draft(bigint,text,date)	SELECT (instruction_control.return_draft((instruction_control.receive_draft('act', 1, 'first_head', '2025-03-03')).id, 'shortcomings', '2025-03-04')).id
visa_draft(bigint,visa_position,draft_channel,date)	SELECT (instruction_control.visa_draft((instruction_control.receive_draft('act', 1, 'first_head', '2025-03-03')).id, 'head_of_pa', 'paper', '2025-03-04')).id
sign_draft(bigint,text,text,date,text)	SELECT (instruction_control.sign_draft(d, 'decree', '1', '2025-03-05')).id FROM (SELECT d, instruction_control.agree_draft(d, '2025-03-04'), instruction_control.visa_draft(d, 'head_of_pa', 'paper', '2025-03-04'), instruction_control.visa_draft(d, 'secretary_sc', 'paper', '2025-03-04'), instruction_control.visa_draft(d, 'general_department_head', 'paper', '2025-03-04') FROM (SELECT (instruction_control.receive_draft('act', 1, 'first_head', '2025-03-03')).id AS d OFFSET 0) r OFFSET 0) x
put_on_control_from_draft(bigint,instruction_kind,control_level,date,point_ref,term,date,text,bigint,bigint[],bigint,text,text,text,text)	SELECT (instruction_control.put_on_control_from_draft(d, 'act_point', 'pa', '2025-03-06', '1', '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => 1)).id FROM (SELECT d, instruction_control.sign_draft(d, 'decree', '2', '2025-03-05') FROM (SELECT d, instruction_control.agree_draft(d, '2025-03-04'), instruction_control.visa_draft(d, 'head_of_pa', 'paper', '2025-03-04'), instruction_control.visa_draft(d, 'secretary_sc', 'paper', '2025-03-04'), instruction_control.visa_draft(d, 'general_department_head', 'paper', '2025-03-04') FROM (SELECT (instruction_control.receive_draft('act', 1, 'first_head', '2025-03-03')).id AS d OFFSET 0) r OFFSET 0) x OFFSET 0) y
report_yearly(integer)	SELECT pg_catalog.count(*) FROM instruction_control.report_yearly(2025)
form_yearly_control(integer,text)	SELECT pg_catalog.count(*) FROM instruction_control.form_yearly_control(2025, 'kk')
form_yearly_control_csv(integer,text,text,boolean)	SELECT pg_catalog.length(instruction_control.form_yearly_control_csv(2025, 'ru', ';', true))
form_yearly_control_html(integer,text)	SELECT pg_catalog.length(instruction_control.form_yearly_control_html(2025, 'kk'))
take_control_measure(bigint,control_measure_kind,bigint,date,text,text,boolean,text,text)	SELECT (instruction_control.take_control_measure(:NEW, 'information_request', 1, '2025-03-10', 'information received')).id
calendar_counted_dates(text)	SELECT pg_catalog.count(*) FROM instruction_control.calendar_counted_dates('KZ')
calendar_change_preview(text,date,date)	SELECT pg_catalog.count(*) FROM instruction_control.calendar_change_preview('KZ', '2025-09-20', '2025-09-10')
calendar_counted_of(instruction)	SELECT (instruction_control.calendar_counted_of(i)).due_date FROM instruction_control.instruction i ORDER BY i.id LIMIT 1
calendar_change_events(bigint[])	SELECT instruction_control.calendar_change_events('{1,2}')
calendar_change_drafts(text,jsonb)	SELECT pg_catalog.count(*) FROM instruction_control.calendar_change_drafts('KZ', '[]')
calendar_change_draft_events(text,jsonb,text,date)	SELECT instruction_control.calendar_change_draft_events('KZ', '[]', 'order No. 4', '2025-06-01')
apply_calendar_change(text,text,date)	SELECT pg_catalog.count(*) FROM instruction_control.apply_calendar_change('KZ', 'order No. 2')
apply_calendar_change(text,date,date,text,date)	SELECT pg_catalog.count(*) FROM instruction_control.apply_calendar_change('KZ', '2075-06-08', '2075-06-07', 'order No. 3')
apply_holiday_date(text,date,date,text,date)	SELECT pg_catalog.count(*) FROM (SELECT pg_catalog.max(c.day) AS d FROM instruction_control.calendar_day c WHERE c.calendar OPERATOR(pg_catalog.=) 'KZ' AND c.kind OPERATOR(pg_catalog.=) 'holiday' AND c.name OPERATOR(pg_catalog.~~) 'Kurban Ait%' AND c.day OPERATOR(pg_catalog.<) '2075-12-01') h, instruction_control.apply_holiday_date('KZ', h.d, h.d OPERATOR(pg_catalog.+) 1, 'announcement No. 1')
coordinate_instruction(bigint,bigint,text)	SELECT (instruction_control.coordinate_instruction((instruction_control.put_on_control('event', 'central', '2025-03-03', term => '10 wd', responsible_body_id => 1)).id, (SELECT f.body_id FROM instruction_control.body_function f), 'summit')).ground
who_may_decide(bigint,decision_kind)	SELECT * FROM instruction_control.who_may_decide(1, 'extension')
record_decisions(decision[])	SELECT pg_catalog.count(*) FROM instruction_control.record_decisions(ARRAY[pg_catalog.jsonb_populate_record(NULL::instruction_control.decision, pg_catalog.jsonb_build_object('instruction_id', :NEW, 'kind', 'extension', 'decided_by', 'head_of_pa', 'decided_on', '2025-03-05', 'basis', 'c', 'new_due_date', '2025-04-15', 'evidence', '{pa_expert_conclusion}', 'imported', false))])
extend_deadlines(bigint[],date[],decider,text,text,date,evidence_kind[],text)	SELECT pg_catalog.count(*) FROM instruction_control.extend_deadlines(ARRAY[:NEW], '{2025-04-16}', 'head_of_pa', 'c', decided_on => '2025-03-10', evidence => '{pa_agreement}')
import_instruction(instruction_kind,control_level,date,date,text,bigint,point_ref,date,term,bigint,bigint[],monitoring_category,secrecy_class,text,text,bigint,boolean)	SELECT (instruction_control.import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15')).id
import_decision(bigint,decision_kind,date,decider,date,control_regime,removal_ground,text,text,evidence_kind[],text,text,boolean)	SELECT (instruction_control.import_decision((instruction_control.import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15')).id, 'extension', '2019-03-12', 'head_of_pa', new_due => '2019-04-15')).seq
instruction_as_of(date)	SELECT * FROM instruction_control.instruction_as_of('2025-03-12')
sweep_job_name()	SELECT instruction_control.sweep_job_name()
cron_connstr()	SELECT instruction_control.cron_connstr()
scheduling_status()	SELECT * FROM instruction_control.scheduling_status()
cron_exec(text)	SELECT instruction_control.cron_exec('SELECT 1 AS v')
schedule_sweeps(text,interval)	SELECT instruction_control.schedule_sweeps('0 1 * * *')
scheduled_sweeps()	SELECT * FROM instruction_control.scheduled_sweeps()
unschedule_sweeps()	SELECT instruction_control.unschedule_sweeps()
escalation_addressee(instruction_kind,control_level,addressee)	SELECT instruction_control.escalation_addressee('event', 'local', NULL)
escalation_rule(instruction_kind,control_level,addressee)	SELECT instruction_control.escalation_rule('event', 'government', NULL)
sweep_state_as_of(date)	SELECT * FROM instruction_control.sweep_state_as_of('2025-03-20')
sweep_settings()	SELECT * FROM instruction_control.sweep_settings()
effective_calendar(text)	SELECT instruction_control.effective_calendar(NULL)
sweep_route(bigint,instruction_kind,control_level)	SELECT * FROM instruction_control.sweep_route(1, 'security_council', 'pa')
sweep_rule_overdue(date,boolean,text,date)	SELECT * FROM instruction_control.sweep_rule_overdue('2025-03-14', true, 'KZ', '2025-03-20')
sweep_rule_escalation(bigint,instruction_kind,control_level,date,boolean,text,integer,date)	SELECT * FROM instruction_control.sweep_rule_escalation(1, 'event', 'government', '2025-03-07', true, 'KZ', 5, '2025-03-20')
sweep_rule_reminder(date,boolean,text,integer[],date)	SELECT * FROM instruction_control.sweep_rule_reminder('2025-03-25', true, 'KZ', '{5,1}', '2025-03-20')
sweep_rule_personal_overdue(bigint,instruction_kind,control_level,boolean,text,date,date,date)	SELECT * FROM instruction_control.sweep_rule_personal_overdue(1, 'personal', 'pa', true, 'two_weeks', '2025-03-14', '2025-02-28', '2025-03-20')
sweep_rule_roadmap_missing(bigint,boolean,text,date,date)	SELECT * FROM instruction_control.sweep_rule_roadmap_missing(1, true, 'long_term', '2025-03-14', '2025-03-20')
sweep_rule_roadmap_not_approved(bigint,instruction_kind,control_level,boolean,date,text,date)	SELECT * FROM instruction_control.sweep_rule_roadmap_not_approved(1, 'act_point', 'central', true, '2025-03-07', 'KZ', '2025-03-20')
sweep_rule_roadmap_agreement_late(bigint,boolean,text,date)	SELECT * FROM instruction_control.sweep_rule_roadmap_agreement_late(1, true, 'KZ', '2025-03-20')
sweep_rule_report_missing(bigint,boolean,text,text,date,date,text,jsonb,date)	SELECT * FROM instruction_control.sweep_rule_report_missing(1, true, 'monthly', NULL, '2025-01-10', '2025-12-31', 'KZ', '{"monthly": "2025-02-28"}', '2025-03-05')
sweep_rule_measures_missing(bigint,boolean,date,date,date)	SELECT * FROM instruction_control.sweep_rule_measures_missing(1, true, '2025-02-10', '2025-03-10', '2025-03-20')
sweep_rule_risk_escalation(bigint,instruction_kind,control_level,boolean,bigint,date,date)	SELECT * FROM instruction_control.sweep_rule_risk_escalation(1, 'security_council', 'pa', true, 1, '2025-03-18', '2025-03-20')
sweep_rule_overdue_cleared(date,boolean,date,date)	SELECT * FROM instruction_control.sweep_rule_overdue_cleared('2025-03-14', true, '2025-04-14', '2025-03-20')
sweep_rule_draft(text,date,boolean,text,integer[],integer,date)	SELECT * FROM instruction_control.sweep_rule_draft('R33', '2025-03-10', true, 'KZ', '{5,1}', 5, '2025-03-20')
sweep_rule_draft_cleared(date,text,boolean,text)	SELECT * FROM instruction_control.sweep_rule_draft_cleared('2025-03-10', 'R33', false, 'agreed')
sweep_draft_state(date)	SELECT * FROM instruction_control.sweep_draft_state('2025-03-20')
sweep_rule_days(date,date,text)	SELECT * FROM instruction_control.sweep_rule_days('2025-03-17', '2025-03-20', 'KZ')
sweep_scope(date,date,bigint,text)	SELECT pg_catalog.count(*) FROM instruction_control.sweep_scope('2025-03-17', '2025-03-20', 1, 'KZ')
sweep_state(text,date,sweep_state_current[])	SELECT pg_catalog.count(*) FROM instruction_control.sweep_state('replay', '2025-03-20', NULL)
sweep_found(text,date,date,jsonb,boolean,integer,bigint,date,sweep_state_current[])	SELECT pg_catalog.count(*) FROM instruction_control.sweep_found('current', '2025-03-18', '2025-04-30', '{"monthly": "2025-02-28"}', true, 100, 1)
sweep_found_source(text)	SELECT pg_catalog.length(instruction_control.sweep_found_source('replay'))
sweep_found_current(date,date,jsonb,boolean,integer,bigint,date)	SELECT pg_catalog.count(*) FROM instruction_control.sweep_found_current('2025-03-18', '2025-04-30', '{"monthly": "2025-02-28"}', true, 100, 1)
sweep_found_replay(date,date,jsonb,boolean,integer,bigint,date)	SELECT pg_catalog.count(*) FROM instruction_control.sweep_found_replay('2025-03-18', '2025-04-30', '{"monthly": "2025-02-28"}', false, 100, 1)
sweep_found_incremental(date,date,jsonb,boolean,integer,bigint,date)	SELECT pg_catalog.count(*) FROM instruction_control.sweep_found_incremental('2025-03-18', '2025-04-30', '{"monthly": "2025-02-28"}', true, 100, 1, '2025-03-17')
sweep_collect(bigint)	BEGIN; SELECT instruction_control.sweep_collect(instruction_control.sweep_begin('2025-03-18', 100, true)); ROLLBACK
reporting_period_end(reporting_period,date,text)	SELECT instruction_control.reporting_period_end('monthly', '2025-05-20', 'KZ')
in_transaction_block()	SELECT instruction_control.in_transaction_block()
sweep_begin(date,integer,boolean)	BEGIN; SELECT instruction_control.sweep_begin('2025-03-18', 100, true); ROLLBACK
sweep_batch(bigint)	BEGIN; SELECT instruction_control.sweep_batch(instruction_control.sweep_begin('2025-03-18', 100, true)); ROLLBACK
sweep_finish(bigint)	BEGIN; SELECT (instruction_control.sweep_finish(instruction_control.sweep_begin('2025-03-18', 100, true))).events; ROLLBACK
sweep(date,integer,boolean,boolean)	CALL instruction_control.sweep('2025-03-14', 2, true)
next_events(integer,addressee)	SELECT pg_catalog.count(*) FROM instruction_control.next_events(5)
mark_delivered(bigint[])	SELECT instruction_control.mark_delivered('{1,2}')
point_sort_key(point_ref)	SELECT instruction_control.point_sort_key('1.42-1')
report_html_escape(text)	SELECT instruction_control.report_html_escape('<a & b>')
report_csv_field(text)	SELECT instruction_control.report_csv_field('=a,"b"')
report_csv_field(text,text)	SELECT instruction_control.report_csv_field('=a;"b"', ';')
report_check_csv(text,boolean)	SELECT pg_catalog.length(instruction_control.report_check_csv(';', true))
report_sees_all()	SELECT instruction_control.report_sees_all()
report_whole_bodies()	SELECT instruction_control.report_whole_bodies()
report_require_whole(text)	SELECT instruction_control.report_require_whole('Appendix 5')
report_check_lang(text)	SELECT instruction_control.report_check_lang('kk')
report_date(date)	SELECT instruction_control.report_date('2025-03-03')
report_long_date(date,text)	SELECT instruction_control.report_long_date('2025-03-03', 'ru')
sector_heading(text,text)	SELECT instruction_control.sector_heading('health', 'ru')
form_control_approval(bigint,text)	SELECT pg_catalog.count(*) FROM instruction_control.form_control_approval(1, 'ru')
form_control_approval_csv(bigint,text,text,boolean)	SELECT pg_catalog.length(instruction_control.form_control_approval_csv(1, 'kk', ';', true))
form_control_approval_html(bigint,text)	SELECT pg_catalog.length(instruction_control.form_control_approval_html(1, 'ru'))
report_html_head(text,text)	SELECT pg_catalog.length(instruction_control.report_html_head('t', 'ru'))
form_annual_summary(bigint,integer,text)	SELECT pg_catalog.count(*) FROM instruction_control.form_annual_summary(1, 2025, 'ru')
form_annual_summary_csv(bigint,integer,text,text,boolean)	SELECT pg_catalog.length(instruction_control.form_annual_summary_csv(2, 2025, 'kk', ';', true))
form_annual_summary_html(bigint,integer,text)	SELECT pg_catalog.length(instruction_control.form_annual_summary_html(1, 2025, 'ru'))
form_annual_summary_bodies(integer,text,bigint[])	SELECT pg_catalog.count(*) FROM instruction_control.form_annual_summary_bodies(2025, 'kk')
report_signatory_refusal(text,text,text,text,text)	SELECT instruction_control.report_signatory_refusal('government', 'final', NULL, 'deputy_prime_minister', 'prime_minister')
signatory_person_of_body(bigint,bigint)	SELECT instruction_control.signatory_person_of_body(1, 1)
annual_signatory_refusal(text,text)	SELECT instruction_control.annual_signatory_refusal('government', 'prime_minister')
sign_annual_summary(bigint,integer,signatory,bigint,text,date,text)	SELECT (instruction_control.sign_annual_summary(1, 2025, 'first_head', supervision_area => 'finance', signed_on => '2026-01-20')).id
annual_summary_signatories(bigint,integer,text)	SELECT pg_catalog.count(*) FROM instruction_control.annual_summary_signatories(1, 2025, 'kk')
report_planning_documents(integer)	SELECT pg_catalog.count(*) FROM instruction_control.report_planning_documents(2025)
form_planning_documents(integer,text)	SELECT pg_catalog.count(*) FROM instruction_control.form_planning_documents(2025, 'kk')
form_planning_documents_csv(integer,text,text,boolean)	SELECT pg_catalog.length(instruction_control.form_planning_documents_csv(2025, 'ru', ';', true))
form_planning_documents_html(integer,text)	SELECT pg_catalog.length(instruction_control.form_planning_documents_html(2025, 'kk'))
kk_number_ending(bigint,text)	SELECT instruction_control.kk_number_ending(2025, 'ablative')
report_date_kk(date,text)	SELECT instruction_control.report_date_kk('2025-03-03', 'dative')
report_kk_sort_key(text)	SELECT instruction_control.report_kk_sort_key('Ғылым саласында')
report_latest(text,date)	SELECT pg_catalog.count(*) FROM instruction_control.report_latest('final', '2025-12-31')
report_check_as_of(date)	SELECT instruction_control.report_check_as_of('2025-03-03')
report_control_card_as_of(date,bigint)	SELECT pg_catalog.count(*) FROM instruction_control.report_control_card_as_of('2025-03-03', 1)
report_overdue_as_of(date,bigint)	SELECT pg_catalog.count(*) FROM instruction_control.report_overdue_as_of('2025-12-31')
report_check_page(integer,date,bigint)	SELECT instruction_control.report_check_page(50, '2025-03-03', 1)
report_control_card_page(date,bigint,integer)	SELECT pg_catalog.count(*) FROM instruction_control.report_control_card_page('2025-03-03', 1, 20)
report_label(text,text,text)	SELECT instruction_control.report_label('decider', 'prime_minister', 'kk')
report_words(text)	SELECT pg_catalog.jsonb_typeof(instruction_control.report_words('kk'))
decision_phrase(decision,jsonb,boolean)	SELECT instruction_control.decision_phrase(d, instruction_control.report_words('en'), true) FROM instruction_control.decision d LIMIT 1
decision_phrase(decision,text)	SELECT instruction_control.decision_phrase(d, 'ru') FROM instruction_control.decision d LIMIT 1
report_form_columns(text)	SELECT pg_catalog.count(*) FROM instruction_control.report_form_columns('annual_summary')
report_form_csv(text,text,jsonb,text,boolean)	SELECT instruction_control.report_form_csv('control_approval', 'ru', '[{"row_no": 1, "measure": "=a", "due_date": "2025-03-03"}]', ';', true)
report_form_html_table(text,text,jsonb)	SELECT pg_catalog.length(instruction_control.report_form_html_table('annual_summary', 'kk', '[{"row_no": 1, "sector_heading": "<s>"}]'))
my_bodies()	SELECT instruction_control.my_bodies()
restore_mode()	SELECT instruction_control.restore_mode()
restore_grant(regrole)	BEGIN; SELECT instruction_control.restore_grant('postgres'); ROLLBACK
restore_revoke(regrole)	SELECT instruction_control.restore_revoke('hn_reader')
restore_privileges(regrole,boolean)	SELECT instruction_control.restore_privileges('hn_reader', false)
text_limit_ok(text,text,text)	SELECT instruction_control.text_limit_ok('a basis', 'free_text', 'decision.basis')
text_limit_ok(text[],text,text)	SELECT instruction_control.text_limit_ok(ARRAY['official_report'], 'name', 'decision.evidence')
acting_person_proven()	SELECT instruction_control.acting_person_proven()
sweep_job_owner()	SELECT instruction_control.sweep_job_owner()
valid_cron_schedule(text)	SELECT instruction_control.valid_cron_schedule('0 1 * * *')
rules_version()	SELECT instruction_control.rules_version()
rules_as_of(bigint)	SELECT pg_catalog.count(*) FROM instruction_control.rules_as_of(instruction_control.rules_version())
host_link_of(text)	SELECT (instruction_control.host_link_of('person')).host_table
host_row(text,text)	SELECT instruction_control.host_row('person', 'hn.one')
host_link_apply(text,jsonb,boolean)	SELECT instruction_control.host_link_apply('person', '{"login": "hn.one", "full_name": "H. One"}')
host_row_user(text,bigint)	SELECT instruction_control.host_row_user('state_body', 1)
unlink_host(text)	SELECT instruction_control.unlink_host('person')
link_host(text,regclass,name,jsonb,jsonb)	SELECT instruction_control.link_host('person', 'hn_host.staff', 'login', '{"name": "full_name"}')
roadmap_due_on_receipt(date,term,date,integer,boolean,text)	SELECT instruction_control.roadmap_due_on_receipt('2025-01-06', '7 months', NULL, 2, false, 'KZ')
EOF

# Every public function needs a sample: the catalog says which exist.  Not
# public: type I/O, operator and index support (run through the operators and
# casts the samples use) and trigger functions (run by the samples' writes).
psql -X -q -At -d $db >"$tmp/public" <<'SQL'
SET search_path = instruction_control, pg_catalog;
SELECT p.oid::regprocedure::text FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'instruction_control'
 WHERE p.prorettype NOT IN ('trigger'::regtype, 'event_trigger'::regtype)
   AND NOT EXISTS (SELECT 1 FROM pg_type t WHERE p.oid IN (t.typinput, t.typoutput, t.typreceive, t.typsend))
   AND NOT EXISTS (SELECT 1 FROM pg_operator o WHERE o.oprcode = p.oid)
   AND NOT EXISTS (SELECT 1 FROM pg_amproc a WHERE a.amproc = p.oid)
 ORDER BY 1;
SQL
cut -f1 "$tmp/samples" | sort >"$tmp/sampled"
missing=$(comm -23 <(sort "$tmp/public") "$tmp/sampled")
stale=$(comm -13 <(sort "$tmp/public") "$tmp/sampled")
if [ -z "$missing" ] && [ "$(wc -l <"$tmp/public")" -gt 50 ]; then
	ok "every one of the $(wc -l <"$tmp/public") public functions of the extension has a sample call"
else
	not_ok "every public function of the extension has a sample call (add one to $0)"
	echo "$missing" | sed 's/^/#   no sample: /'
fi
[ -z "$stale" ] && ok "every sample names a function of the extension" \
	|| { not_ok "every sample names a function of the extension"; echo "$stale" | sed 's/^/#   stale sample: /'; }

# ---------------------------------------------------------------------------
# The names the extension uses
# ---------------------------------------------------------------------------
# every C string literal, adjacent literals and the string macros between them
# (IC_SCHEMA, INSTRUCTION_ROWS, ...) joined, one text a line
perl -e '
undef $/;
my (%macro, @src);
for my $f (@ARGV) {
	open my $fh, "<", $f or die "$f: $!"; my $s = <$fh>; $s =~ s/\\\n/ /g; push @src, $s;
	while ($s =~ /^#define\s+([A-Z_0-9]+)\s+((?:"(?:[^"\\\n]|\\.)*"|[ \t]|[A-Z_0-9]+)+)$/mg) { $macro{$1} = $2 }
}
for my $s (@src) {
	$s =~ s{/\*.*?\*/}{ }gs; $s =~ s{//[^\n]*}{}g; $s =~ s/^#[^\n]*//mg; $s =~ s/'"'"'(?:[^'"'"'\\]|\\.)'"'"'/ /g;
	for (1 .. 3) { for my $m (keys %macro) { $s =~ s/\b$m\b/$macro{$m}/g } }
	my ($cur, $last) = (undef, 0);
	while ($s =~ /"((?:[^"\\\n]|\\.)*)"/g) {
		my ($lit, $start, $end) = ($1, $-[0], $+[0]);
		if (defined $cur && substr($s, $last, $start - $last) =~ /^\s*$/) { $cur .= $lit }
		else { print "$cur\n" if defined $cur; $cur = $lit }
		$last = $end;
	}
	print "$cur\n" if defined $cur;
}' $(find src -name '*.c' -o -name '*.h' | sort) | sed 's/\\[nt]/ /g; s/\\"/"/g; s/\\\\/\\/g' >"$tmp/c_texts"

psql -X -q -v ON_ERROR_STOP=1 -d $db >/dev/null <<SQL || not_ok "collect the texts"
SET search_path = pg_catalog;
CREATE TABLE public.hn_text (source text, body text);
\copy public.hn_text (body) FROM '$tmp/c_texts' WITH (FORMAT csv, DELIMITER E'\x01', QUOTE E'\x02')
UPDATE public.hn_text SET source = 'C' WHERE source IS NULL;
INSERT INTO public.hn_text
SELECT 'function', pg_get_functiondef(p.oid) FROM pg_proc p
  JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'instruction_control'
  JOIN pg_language l ON l.oid = p.prolang AND l.lanname IN ('sql', 'plpgsql')
UNION ALL
SELECT 'view', pg_get_viewdef(c.oid) FROM pg_class c
 WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind IN ('v', 'm')
UNION ALL
SELECT 'policy', concat_ws(' ', qual, with_check) FROM pg_policies WHERE schemaname = 'instruction_control';
CREATE TABLE public.hn_ident AS
SELECT DISTINCT lower(m[1]) AS name FROM public.hn_text, regexp_matches(body, '([A-Za-z_][A-Za-z0-9_]*)', 'g') m;
CREATE TABLE public.hn_oper AS
SELECT DISTINCT m[1] AS name FROM public.hn_text, regexp_matches(body, '([-+*/<>=~!@#%^&|\`?]+)', 'g') m;
SQL
read -r n_fn n_view n_pol n_c n_ident n_oper < <(q "SELECT count(*) FILTER (WHERE source = 'function'), count(*) FILTER (WHERE source = 'view'),
	count(*) FILTER (WHERE source = 'policy'), count(*) FILTER (WHERE source = 'C'),
	(SELECT count(*) FROM public.hn_ident), (SELECT count(*) FROM public.hn_oper) FROM public.hn_text" | tr '|' ' ')
# the C literals really reach the list: the calendar's SPI text (the list of known calendars) is in it
if [ "${n_c:-0}" -gt 20 ] && [ "${n_fn:-0}" -gt 20 ] && [ "${n_view:-0}" -gt 5 ] \
	&& [ "$(q "SELECT count(*) FROM public.hn_text WHERE source = 'C' AND body LIKE '%string_agg(code%FROM instruction_control.calendar%'")" -ge 1 ]; then
	ok "names read from $n_fn function bodies, $n_view views, $n_pol policies and $n_c C string literals: $n_ident identifiers, $n_oper operator tokens"
else
	not_ok "names read from the catalog and the C sources (functions $n_fn, views $n_view, C literals $n_c)"
fi

# The same texts read statically, for the C paths no sample reaches: an SPI
# text (a literal starting SELECT, INSERT, UPDATE, DELETE or WITH) names every
# type, relation and function with its schema and every operator as
# OPERATOR(schema.op); CTE names, SQL key words and the SQL-standard type names
# (integer, bigint, boolean, ...), which never go through the path, excepted.
cat >"$tmp/static.pl" <<'PERL'
# an SPI text that names a type, relation, function or
# operator without its schema: print "text  ->  what"
my %kw = map { $_ => 1 } qw(exists any all in values as operator coalesce nullif greatest least cast row array
	select from where and or not on join union is null limit order by desc asc returning set update insert into
	delete with recursive filter over case when then else end);
my %keytype = map { $_ => 1 } qw(integer int bigint smallint boolean real numeric decimal);
while (my $t = <>) {
	chomp $t;
	next unless $t =~ /^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/;
	my $s = $t;
	$s =~ s/'(?:[^']|'')*'/''/g;                       # string literals
	my %cte = map { lc($_) => 1 } ($s =~ /\b(?:WITH(?:\s+RECURSIVE)?|,)\s+([a-z_][a-z0-9_]*)\s*(?:\([^)]*\))?\s+AS\s*\(/gi);
	my @bad;
	while ($s =~ /::\s*([a-z_][a-z0-9_]*+)(?!\s*\.)/gi) { push @bad, "cast ::$1" unless $keytype{lc $1} }
	while ($s =~ /\b(?:FROM|JOIN|INTO|UPDATE)\s+([a-z_][a-z0-9_]*)\b(?!\s*\.)/gi) { push @bad, "relation $1" unless $cte{lc $1} || $kw{lc $1} }
	while ($s =~ /(?<![.\w])([a-z_][a-z0-9_]*)\s*\(/gi) { push @bad, "function $1(" unless $kw{lc $1} || $cte{lc $1} }
	(my $o = $s) =~ s/OPERATOR\s*\([^)]*\)//g;
	$o =~ s/::\s*[\w.]+(\[\])?//g; $o =~ s/\bSET\s+\w+\s*=//gi; $o =~ s/\(\s*\*\s*\)//g; $o =~ s/(?:SELECT|RETURNING)\s+\*//gi; $o =~ s/\w+\.\*//g;
	push @bad, "operator $1" while $o =~ /([=<>!~+\-\/%^&|*]+)/g;
	print "$t\n    -> ", join(', ', @bad), "\n" if @bad;
}
PERL
unqualified=$(perl "$tmp/static.pl" <"$tmp/c_texts")
n_spi=$(grep -c -E '^[[:space:]]*(SELECT|INSERT|UPDATE|DELETE|WITH)\b' "$tmp/c_texts")
if [ -z "$unqualified" ] && [ "$n_spi" -gt 10 ]; then
	ok "all $n_spi SPI texts of the C sources qualify their types, relations, functions and operators"
else
	not_ok "the SPI texts of the C sources qualify their types, relations, functions and operators"
	echo "$unqualified" | head -n 20 | sed 's/^/#   /'
fi

# ---------------------------------------------------------------------------
# Plant the traps (as the superuser; the sessions below only read them)
# ---------------------------------------------------------------------------
psql -X -q -v ON_ERROR_STOP=1 -d $db >"$tmp/plant.out" 2>&1 <<'SQL' || not_ok "plant the traps"
SET search_path = pg_catalog;
CREATE SCHEMA hostile;
GRANT USAGE ON SCHEMA hostile TO PUBLIC;
CREATE TABLE public.hn_planted (kind text, name text, target text);
CREATE TABLE public.hn_skipped (kind text, name text, why text);
CREATE TABLE public.hn_rel (name text, fn text);
GRANT SELECT ON public.hn_rel, public.hn_planted TO PUBLIC;

CREATE FUNCTION hostile.trap(what text) RETURNS boolean
LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog AS $$
BEGIN
  RAISE WARNING 'HOSTILE TRAP RAN: % (as %)', what, current_user;
  RETURN true;
END $$;
CREATE FUNCTION hostile.write_trap() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
  RAISE WARNING 'HOSTILE TRAP RAN: % on %.% (as %)', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME, current_user;
  RETURN NULL;
END $$;
-- a session's own temp traps: a temp view per planted relation
CREATE FUNCTION hostile.plant_temp() RETURNS integer
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE r record; n integer := 0;
BEGIN
  FOR r IN SELECT * FROM public.hn_rel LOOP
    EXECUTE format('CREATE TEMP VIEW %I AS SELECT * FROM hostile.%I()', r.name, r.fn);
    EXECUTE format('CREATE TRIGGER hn_write INSTEAD OF INSERT OR UPDATE OR DELETE ON pg_temp.%I
                    FOR EACH ROW EXECUTE FUNCTION hostile.write_trap()', r.name);
    n := n + 1;
  END LOOP;
  -- pg_temp is searched first for types too, when a path leaves it out
  FOR r IN SELECT * FROM public.hn_planted WHERE kind = 'type' LOOP
    BEGIN
      EXECUTE format('CREATE DOMAIN pg_temp.%I AS %s CHECK (hostile.trap(%L))',
                     r.name, r.target, 'type ' || r.name || ' (pg_temp)');
      n := n + 1;
    EXCEPTION WHEN duplicate_object THEN
      NULL;  -- a temp view's row type already holds the name
    END;
  END LOOP;
  RETURN n;
END $$;

DO $plant$
DECLARE
  r record;
  ok_types constant text[] := '{anyelement,anyarray,anynonarray,anyenum,anyrange,anymultirange,anycompatible,anycompatiblearray,anycompatiblenonarray,anycompatiblerange,anycompatiblemultirange,void}';
  sql text;
  fn text;
  callargs text;
  what text;
BEGIN
  -- types: a domain of the same name whose CHECK runs the trap
  FOR r IN SELECT t.oid, t.typname, n.nspname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
            WHERE n.nspname IN ('pg_catalog', 'instruction_control') AND t.typtype IN ('b', 'e', 'r', 'm', 'd')
              AND t.typname !~ '^_' AND t.typname IN (SELECT name FROM public.hn_ident) LOOP
    BEGIN
      EXECUTE format('CREATE DOMAIN hostile.%I AS %s CHECK (hostile.trap(%L))',
                     r.typname, r.oid::regtype, 'type ' || r.typname);
      INSERT INTO public.hn_planted VALUES ('type', r.typname, r.oid::regtype::text);
    EXCEPTION WHEN OTHERS THEN
      INSERT INTO public.hn_skipped VALUES ('type', r.typname, SQLERRM);
    END;
  END LOOP;

  -- relations: a view (here and, per session, in pg_temp) that runs the trap when read or written
  FOR r IN SELECT c.oid, c.relname, n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname IN ('pg_catalog', 'instruction_control') AND c.relkind IN ('r', 'v', 'm', 'p', 'f')
              AND c.relname IN (SELECT name FROM public.hn_ident) LOOP
    BEGIN
      fn := 'rel_' || r.oid;
      EXECUTE format('CREATE FUNCTION hostile.%I() RETURNS SETOF %I.%I LANGUAGE plpgsql SET search_path = pg_catalog AS %L',
                     fn, r.nspname, r.relname,
                     format('BEGIN PERFORM hostile.trap(%L); RETURN; END', 'relation ' || r.relname));
      EXECUTE format('CREATE VIEW hostile.%I AS SELECT * FROM hostile.%I()', r.relname, fn);
      EXECUTE format('CREATE TRIGGER hn_write INSTEAD OF INSERT OR UPDATE OR DELETE ON hostile.%I
                      FOR EACH ROW EXECUTE FUNCTION hostile.write_trap()', r.relname);
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON hostile.%I TO PUBLIC', r.relname);
      INSERT INTO public.hn_rel VALUES (r.relname, fn);
      INSERT INTO public.hn_planted VALUES ('relation', r.relname, r.nspname || '.' || r.relname);
    EXCEPTION WHEN OTHERS THEN
      INSERT INTO public.hn_skipped VALUES ('relation', r.relname, SQLERRM);
    END;
  END LOOP;

  -- functions and aggregates: the same name and argument types, running the trap
  FOR r IN SELECT p.oid, p.proname, n.nspname, p.prokind, p.proretset, p.provariadic, p.pronargs,
                  p.proallargtypes, p.prorettype, p.proargtypes
             FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname IN ('pg_catalog', 'instruction_control') AND p.prokind IN ('f', 'a')
              AND p.proname IN (SELECT name FROM public.hn_ident) LOOP
    what := format('function %s.%s(%s)', r.nspname, r.proname, pg_get_function_identity_arguments(r.oid));
    -- "any" (format, concat_ws, count, jsonb_build_object): a SQL function
    -- cannot take it; plant the same name over common types instead, which
    -- a call with such arguments prefers to "any"
    IF '"any"'::regtype = ANY (r.proargtypes::oid[]) AND NOT r.proretset
       AND NOT EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = ANY (r.proargtypes::oid[] || r.prorettype)
                          AND t.typtype = 'p' AND t.typname NOT IN ('any', 'void')) THEN
      FOREACH fn IN ARRAY '{text,integer,bigint,numeric,date,boolean}'::text[] LOOP
        BEGIN
          SELECT string_agg(CASE WHEN u.o = r.pronargs AND r.provariadic <> 0 THEN 'VARIADIC ' || fn || '[]'
                                 WHEN u.t = '"any"'::regtype THEN fn ELSE format_type(u.t, NULL) END, ', ' ORDER BY u.o),
                 string_agg(CASE WHEN u.o = r.pronargs AND r.provariadic <> 0 THEN 'VARIADIC ' ELSE '' END || '$' || u.o, ', ' ORDER BY u.o)
            INTO sql, callargs
            FROM unnest(r.proargtypes::oid[]) WITH ORDINALITY u(t, o);
          IF r.prokind = 'f' THEN
            EXECUTE format('CREATE FUNCTION hostile.%I(%s) RETURNS %s LANGUAGE sql VOLATILE AS %L',
                           r.proname, sql, format_type(r.prorettype, NULL),
                           format('SELECT %I.%I(%s) WHERE hostile.trap(%L)', r.nspname, r.proname, callargs, what || ' over ' || fn));
          ELSE
            EXECUTE format('CREATE FUNCTION hostile.%I(%s) RETURNS %s LANGUAGE sql VOLATILE AS %L',
                           'agg_' || r.oid || '_' || fn, format_type(r.prorettype, NULL) || ', ' || sql,
                           format_type(r.prorettype, NULL), format('SELECT $1 WHERE hostile.trap(%L)', what || ' over ' || fn));
            EXECUTE format('CREATE AGGREGATE hostile.%I(%s) (SFUNC = hostile.%I, STYPE = %s)',
                           r.proname, sql, 'agg_' || r.oid || '_' || fn, format_type(r.prorettype, NULL));
          END IF;
          INSERT INTO public.hn_planted VALUES (CASE r.prokind WHEN 'f' THEN 'function' ELSE 'aggregate' END, r.proname, what || ' over ' || fn);
        EXCEPTION WHEN OTHERS THEN
          INSERT INTO public.hn_skipped VALUES ('function', what || ' over ' || fn, SQLERRM);
        END;
      END LOOP;
      CONTINUE;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_type t
                WHERE t.oid = ANY (r.proargtypes::oid[]) AND t.typtype = 'p' AND t.typname <> ALL (ok_types))
       OR EXISTS (SELECT 1 FROM pg_type t
                   WHERE t.oid = r.prorettype AND t.typtype = 'p' AND t.typname <> ALL (ok_types)
                     AND NOT (t.typname = 'record' AND r.proallargtypes IS NOT NULL))
       OR (r.prokind = 'a' AND NOT EXISTS (SELECT 1 FROM pg_aggregate a WHERE a.aggfnoid = r.oid AND a.aggkind = 'n')) THEN
      INSERT INTO public.hn_skipped VALUES ('function', what, 'internal, cstring or trigger argument or result, or an ordered-set aggregate');
      CONTINUE;
    END IF;
    BEGIN
      SELECT string_agg(CASE WHEN i = r.pronargs AND r.provariadic <> 0 THEN 'VARIADIC ' ELSE '' END || '$' || i, ', ' ORDER BY i)
        INTO callargs FROM generate_series(1, r.pronargs) i;
      IF r.prokind = 'f' THEN
        IF r.proretset OR r.proallargtypes IS NOT NULL THEN
          sql := format('SELECT * FROM %I.%I(%s) WHERE hostile.trap(%L)', r.nspname, r.proname, callargs, what);
        ELSE
          sql := format('SELECT %I.%I(%s) WHERE hostile.trap(%L)', r.nspname, r.proname, callargs, what);
        END IF;
        EXECUTE format('CREATE FUNCTION hostile.%I(%s) RETURNS %s LANGUAGE sql VOLATILE AS %L',
                       r.proname, pg_get_function_arguments(r.oid), pg_get_function_result(r.oid), sql);
        INSERT INTO public.hn_planted VALUES ('function', r.proname, what);
      ELSE
        -- an aggregate whose state is its result type; its step runs the trap
        fn := 'agg_' || r.oid;
        EXECUTE format('CREATE FUNCTION hostile.%I(%s) RETURNS %s LANGUAGE sql VOLATILE AS %L',
                       fn,
                       concat_ws(', ', format_type(r.prorettype, NULL),
                                 (SELECT string_agg(format_type(t, NULL), ', ' ORDER BY o)
                                    FROM unnest(r.proargtypes::oid[]) WITH ORDINALITY u(t, o))),
                       format_type(r.prorettype, NULL),
                       format('SELECT $1 WHERE hostile.trap(%L)', what));
        EXECUTE format('CREATE AGGREGATE hostile.%I(%s) (SFUNC = hostile.%I, STYPE = %s)',
                       r.proname, coalesce(nullif(pg_get_function_identity_arguments(r.oid), ''), '*'),
                       fn, format_type(r.prorettype, NULL));
        INSERT INTO public.hn_planted VALUES ('aggregate', r.proname, what);
      END IF;
    EXCEPTION WHEN OTHERS THEN
      INSERT INTO public.hn_skipped VALUES ('function', what, SQLERRM);
    END;
  END LOOP;

  -- operators: the same operator over the same types, running the trap
  FOR r IN SELECT o.oid, o.oprname, o.oprkind, o.oprleft, o.oprright, o.oprresult,
                  o.oprcode::regproc::text AS code, n.nspname, pn.nspname AS code_nsp, pc.proname AS code_name
             FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
             JOIN pg_proc pc ON pc.oid = o.oprcode JOIN pg_namespace pn ON pn.oid = pc.pronamespace
            WHERE n.nspname IN ('pg_catalog', 'instruction_control') AND o.oprkind IN ('b', 'l')
              AND o.oprname IN (SELECT name FROM public.hn_oper) LOOP
    what := format('operator %s.%s(%s, %s)', r.nspname, r.oprname, r.oprleft::regtype, r.oprright::regtype);
    IF EXISTS (SELECT 1 FROM pg_type t WHERE t.oid IN (r.oprleft, r.oprright, r.oprresult)
                  AND t.typtype = 'p' AND t.typname <> ALL (ok_types)) THEN
      INSERT INTO public.hn_skipped VALUES ('operator', what, 'pseudo-type operand');
      CONTINUE;
    END IF;
    BEGIN
      fn := 'op_' || r.oid;
      IF r.oprkind = 'b' THEN
        EXECUTE format('CREATE FUNCTION hostile.%I(%s, %s) RETURNS %s LANGUAGE sql VOLATILE AS %L', fn,
                       format_type(r.oprleft, NULL), format_type(r.oprright, NULL), format_type(r.oprresult, NULL),
                       format('SELECT %I.%I($1, $2) WHERE hostile.trap(%L)', r.code_nsp, r.code_name, what));
        EXECUTE format('CREATE OPERATOR hostile.%s (LEFTARG = %s, RIGHTARG = %s, FUNCTION = hostile.%I)',
                       r.oprname, format_type(r.oprleft, NULL), format_type(r.oprright, NULL), fn);
      ELSE
        EXECUTE format('CREATE FUNCTION hostile.%I(%s) RETURNS %s LANGUAGE sql VOLATILE AS %L', fn,
                       format_type(r.oprright, NULL), format_type(r.oprresult, NULL),
                       format('SELECT %I.%I($1) WHERE hostile.trap(%L)', r.code_nsp, r.code_name, what));
        EXECUTE format('CREATE OPERATOR hostile.%s (RIGHTARG = %s, FUNCTION = hostile.%I)',
                       r.oprname, format_type(r.oprright, NULL), fn);
      END IF;
      INSERT INTO public.hn_planted VALUES ('operator', r.oprname, what);
    EXCEPTION WHEN OTHERS THEN
      INSERT INTO public.hn_skipped VALUES ('operator', what, SQLERRM);
    END;
  END LOOP;
END
$plant$;
SQL
planted=$(q "SELECT string_agg(kind || ' ' || n, ', ' ORDER BY kind) FROM (SELECT kind, count(*) AS n FROM public.hn_planted GROUP BY kind) s")
skipped=$(q "SELECT count(*) FROM public.hn_skipped")
# the reported cases are among them: the calendar's weekend_days::int4[], a
# text cast, the sweep's settings, the = on text
must="type:int4 type:text type:date relation:sweep_setting relation:calendar relation:instruction function:unnest aggregate:array_agg operator:="
missing_traps=""
for m in $must; do
	[ "$(q "SELECT count(*) FROM public.hn_planted WHERE kind = '${m%%:*}' AND name = '${m#*:}'")" -ge 1 ] || missing_traps+=" $m"
done
if [ -z "$missing_traps" ]; then
	ok "traps planted: $planted (and a temp view per relation and a temp domain per type in each session); $skipped names skipped (pseudo-type operands, listed with IC_KEEP=1)"
else
	not_ok "traps planted ($planted), among them$missing_traps"
	head -n 20 "$tmp/plant.out" | sed 's/^/#   /'
fi
q "SELECT kind, name, why FROM public.hn_skipped ORDER BY 1, 2" >"$tmp/skipped"

# ---------------------------------------------------------------------------
# Run everything on the hostile path, as the superuser and as each role
# ---------------------------------------------------------------------------
new="(SELECT (instruction_control.put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => 1)).id)"
{
	echo "SELECT hostile.plant_temp() AS temp_traps;"
	echo "SET search_path = hostile, instruction_control, pg_catalog;"
	echo "SET client_min_messages = warning;"
	# the traps are live: the test's own unqualified names meet one of each kind
	echo "\\echo '#sample traps-are-live'"
	echo "SELECT '7'::int4 AS live;"
	echo "SELECT pg_catalog.count(*) AS live FROM sweep_setting;"
	echo "SELECT unnest('{1}'::pg_catalog.int4[]) AS live;"
	echo "SELECT max(d) AS live FROM (VALUES ('2025-01-01'::pg_catalog.date)) v(d);"
	echo "SELECT 'a'::pg_catalog.text = 'a'::pg_catalog.text AS live;"
	n=0
	while IFS=$'\t' read -r sig call; do
		n=$((n + 1))
		echo "\\echo '#sample $sig'"
		echo "${call//:NEW/$new};"
	done <"$tmp/samples"
	for v in $(q "SELECT relname FROM pg_class WHERE relnamespace = 'instruction_control'::regnamespace AND relkind IN ('v', 'm') ORDER BY 1"); do
		echo "\\echo '#sample view $v'"
		echo "SELECT pg_catalog.count(*) FROM instruction_control.$v;"
	done
	echo "\\echo '#sample end'"
} >"$tmp/run.sql"

run_as() {
	local who=$1 out=$2
	psql -X -d $db -U "$who" -v ON_ERROR_STOP=0 -f "$tmp/run.sql" >"$out" 2>&1
}
# the trap lines after the liveness probe, with the sample that met them
traps_of() {
	awk '/^#sample /{s=$0; sub(/^#sample /, "", s); next}
	     /HOSTILE TRAP RAN/ && s != "traps-are-live" {t=$0; sub(/.*HOSTILE TRAP RAN: /, "", t); print s " -> " t}' "$1" | sort -u
}
live_of() {
	awk '/^#sample /{s=$0; sub(/^#sample /, "", s); next}
	     s == "traps-are-live" && /HOSTILE TRAP RAN: type int4 \(pg_temp\)/ {k["type"] = 1}
	     s == "traps-are-live" && /HOSTILE TRAP RAN: relation sweep_setting/ {k["relation"] = 1}
	     s == "traps-are-live" && /HOSTILE TRAP RAN: function pg_catalog.unnest/ {k["function"] = 1}
	     s == "traps-are-live" && /HOSTILE TRAP RAN: function pg_catalog.max\(date\)/ {k["aggregate"] = 1}
	     s == "traps-are-live" && /HOSTILE TRAP RAN: operator pg_catalog.=\(text, text\)/ {k["operator"] = 1}
	     END {if (length(k) == 5) print "live"}' "$1"
}

superuser=$(q "SELECT current_user")
for who in "$superuser" $(for r in $roles; do echo "hn_${r#ic_}"; done); do
	out="$tmp/run.$who"
	run_as "$who" "$out"
	if [ "$(live_of "$out")" != live ]; then
		not_ok "as $who: the traps are live (unqualified names of the test meet a type, relation, function, aggregate and operator trap)"
		head -n 5 "$out" | sed 's/^/#   /'
		continue
	fi
	met=$(traps_of "$out")
	if [ -z "$met" ]; then
		ok "as $who, on search_path hostile, instruction_control, pg_catalog with temp traps: nothing planted ran"
	else
		not_ok "as $who, on search_path hostile, instruction_control, pg_catalog with temp traps: nothing planted ran"
		echo "$met" | head -n 25 | sed 's/^/#   /'
	fi
	if [ "$who" = "$superuser" ]; then
		errors=$(awk '/^#sample /{s=$0; sub(/^#sample /, "", s); next} /ERROR:/ {print s " -> " $0}' "$out")
		if [ -z "$errors" ]; then
			ok "as the superuser every sample and view ran without an error on the hostile path"
		else
			not_ok "as the superuser every sample and view ran without an error on the hostile path"
			echo "$errors" | head -n 20 | sed 's/^/#   /'
		fi
	fi
done

[ "$failures" -eq 0 ] && [ -z "${IC_KEEP:-}" ] && cleanup
[ "$failures" -eq 0 ]
