
-- ===========================================================================
-- Security: roles, privileges and row-level security
--
-- Every "who may do what" of the database lives here, after every object it
-- names.  Four group roles (NOLOGIN, created if missing; roles belong to the
-- cluster, so they outlive DROP EXTENSION), each with what its job needs:
--
--   ic_reader      reads the registry -- the slice of its state bodies
--   ic_executor    an executing body: reads its slice, submits reports and
--                  registers roadmaps on its instructions (member of ic_reader)
--   ic_controller  controls: reads everything, puts instructions on control,
--                  records decisions (member of ic_reader)
--   ic_admin       keeps the registry: calendar, decision matrix, synonyms,
--                  bodies and who belongs to them, imports of history, sweeps
--                  and their schedule (member of ic_controller)
--   ic_integrator  an integrator (EDMS, bot, mail gateway): reads the outbox of
--                  events and marks them delivered
--
-- A login role gets a job by membership: GRANT ic_controller TO alice.  Which
-- state bodies a role acts for is data (body_member, per database; the roles
-- are the cluster's, see Foundation).  PUBLIC keeps what every
-- user of the calendar functions needs: the calendar, the labels and the rules.
--
-- A role that is none of these sees no row of the registry's tables with row
-- security (default deny), whatever it was granted: give it one of the roles.
--
-- Row-level security: a reader or executor sees the instructions whose
-- responsible or co-executing body is one of its bodies, and the journal,
-- reports, roadmaps and executors of those; a controller sees all.  Superusers
-- and the tables' owner are not subject to it.  The journal itself locks and
-- writes the instruction a decision or report concerns as the registry (see
-- registry_facts.c): a role needs no UPDATE privilege on instruction, only to
-- see the instruction -- one it may not see does not exist for it (23503).
-- ===========================================================================

-- The roles are created in the Foundation section, before any object grants to them.

-- Who acts for which state body ---------------------------------------------
-- A member is a role's identity (regrole: its OID), not its name: ALTER ROLE
-- ... RENAME keeps the rows (pg_dump writes the current name, pg_upgrade keeps
-- role OIDs); an unknown name is refused when the row is written (42704).
-- Body membership is per database, role membership per cluster (README,
-- Security > Roles).  DROP ROLE cannot be stopped by a row here (there are no
-- event triggers for roles): the row stays and grants nothing, is listed by
-- dangling_member, and is not dumped (a restored OID could name another role
-- of the new cluster).

CREATE TABLE body_member (
  member    regrole NOT NULL,
  body_id   bigint NOT NULL REFERENCES state_body ON DELETE CASCADE,
  PRIMARY KEY (member, body_id)
);
COMMENT ON TABLE body_member IS
  'Which state bodies a database role acts for: a reader or executor sees the instructions of these bodies (row-level security). Kept by ic_admin; per database';
COMMENT ON COLUMN body_member.member IS 'A database role (a login role or a group), by identity: RENAME is followed, an unknown name refused (42704); its members act for the body too. Compare as member = ''alice''::regrole';
COMMENT ON COLUMN body_member.body_id IS 'The state body';
-- rows of dropped roles are not dumped: a bare OID could name another role where it is restored
SELECT pg_catalog.pg_extension_config_dump('body_member',
  'WHERE member OPERATOR(pg_catalog.=) ANY (SELECT r.oid FROM pg_catalog.pg_roles r)');

-- Who may act for which person -----------------------------------------------
-- A personal login is mapped to its own person; a pooled application role to
-- every person the application may name.  The journal records the person
-- named by SET LOCAL instruction_control.acting_person only when the recording
-- role is a member of a role mapped to that person (decision_journal.c).
-- member is a role's identity, as in body_member.

CREATE TABLE person_role (
  person_id bigint NOT NULL REFERENCES person ON DELETE CASCADE,
  member    regrole NOT NULL,
  PRIMARY KEY (person_id, member)
);
COMMENT ON TABLE person_role IS
  'Which database roles may act for which person: a member of the role may name the person in SET LOCAL instruction_control.acting_person. Kept by ic_admin';
COMMENT ON COLUMN person_role.person_id IS 'The person';
COMMENT ON COLUMN person_role.member IS 'A database role (a personal login, a pooled application role, or a group), by identity as in body_member; its members may act for the person too';
SELECT pg_catalog.pg_extension_config_dump('person_role',
  'WHERE member OPERATOR(pg_catalog.=) ANY (SELECT r.oid FROM pg_catalog.pg_roles r)');

-- A member names a role that exists: a name is resolved by regrole's input
-- (42704 for an unknown one), but an OID given as digits, or kept from a
-- dropped role, is not checked there.
CREATE FUNCTION member_role_exists() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.oid OPERATOR(pg_catalog.=) NEW.member) THEN
    RAISE EXCEPTION 'role with OID % does not exist', NEW.member::pg_catalog.oid
      USING ERRCODE = '42704',
            DETAIL = pg_catalog.format('instruction_control.%I.member names a role by its identity; no role of this cluster has OID %s.',
                                       TG_TABLE_NAME, NEW.member::pg_catalog.oid),
            HINT = 'Name the role (INSERT ... VALUES (''alice'', ...)); CREATE ROLE it first if it does not exist.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION member_role_exists() IS
  'Trigger of body_member and person_role: refuses a member OID that names no role (42704)';
REVOKE EXECUTE ON FUNCTION member_role_exists() FROM PUBLIC;
CREATE TRIGGER member_role_exists BEFORE INSERT OR UPDATE OF member ON body_member
  FOR EACH ROW EXECUTE FUNCTION member_role_exists();
CREATE TRIGGER member_role_exists BEFORE INSERT OR UPDATE OF member ON person_role
  FOR EACH ROW EXECUTE FUNCTION member_role_exists();

-- Rows whose role was dropped: they grant nothing; the administrator deletes them.
CREATE VIEW dangling_member WITH (security_invoker = true) AS
SELECT 'body_member'::text AS in_table, m.member::pg_catalog.oid AS role_oid, m.body_id, NULL::bigint AS person_id
  FROM body_member m
 WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.oid OPERATOR(pg_catalog.=) m.member)
UNION ALL
SELECT 'person_role', m.member::pg_catalog.oid, NULL, m.person_id
  FROM person_role m
 WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.oid OPERATOR(pg_catalog.=) m.member);
COMMENT ON VIEW dangling_member IS
  'Rows of body_member and person_role whose role was dropped (DROP ROLE cannot see them): they grant nothing and are not dumped; delete them, e.g. DELETE FROM instruction_control.body_member WHERE member::oid = <role_oid>';
COMMENT ON COLUMN dangling_member.in_table IS 'body_member or person_role';
COMMENT ON COLUMN dangling_member.role_oid IS 'The OID of the dropped role';
COMMENT ON COLUMN dangling_member.body_id IS 'The state body (body_member)';
COMMENT ON COLUMN dangling_member.person_id IS 'The person (person_role)';

-- ids of persons are the server's too (server_id, Registry triggers)
CREATE TRIGGER server_id BEFORE INSERT ON person FOR EACH ROW EXECUTE FUNCTION server_id();

-- The person named for this transaction, proven for the session user (the
-- journal of the rule data runs as the owner, so it asks for the login).
CREATE FUNCTION acting_person_proven() RETURNS text
AS 'MODULE_PATHNAME', 'ic_acting_person_proven'
LANGUAGE C STABLE;
COMMENT ON FUNCTION acting_person_proven() IS
  'The person named by SET LOCAL instruction_control.acting_person, proven for the session user as the decision journal proves it for the current role (person_role; IC118 for a session-level value, 42501 for a person the login may not act for); NULL when none is named. Used by the journal of the rule data';
REVOKE EXECUTE ON FUNCTION acting_person_proven() FROM PUBLIC;

CREATE FUNCTION my_bodies() RETURNS bigint[]
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(array_agg(DISTINCT m.body_id ORDER BY m.body_id), '{}')
    FROM instruction_control.body_member m
    JOIN pg_catalog.pg_roles r ON r.oid = m.member
   WHERE pg_catalog.pg_has_role(r.oid, 'MEMBER')
$$;
COMMENT ON FUNCTION my_bodies() IS
  'The state bodies the current role acts for (body_member, through role membership)';

-- Privileges ----------------------------------------------------------------

GRANT USAGE ON SCHEMA instruction_control TO PUBLIC;
-- the calendar, the labels and who may decide are public facts; the
-- working-day functions read them as the caller
GRANT SELECT ON calendar, calendar_year, calendar_holiday_rule, calendar_day,
  vocabulary, vocabulary_synonym, rule, decision_rule, decision_authority, decision_matrix TO PUBLIC;

-- the registry's functions are for its roles; the calendar's stay public
REVOKE EXECUTE ON FUNCTION put_on_control, extend_deadline, transfer_control, set_new_deadline,
  remove_from_control, register_roadmap, submit_roadmap_to_pa, agree_roadmap_with_pa, submit_report, who_may_decide, record_decisions,
  extend_deadlines, import_instruction, import_decision, instruction_as_of, my_bodies,
  extend_calendar, add_transfer, confirm_calendar_year, generate_calendar_year,
  calendar_generate_years FROM PUBLIC;

GRANT SELECT ON instruction, decision, instruction_executor, act, state_body, roadmap, report,
  body_member TO ic_reader;
GRANT SELECT ON person, person_role TO ic_reader;
GRANT EXECUTE ON FUNCTION who_may_decide, instruction_as_of, my_bodies TO ic_reader;

GRANT INSERT ON roadmap, report TO ic_executor;
-- ids come from identity columns (server_id refuses supplied ones): no role needs a sequence (issue 16)
GRANT EXECUTE ON FUNCTION register_roadmap, submit_report TO ic_executor;
-- R57: the executor submits its roadmap to the PA; the PA's agreement is the controller's
GRANT UPDATE (submitted_to_pa_on) ON roadmap TO ic_executor;
GRANT EXECUTE ON FUNCTION submit_roadmap_to_pa TO ic_executor;

GRANT INSERT ON instruction, act, decision, roadmap, report TO ic_controller;
-- descriptive columns only: the guard refuses the card's facts and the columns decisions own
GRANT UPDATE ON instruction TO ic_controller;
GRANT EXECUTE ON FUNCTION put_on_control, extend_deadline, transfer_control, set_new_deadline,
  remove_from_control, register_roadmap, submit_report, record_decisions, extend_deadlines TO ic_controller;
GRANT UPDATE (submitted_to_pa_on, agreed_with_pa_on) ON roadmap TO ic_controller;
GRANT EXECUTE ON FUNCTION submit_roadmap_to_pa, agree_roadmap_with_pa TO ic_controller;

GRANT INSERT, UPDATE ON state_body, act TO ic_admin;
GRANT INSERT, UPDATE, DELETE ON body_member, vocabulary_synonym TO ic_admin;
GRANT SELECT ON dangling_member TO ic_admin;
-- people and who may act for them: the administrator's (a role sees its own mappings)
GRANT INSERT, UPDATE, DELETE ON person, person_role TO ic_admin;
-- the administrator keeps the matrix (the R74-1 rows, amendments of the decree's rows) and the calendar
GRANT INSERT, UPDATE ON decision_rule, decision_authority TO ic_admin;
GRANT INSERT, UPDATE, DELETE ON calendar, calendar_year, calendar_holiday_rule, calendar_day TO ic_admin;
GRANT EXECUTE ON FUNCTION import_instruction, import_decision, extend_calendar, add_transfer,
  confirm_calendar_year, generate_calendar_year, calendar_generate_years TO ic_admin;

-- Deadline sweeps and scheduling: ic_admin sweeps, schedules, routes and sets;
-- ic_integrator reads the outbox and marks events delivered; nobody else.
REVOKE EXECUTE ON FUNCTION sweep_begin(date, integer, boolean), sweep_batch(bigint), sweep_finish(bigint),
  in_transaction_block(), next_events(integer, addressee), mark_delivered(bigint[]) FROM PUBLIC;
REVOKE EXECUTE ON PROCEDURE sweep(date, integer, boolean, boolean) FROM PUBLIC;
-- sweep_collect writes the candidates: only through sweep_begin (SECURITY DEFINER)
REVOKE EXECUTE ON FUNCTION sweep_collect(bigint) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE sweep(date, integer, boolean, boolean) TO ic_admin;
GRANT EXECUTE ON FUNCTION sweep_begin(date, integer, boolean), sweep_batch(bigint), sweep_finish(bigint),
  in_transaction_block() TO ic_admin;
GRANT SELECT ON event, open_event, open_event_summary, sweep_run, overdue_mark, sweep_setting,
  instruction_escalation TO ic_admin, ic_integrator;
-- the progress of a running sweep: whoever sweeps or watches the outbox (issue 17, item 5)
GRANT SELECT ON sweep_progress TO ic_admin, ic_integrator;
-- no UPDATE on event for anyone: mark_delivered() is the only writer of delivered_at/delivered_by
GRANT EXECUTE ON FUNCTION next_events(integer, addressee), mark_delivered(bigint[]) TO ic_admin, ic_integrator;
GRANT INSERT, UPDATE, DELETE ON sweep_setting, instruction_escalation TO ic_admin;
GRANT USAGE ON SCHEMA instruction_control TO ic_integrator;
-- Scheduling runs as the extension's owner (SECURITY DEFINER) with fixed
-- commands; cron_exec(), which runs any query in the cron database, and the
-- helpers it uses stay the owner's: nobody else may run SQL through pg_cron.
REVOKE EXECUTE ON FUNCTION cron_exec(text), cron_connstr(), sweep_job_owner(), schedule_sweeps(text, interval),
  unschedule_sweeps(), scheduled_sweeps(), scheduling_status() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION schedule_sweeps(text, interval), unschedule_sweeps(), scheduled_sweeps(),
  scheduling_status() TO ic_admin;

-- Reporting: the views run with the reader's privileges (security_invoker), so
-- row-level security gives each reader its slice.
GRANT SELECT ON report_code_label, report_calendar_date, report_control_card, report_overdue,
  report_decision_history, report_discipline TO ic_reader;
GRANT SELECT ON report_roadmap TO ic_reader;
-- their as-of forms (issue 18, Views) run with the reader's privileges too
REVOKE EXECUTE ON FUNCTION report_check_as_of(date), report_control_card_as_of(date, bigint),
  report_overdue_as_of(date, bigint)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_check_as_of(date), report_control_card_as_of(date, bigint),
  report_overdue_as_of(date, bigint)
  TO ic_reader;
-- a page of the cards on control (issue 19), with the reader's privileges too
REVOKE EXECUTE ON FUNCTION report_control_card_page(date, bigint, integer), report_check_page(integer, date, bigint)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_control_card_page(date, bigint, integer), report_check_page(integer, date, bigint)
  TO ic_reader;
GRANT SELECT ON sector_heading TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON sector_heading TO ic_admin;

-- Drafts (Drafts section): the PA's registry (controllers) receives and
-- reviews them; a body's readers see the drafts it submitted.  Corrections of
-- a receipt touch only its descriptive columns (draft_guard refuses the rest).
REVOKE EXECUTE ON FUNCTION receive_draft, refine_draft, agree_draft, return_draft, visa_draft,
  sign_draft, put_on_control_from_draft FROM PUBLIC;
GRANT SELECT ON draft, draft_step, draft_state, report_open_draft TO ic_reader;
GRANT INSERT ON draft, draft_step TO ic_controller;
GRANT UPDATE (title, content, external_ref) ON draft TO ic_controller;
GRANT EXECUTE ON FUNCTION receive_draft, refine_draft, agree_draft, return_draft, visa_draft,
  sign_draft, put_on_control_from_draft TO ic_controller;

-- Control measures and inspections (R66-2, R43-1): the controllers record them;
-- an instruction's readers see them.
-- Signatories (R75-1): a body records who signed its annual summary, the PA
-- (the controllers) any body's; a body's readers see its own.
REVOKE EXECUTE ON FUNCTION sign_annual_summary, signatory_person_of_body FROM PUBLIC;
GRANT SELECT ON annual_summary_signature TO ic_reader;
GRANT INSERT ON annual_summary_signature TO ic_executor, ic_controller;
GRANT EXECUTE ON FUNCTION sign_annual_summary, signatory_person_of_body TO ic_executor, ic_controller;

REVOKE EXECUTE ON FUNCTION take_control_measure FROM PUBLIC;
GRANT SELECT ON control_measure TO ic_reader;
GRANT INSERT ON control_measure TO ic_controller;
GRANT EXECUTE ON FUNCTION take_control_measure TO ic_controller;

-- Coordination (R48): the administrator names the Ministry of Foreign Affairs;
-- the controllers record the coordination of an instruction; its readers see it.
REVOKE EXECUTE ON FUNCTION coordinate_instruction FROM PUBLIC;
GRANT SELECT ON body_function, coordination TO ic_reader;
GRANT INSERT, UPDATE, DELETE ON body_function TO ic_admin;
GRANT INSERT ON coordination TO ic_controller;
GRANT EXECUTE ON FUNCTION coordinate_instruction TO ic_controller;

-- Calendar changes: previewing one applies it in a subtransaction, so it is
-- the calendar keeper's (as add_transfer)
REVOKE EXECUTE ON FUNCTION calendar_counted_dates(text), calendar_change_preview(text, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION calendar_counted_dates(text), calendar_change_preview(text, date, date) TO ic_admin;
GRANT SELECT ON calendar_stale_date TO ic_admin;
-- applying one is the calendar keeper's too: the journal's trigger refuses a
-- calendar_change of anyone else (R50.3); the events are written by definer
REVOKE EXECUTE ON FUNCTION calendar_counted_of(instruction), calendar_change_events(bigint[]),
  apply_calendar_change(text, text, date), calendar_change_drafts(text, jsonb),
  apply_calendar_change(text, date, date, text, date), apply_holiday_date(text, date, date, text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION calendar_counted_of(instruction), calendar_change_events(bigint[]),
  apply_calendar_change(text, text, date), calendar_change_drafts(text, jsonb),
  apply_calendar_change(text, date, date, text, date), apply_holiday_date(text, date, date, text, date) TO ic_admin;
-- the drafts' deadline_moved events are written by definer too (R20, R33)
REVOKE EXECUTE ON FUNCTION calendar_change_draft_events(text, jsonb, text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION calendar_change_draft_events(text, jsonb, text, date) TO ic_admin;

-- Rule data's journal (Rule data section): written only by the extension's
-- triggers; the controllers read who changed the rules, when and why, and
-- the rules as of a decision's version.  rules_version() is read by every
-- role that records decisions.
REVOKE ALL ON rule_change, rule_data_removed FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rule_change_journal(), rule_data_removed_apply(), rules_as_of(bigint),
  rules_version() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rules_version() TO ic_reader;
GRANT SELECT ON rule_change_history, sweep_setting TO ic_controller;
GRANT EXECUTE ON FUNCTION rules_as_of(bigint) TO ic_controller;

-- Row-level security ----------------------------------------------------------

ALTER TABLE instruction ENABLE ROW LEVEL SECURITY;
ALTER TABLE decision ENABLE ROW LEVEL SECURITY;
ALTER TABLE instruction_executor ENABLE ROW LEVEL SECURITY;
ALTER TABLE report ENABLE ROW LEVEL SECURITY;
ALTER TABLE roadmap ENABLE ROW LEVEL SECURITY;
ALTER TABLE body_member ENABLE ROW LEVEL SECURITY;
ALTER TABLE draft ENABLE ROW LEVEL SECURITY;
ALTER TABLE control_measure ENABLE ROW LEVEL SECURITY;
ALTER TABLE coordination ENABLE ROW LEVEL SECURITY;
ALTER TABLE draft_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE person ENABLE ROW LEVEL SECURITY;
ALTER TABLE annual_summary_signature ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_role ENABLE ROW LEVEL SECURITY;

-- A reader's slice is read through indexes (issue 19): the responsible body
-- by instruction_responsible_idx, the co-executors by the GIN index below,
-- which holds only the instructions that have co-executors (most have none);
-- the policy names its predicate, so a BitmapOr of the two serves a reader's
-- scan of the registry and no plan falls back to reading every row.
CREATE INDEX instruction_co_executors_idx ON instruction USING gin (co_executor_ids)
  WHERE co_executor_ids OPERATOR(pg_catalog.<>) '{}';
COMMENT ON INDEX instruction_co_executors_idx IS
  'The instructions a body co-executes, for the readers'' policy body_slice (issue 19)';
CREATE POLICY control_all ON instruction FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON instruction FOR SELECT TO ic_reader
  USING (responsible_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[])
         OR (co_executor_ids OPERATOR(pg_catalog.<>) '{}'
             AND co_executor_ids OPERATOR(pg_catalog.&&) (SELECT instruction_control.my_bodies())));

CREATE POLICY control_all ON decision FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON decision FOR SELECT TO ic_reader
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) decision.instruction_id));

CREATE POLICY control_all ON instruction_executor FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON instruction_executor FOR SELECT TO ic_reader
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) instruction_executor.instruction_id));

CREATE POLICY control_all ON report FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON report FOR SELECT TO ic_reader
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) report.instruction_id));
-- an executor reports on its instructions, for its own bodies
CREATE POLICY executor_submits ON report FOR INSERT TO ic_executor
  WITH CHECK (EXISTS (SELECT 1 FROM instruction_control.instruction i
                       WHERE i.id OPERATOR(pg_catalog.=) report.instruction_id)
              AND (submitted_by_body_id IS NULL
                   OR submitted_by_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[])));

CREATE POLICY control_all ON roadmap FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON roadmap FOR SELECT TO ic_reader
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) roadmap.instruction_id));
CREATE POLICY executor_registers ON roadmap FOR INSERT TO ic_executor
  WITH CHECK (EXISTS (SELECT 1 FROM instruction_control.instruction i
                       WHERE i.id OPERATOR(pg_catalog.=) roadmap.instruction_id)
              AND (drafted_by_body_id IS NULL
                   OR drafted_by_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[])));
-- R57: the executor records the submission of a roadmap it may see (column privilege: that day only)
CREATE POLICY executor_submits ON roadmap FOR UPDATE TO ic_executor
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) roadmap.instruction_id)
         AND (drafted_by_body_id IS NULL
              OR drafted_by_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[])));

CREATE POLICY control_all ON coordination FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON coordination FOR SELECT TO ic_reader
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) coordination.instruction_id));
CREATE POLICY control_all ON control_measure FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON control_measure FOR SELECT TO ic_reader
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) control_measure.instruction_id));

-- R75-1: a body's annual summary signatures, read and recorded for its own bodies
CREATE POLICY control_all ON annual_summary_signature FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON annual_summary_signature FOR SELECT TO ic_reader
  USING (body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[]));
CREATE POLICY executor_signs ON annual_summary_signature FOR INSERT TO ic_executor
  WITH CHECK (body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[]));

-- drafts: the PA's registry keeps them all; a body reads the drafts it submitted
CREATE POLICY control_all ON draft FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON draft FOR SELECT TO ic_reader
  USING (submitted_by_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[]));
CREATE POLICY control_all ON draft_step FOR ALL TO ic_controller USING (true) WITH CHECK (true);
-- (by the draft's body on the step, copied from the draft: a look-up of the
-- draft per step made a reader's report_open_draft six times a controller's;
-- issue 19)
CREATE POLICY body_slice ON draft_step FOR SELECT TO ic_reader
  USING (submitted_by_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[]));

CREATE POLICY admin_all ON body_member FOR ALL TO ic_admin USING (true) WITH CHECK (true);
CREATE POLICY own_rows ON body_member FOR SELECT TO PUBLIC
  USING (EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                  WHERE r.oid OPERATOR(pg_catalog.=) body_member.member
                    AND pg_catalog.pg_has_role(r.oid, 'MEMBER')));

-- a role sees the persons it may act for and those mappings; ic_admin keeps all
CREATE POLICY admin_all ON person_role FOR ALL TO ic_admin USING (true) WITH CHECK (true);
CREATE POLICY own_rows ON person_role FOR SELECT TO PUBLIC
  USING (EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                  WHERE r.oid OPERATOR(pg_catalog.=) person_role.member
                    AND pg_catalog.pg_has_role(r.oid, 'MEMBER')));
CREATE POLICY admin_all ON person FOR ALL TO ic_admin USING (true) WITH CHECK (true);
CREATE POLICY own_rows ON person FOR SELECT TO PUBLIC
  USING (EXISTS (SELECT 1 FROM instruction_control.person_role m
                  WHERE m.person_id OPERATOR(pg_catalog.=) person.id));

-- Embedding (issue 17, item 2): ic_admin links host tables (it also owns
-- them, to create their triggers); every reader turns a host key into our id.
-- The triggers run as the owner: the host application's role needs nothing here.
REVOKE ALL ON host_link FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION host_link_of(text), host_row(text, text), host_link_apply(text, jsonb, boolean),
  host_row_user(text, bigint), host_link_sync(), host_ref_check(), link_host(text, regclass, name, jsonb, jsonb),
  unlink_host(text), refuse_member_ddl() FROM PUBLIC;
GRANT SELECT ON host_link TO ic_reader;
GRANT INSERT, DELETE ON host_link TO ic_admin;
GRANT EXECUTE ON FUNCTION host_link_of(text), host_row(text, text) TO ic_reader;
-- CREATE TRIGGER needs EXECUTE on the trigger function (it refuses to fire on any table but the linked one)
GRANT EXECUTE ON FUNCTION host_link_apply(text, jsonb, boolean), link_host(text, regclass, name, jsonb, jsonb),
  unlink_host(text), host_link_sync() TO ic_admin;
