
/*
 * 30_import_persons.sql: imports only import history; who acted is proven
 * (issue 16, items 3 and 4).  Follows sql/src/30_registry.sql (table person;
 * instruction.imported_in_force; decision.imported_in_force and
 * acted_by_person_id; the comment of decision.acted_by), sql/src/40_api.sql
 * (import_instruction() and import_decision() take in_force) and
 * sql/src/90_security.sql (table person_role, grants, row-level security).
 */

-- People who act, and the roles that may act for them
CREATE TABLE person (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name      text NOT NULL UNIQUE
            CHECK (length(name) BETWEEN 1 AND 200 AND name !~ '^[0-9]+$' AND btrim(name) = name),
  body_id   bigint REFERENCES state_body,
  active    boolean NOT NULL DEFAULT true
);
COMMENT ON TABLE person IS
  'People who act in the registry (an official of a state body); decisions record the person named by SET LOCAL instruction_control.acting_person, by id or name, when the role may act for it (person_role). Kept by ic_admin';
COMMENT ON COLUMN person.id IS 'Identity of the person; instruction_control.acting_person may name it';
COMMENT ON COLUMN person.name IS 'Name and position as recorded in decision.acted_by, unique; not only digits (digits name an id)';
COMMENT ON COLUMN person.body_id IS 'The state body the person belongs to';
COMMENT ON COLUMN person.active IS 'false: the person no longer acts (left office); earlier decisions keep the name';
SELECT pg_catalog.pg_extension_config_dump('person', '');
SELECT pg_catalog.pg_extension_config_dump('person_id_seq', '');

CREATE TABLE person_role (
  person_id bigint NOT NULL REFERENCES person ON DELETE CASCADE,
  member    name NOT NULL,
  PRIMARY KEY (person_id, member)
);
COMMENT ON TABLE person_role IS
  'Which database roles may act for which person: a member of the role may name the person in SET LOCAL instruction_control.acting_person. Kept by ic_admin';
COMMENT ON COLUMN person_role.person_id IS 'The person';
COMMENT ON COLUMN person_role.member IS 'A database role (a personal login, a pooled application role, or a group); its members may act for the person too';
SELECT pg_catalog.pg_extension_config_dump('person_role', '');

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

-- Imports say when history is dated under the rules; the journal records the person proven
ALTER TABLE instruction ADD COLUMN imported_in_force boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN instruction.imported_in_force IS 'Imported although received when the amended Rules were in force (on or after 2024-02-01): the import said so explicitly (import_instruction(in_force => true)); such history has its decisions imported too, never judged live ones';
ALTER TABLE decision ADD COLUMN imported_in_force boolean NOT NULL DEFAULT false;
ALTER TABLE decision ADD COLUMN acted_by_person_id bigint REFERENCES person;
COMMENT ON COLUMN decision.imported_in_force IS 'Imported although dated when the amended Rules were in force (on or after 2024-02-01), on an imported instruction: the import said so explicitly (import_decision(in_force => true)); who decided is still judged (IC117, IC101)';
COMMENT ON COLUMN decision.acted_by_person_id IS 'The person (person.id) named by SET LOCAL instruction_control.acting_person and proven: the recording role may act for that person (person_role); set by the journal';
COMMENT ON COLUMN decision.acted_by IS 'The person who acted: the name of person acted_by_person_id when it was recorded (SET LOCAL instruction_control.acting_person, proven against person_role), set by the journal; NULL when none was named. recorded_by is the database role';

-- The API functions whose BEGIN ATOMIC body returns a whole row (RETURNING *) of
-- instruction or decision: created anew, so their rows carry the new columns
CREATE OR REPLACE FUNCTION put_on_control(
  kind instruction_kind,
  level control_level,
  received_on date,
  term term DEFAULT NULL,
  due_date date DEFAULT NULL,
  content text DEFAULT NULL,
  act_id bigint DEFAULT NULL,
  point point_ref DEFAULT NULL,
  signed_on date DEFAULT NULL,
  responsible_body_id bigint DEFAULT NULL,
  co_executor_ids bigint[] DEFAULT '{}',
  controlling_body_id bigint DEFAULT NULL,
  pa_unit text DEFAULT NULL,
  completion_form text DEFAULT NULL,
  final_result text DEFAULT NULL,
  category monitoring_category DEFAULT NULL,
  secrecy secrecy_class DEFAULT 'none',
  paper_card_ref text DEFAULT NULL,
  local_character boolean DEFAULT false,
  public_resonance boolean DEFAULT false,
  new_approaches boolean DEFAULT false,
  reporting_period reporting_period DEFAULT NULL,
  parent_id bigint DEFAULT NULL,
  external_ref text DEFAULT NULL,
  deadline_source deadline_source DEFAULT NULL,
  upper_record_id bigint DEFAULT NULL)
RETURNS instruction
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO instruction (kind, level, received_on, term, due_date, content, act_id, point,
                           signed_on, responsible_body_id, co_executor_ids, controlling_body_id,
                           pa_unit, completion_form, final_result, category, secrecy,
                           paper_card_ref, local_character, public_resonance, new_approaches,
                           reporting_period, parent_id, external_ref, deadline_source, upper_record_id)
  VALUES (kind, level, received_on, term, due_date, content, act_id, point,
          signed_on, responsible_body_id, co_executor_ids, controlling_body_id,
          pa_unit, completion_form, final_result, category, secrecy,
          paper_card_ref, local_character, public_resonance, new_approaches,
          reporting_period, parent_id, external_ref, deadline_source, upper_record_id)
  RETURNING *;
END;

CREATE OR REPLACE FUNCTION extend_deadline(
  instruction_id bigint,
  new_due date,
  decided_by decider,
  basis text,
  disciplinary_review text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  paper_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis,
                        disciplinary_review, decided_on, paper_ref)
  VALUES (instruction_id, 'extension', new_due, decided_by, basis, disciplinary_review, decided_on, paper_ref)
  RETURNING *;
END;

CREATE OR REPLACE FUNCTION transfer_control(
  instruction_id bigint,
  regime control_regime,
  new_due date,
  decided_by decider,
  basis text,
  reason text DEFAULT NULL,
  disciplinary_review text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  paper_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_regime, new_due_date, decided_by, basis,
                        reason, disciplinary_review, decided_on, paper_ref)
  VALUES (instruction_id, 'transfer', regime, new_due, decided_by, basis,
          reason, disciplinary_review, decided_on, paper_ref)
  RETURNING *;
END;

CREATE OR REPLACE FUNCTION set_new_deadline(
  instruction_id bigint,
  new_due date,
  decided_by decider,
  basis text,
  reason new_deadline_reason,
  decided_on date DEFAULT current_date,
  paper_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis, reason, decided_on, paper_ref)
  VALUES (instruction_id, 'new_deadline', new_due, decided_by, basis, reason, decided_on, paper_ref)
  RETURNING *;
END;

CREATE OR REPLACE FUNCTION remove_from_control(
  instruction_id bigint,
  ground removal_ground,
  decided_by decider,
  evidence evidence_kind[],
  evidence_ref text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  receiving_body_id bigint DEFAULT NULL,
  paper_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, ground, decided_by, evidence, evidence_ref, decided_on,
                        receiving_body_id, paper_ref)
  VALUES (instruction_id, 'removal', ground, decided_by, evidence, evidence_ref, decided_on,
          receiving_body_id, paper_ref)
  RETURNING *;
END;

-- The import functions take in_force (a new argument: dropped and created anew)
DROP FUNCTION import_instruction(instruction_kind, control_level, date, date, text, bigint, point_ref, date, term,
                                 bigint, bigint[], monitoring_category, secrecy_class, text, text, bigint);
DROP FUNCTION import_decision(bigint, decision_kind, date, decider, date, control_regime, removal_ground, text,
                              text, evidence_kind[], text, text);
CREATE FUNCTION import_instruction(
  kind instruction_kind,
  level control_level,
  received_on date,
  due_date date,
  content text DEFAULT NULL,
  act_id bigint DEFAULT NULL,
  point point_ref DEFAULT NULL,
  signed_on date DEFAULT NULL,
  term term DEFAULT NULL,
  responsible_body_id bigint DEFAULT NULL,
  co_executor_ids bigint[] DEFAULT '{}',
  category monitoring_category DEFAULT NULL,
  secrecy secrecy_class DEFAULT 'none',
  paper_card_ref text DEFAULT NULL,
  external_ref text DEFAULT NULL,
  upper_record_id bigint DEFAULT NULL,
  in_force boolean DEFAULT false)
RETURNS instruction
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO instruction (kind, level, received_on, due_date, content, act_id, point, signed_on, term,
                           responsible_body_id, co_executor_ids, category, secrecy, paper_card_ref,
                           external_ref, upper_record_id, imported, imported_in_force)
  VALUES (kind, level, received_on, due_date, content, act_id, point, signed_on, term,
          responsible_body_id, co_executor_ids, category, secrecy, paper_card_ref,
          external_ref, upper_record_id, true, in_force)
  RETURNING *;
END;
COMMENT ON FUNCTION import_instruction IS
  'Import a historical instruction as it was recorded (not judged by the rules of Decree No. 403); received on or after 2024-02-01 only with in_force => true (IC117); registry administrator (ic_admin) only';
CREATE FUNCTION import_decision(
  instruction_id bigint,
  kind decision_kind,
  decided_on date,
  decided_by decider DEFAULT NULL,
  new_due date DEFAULT NULL,
  new_regime control_regime DEFAULT NULL,
  ground removal_ground DEFAULT NULL,
  basis text DEFAULT NULL,
  reason text DEFAULT NULL,
  evidence evidence_kind[] DEFAULT '{}',
  evidence_ref text DEFAULT NULL,
  disciplinary_review text DEFAULT NULL,
  in_force boolean DEFAULT false)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, decided_on, decided_by, new_due_date, new_regime, ground,
                        basis, reason, evidence, evidence_ref, disciplinary_review, imported,
                        imported_in_force)
  VALUES (instruction_id, kind, decided_on, decided_by, new_due, new_regime, ground,
          basis, reason, evidence, evidence_ref, disciplinary_review, true, in_force)
  RETURNING *;
END;
COMMENT ON FUNCTION import_decision IS
  'Import a historical decision as it was recorded and apply its effect (not judged by the rules of Decree No. 403, except who decides: R74, R77); never on an instruction with live decisions; dated on or after 2024-02-01 only on an imported instruction with in_force => true (IC117); registry administrator (ic_admin) only';
REVOKE EXECUTE ON FUNCTION import_instruction, import_decision FROM PUBLIC;
GRANT EXECUTE ON FUNCTION import_instruction, import_decision TO ic_admin;

-- Privileges and row-level security of the people (sql/src/90_security.sql)
GRANT SELECT ON person, person_role TO ic_reader;
GRANT INSERT, UPDATE, DELETE ON person, person_role TO ic_admin;
ALTER TABLE person ENABLE ROW LEVEL SECURITY;
ALTER TABLE person_role ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_all ON person_role FOR ALL TO ic_admin USING (true) WITH CHECK (true);
CREATE POLICY own_rows ON person_role FOR SELECT TO PUBLIC
  USING (EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                  WHERE r.rolname OPERATOR(pg_catalog.=) person_role.member
                    AND pg_catalog.pg_has_role(r.oid, 'MEMBER')));
CREATE POLICY admin_all ON person FOR ALL TO ic_admin USING (true) WITH CHECK (true);
CREATE POLICY own_rows ON person FOR SELECT TO PUBLIC
  USING (EXISTS (SELECT 1 FROM instruction_control.person_role m
                  WHERE m.person_id OPERATOR(pg_catalog.=) person.id));
