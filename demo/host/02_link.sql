-- Link the host's tables (the supported way, README "Embedding"): nothing is
-- entered twice, the host keys stay the host's, and DBA additions go to the
-- host's schema.  Errors below are shown on purpose.
\set ON_ERROR_STOP 0
\set VERBOSITY default
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;

\echo '-- link departments, documents and staff: bodies, acts and people live in the host tables'
SELECT link_host('state_body', 'docs.department', 'id',
                 '{"name": "title", "name_ru": "title_ru", "body_type": "kind", "parent_id": "parent_id"}');
SELECT link_host('act', 'docs.document', 'id',
                 '{"act_type": "doc_type", "number": "reg_no", "title": "title", "signed_on": "signed"}');
SELECT link_host('person', 'docs.staff', 'login', '{"name": "full_name", "body_id": "department_id"}');
SELECT external_ref, name, body_type, (SELECT p.external_ref FROM state_body p WHERE p.id = b.parent_id) AS parent
  FROM state_body b ORDER BY external_ref;

\echo '-- the host keeps writing its own tables; the registry follows'
INSERT INTO docs.department VALUES (400, 'Ministry of Enlightenment', 'Министерство просвещения', 'central', NULL);
UPDATE docs.department SET title_ru = 'Акимат г. Алматы' WHERE id = 300;
SELECT external_ref, name, name_ru FROM state_body WHERE external_ref IN ('300', '400') ORDER BY 1;

\echo '-- put on control by host keys (host_row turns a host key into the registry''s id)'
SET instruction_control.calendar = 'KZ';
SELECT i.id, i.point, i.due_date
  FROM (VALUES ('1', '10 working days', '100', '{200}'), ('2', '8 months', '200', '{}'), ('3', '2 weeks', '400', '{300}'))
       AS v(point, term, body, co),
  LATERAL put_on_control('act_point', 'pa', '2025-03-03', term => v.term::term,
                         act_id => host_row('act', '6f1c2a52-0c1e-4d7a-9a51-1a2b3c4d5e01'),
                         point => v.point::point_ref,
                         responsible_body_id => host_row('state_body', v.body),
                         co_executor_ids => ARRAY(SELECT host_row('state_body', c) FROM unnest(v.co::text[]) c),
                         pa_unit => 'Department of Economic Policy', completion_form => 'information to the PA',
                         content => 'Instruction ' || v.point) AS i
 ORDER BY i.point;
SELECT (extend_deadline(i.id, '2025-04-15', 'head_of_pa', 'expert conclusion No. 12', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')).seq
  FROM instruction i WHERE i.point = '1';

\echo '-- referential integrity both ways: a host row the registry uses stays (IC402) ...'
DELETE FROM docs.document WHERE id = '6f1c2a52-0c1e-4d7a-9a51-1a2b3c4d5e01';
UPDATE docs.department SET id = 401 WHERE id = 400;
\echo '-- ... and the registry links only host rows that exist (IC401)'
SELECT host_row('state_body', '999');
INSERT INTO state_body (name, body_type, external_ref) VALUES ('Not in the host', 'central', '999');

\echo '-- the DBA''s own additions: refused on the registry''s tables (IC404) ...'
ALTER TABLE instruction_control.act ADD COLUMN host_document_id uuid;
CREATE INDEX ON instruction_control.instruction (content);
\echo '-- ... and kept by dumps in the host''s schema: a side table referencing ours by id'
CREATE TABLE docs.instruction_note (
  instruction_id bigint PRIMARY KEY REFERENCES instruction_control.instruction,
  document_id    uuid REFERENCES docs.document,
  note           text NOT NULL
);
CREATE INDEX instruction_note_document_idx ON docs.instruction_note (document_id);
INSERT INTO docs.instruction_note
SELECT id, '6f1c2a52-0c1e-4d7a-9a51-1a2b3c4d5e02', 'discussed at meeting M-14' FROM instruction WHERE point = '2';
