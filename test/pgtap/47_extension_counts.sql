-- The counts of extensions have one meaning per name (issue 21, item 4; R69.1, R69.3, R69.4, R72):
-- instruction.extensions (the C journal) counts R69.1's changes, extensions and transfers;
-- instruction_as_of().extension_decisions and the BI views' extensions count extension decisions only;
-- report_discipline's "extended" is the instructions with an extension decision.  Read as a reader
-- (a role holding only ic_reader) over a journal of every mix of extension, transfer and new deadline.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(7);

CREATE ROLE tap_ext_controller LOGIN IN ROLE ic_controller;
CREATE ROLE tap_ext_reader LOGIN IN ROLE ic_reader;

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES ('EXT_MIN1', 'Ministry one', 'central');
SELECT id AS b1 FROM state_body WHERE code = 'EXT_MIN1' \gset
INSERT INTO body_member (member, body_id) VALUES ('tap_ext_reader', :b1);
SET SESSION AUTHORIZATION tap_ext_controller;
CREATE TEMP TABLE ext_case AS
SELECT n, (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', responsible_body_id => :b1, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id
  FROM generate_series(0, 7) AS n;
-- bit 0: an extension; bit 1: a transfer after it; bit 2: a new deadline (R70.4, not counted by R69.1)
SELECT extend_deadline(id, '2025-10-15', 'head_of_pa', 'expert conclusion', decided_on => '2025-09-03', evidence => '{pa_expert_conclusion}')
  FROM ext_case WHERE n & 1 = 1;
SELECT transfer_control(id, 'medium_term', '2026-06-30', 'head_of_pa', 'c', 'cannot be finished in the year',
                        'disciplinary review', decided_on => '2025-09-05', evidence => '{pa_expert_conclusion}')
  FROM ext_case WHERE n & 3 = 3;
SELECT transfer_control(id, 'medium_term', '2026-06-30', 'head_of_pa', 'c', 'cannot be finished in the year',
                        decided_on => '2025-09-05', evidence => '{pa_expert_conclusion}')
  FROM ext_case WHERE n & 3 = 2;
SELECT set_new_deadline(id, '2026-09-30', 'head_of_pa', 'c', 'quarantine', decided_on => '2025-09-08', evidence => '{pa_expert_conclusion}')
  FROM ext_case WHERE n & 4 = 4;
RESET SESSION AUTHORIZATION;
GRANT SELECT ON ext_case TO tap_ext_reader;
\o

SET SESSION AUTHORIZATION tap_ext_reader;
SELECT is((SELECT count(*)::int FROM ext_case e JOIN report_control_card c ON c.instruction_id = e.id), 8,
  'the reader of the body sees the eight instructions (the checks below are not empty)');
SELECT is((SELECT count(*) FROM ext_case e JOIN instruction i USING (id)
            WHERE i.extensions <> (SELECT count(*) FROM decision d
                                    WHERE d.instruction_id = e.id AND d.kind IN ('extension', 'transfer'))),
          0::bigint,
  'R69.1: instruction.extensions counts the extensions and the transfers');
SELECT is((SELECT count(*) FROM ext_case e JOIN instruction_as_of(current_date) a ON a.instruction_id = e.id
            WHERE a.extension_decisions <> (e.n & 1) OR a.transfers <> (e.n >> 1 & 1) OR a.new_deadlines <> (e.n >> 2 & 1)),
          0::bigint,
  'R69.1: instruction_as_of counts extension decisions (extension_decisions), transfers and new deadlines apart');
SELECT is((SELECT count(*) FROM ext_case e JOIN instruction i USING (id)
                JOIN instruction_as_of(current_date) a ON a.instruction_id = e.id
            WHERE i.extensions <> a.extension_decisions + a.transfers),
          0::bigint,
  'R69.1: the C count is the extension decisions and the transfers of the journal');
SELECT is((SELECT count(*) FROM ext_case e JOIN report_control_card c ON c.instruction_id = e.id
            WHERE c.extensions <> (e.n & 1) OR c.transfers <> (e.n >> 1 & 1)),
          0::bigint,
  'R69.1: the control card''s extensions are the extension decisions, its transfers the transfers');
SELECT is((SELECT sum(extended)::int FROM report_discipline WHERE body_id = :b1), 4,
  'R69.1: report_discipline counts as extended the four instructions with an extension decision, not the transferred ones');
SELECT is((SELECT count(*)::int FROM pg_catalog.pg_proc p, unnest(p.proargnames) AS a(name)
            WHERE p.proname = 'instruction_as_of' AND a.name = 'extensions'),
          0,
  'R69.1: instruction_as_of has no column named extensions that counts something else than instruction.extensions');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
