-- Control measures and inspections (issue 20, item 2): R66-2 measures, R47 remote monitoring and
-- R43-1 on-site inspections, each allowed and refused; the journal is append-only; readers of the
-- instruction see its measures.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
\ir include/helpers.psql
SELECT plan(14);

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES ('CM_PA', 'Presidential Administration', 'presidential_administration'),
  ('CM_GOV', 'Government', 'government'), ('CM_MIN', 'Ministry of measures', 'central'), ('CM_OTHER', 'Other ministry', 'central');
SELECT id AS pa FROM state_body WHERE code = 'CM_PA' \gset
SELECT id AS gov FROM state_body WHERE code = 'CM_GOV' \gset
SELECT id AS min FROM state_body WHERE code = 'CM_MIN' \gset
SELECT id AS other FROM state_body WHERE code = 'CM_OTHER' \gset
SELECT (put_on_control('act_point', 'central', '2025-03-03', term => '2 months', responsible_body_id => :min)).id AS i \gset
SELECT (put_on_control('act_point', 'central', '2025-03-03', term => '2 months', responsible_body_id => :other)).id AS j \gset
\o

SELECT is((SELECT kind::text FROM take_control_measure(:i, 'monitoring', :gov, '2025-03-10', 'on schedule')),
          'monitoring', 'R66-2(1): periodic monitoring is recorded');
SELECT is((SELECT kind::text FROM take_control_measure(:i, 'information_request', :min, '2025-03-11', 'letter answered', document_ref => 'EDMS-1')),
          'information_request', 'R66-2(2): a request for information through the EDMS is recorded');
SELECT is((SELECT kind::text FROM take_control_measure(:i, 'remote_monitoring', :gov, '2025-03-12')),
          'remote_monitoring', 'R47: remote monitoring through an information system is recorded');
SELECT throws_ok(format($$SELECT take_control_measure(%s, 'report_hearing', %s, '2025-03-02')$$, :i, :gov),
                 'IC601', NULL, 'R66-2: a measure before the instruction''s receipt is refused');
SELECT throws_ok(format($$SELECT take_control_measure(%s, 'report_hearing', %s, %L)$$, :i, :gov, current_date + 1),
                 'IC601', NULL, 'R66-2: a measure in the future is refused');

-- R43-1: on-site inspections
SELECT lives_ok(format($$SELECT take_control_measure(%s, 'on_site_inspection', %s, '2025-04-01', 'findings: works started',
                                                    planned => true, schedule_ref => 'PA schedule 2025')$$, :i, :pa),
                'R43-1: a planned inspection by the PA, by the approved schedule');
SELECT lives_ok(format($$SELECT take_control_measure(%s, 'on_site_inspection', %s, '2025-04-02', 'findings', 'thematic trip to the region',
                                                    planned => false)$$, :i, :gov),
                'R43-1: an unplanned inspection by the Government Office during a trip');
SELECT throws_ok(format($$SELECT take_control_measure(%s, 'on_site_inspection', %s, '2025-04-01', planned => true,
                                                     schedule_ref => 'own plan')$$, :i, :min),
                 'IC602', NULL, 'R43-1: a ministry does not inspect on site under R43-1');
SELECT throws_ok(format($$SELECT take_control_measure(%s, 'on_site_inspection', %s, '2025-04-01', planned => true)$$, :i, :pa),
                 'IC602', NULL, 'R43-1: a planned inspection names its schedule');
SELECT throws_ok(format($$SELECT take_control_measure(%s, 'on_site_inspection', %s, '2025-04-01', basis => E'\u3164', planned => false)$$, :i, :pa),
                 'IC602', NULL, 'R43-1: an unplanned inspection names its trip (an invisible basis is none)');
SELECT throws_ok(format($$SELECT take_control_measure(%s, 'on_site_inspection', %s, '2025-04-01')$$, :i, :pa),
                 '23514', NULL, 'R43-1: an inspection says whether it was planned');

SELECT throws_ok(format($$UPDATE control_measure SET outcome = 'rewritten' WHERE instruction_id = %s$$, :i),
                 'IC111', NULL, 'the journal of measures is append-only');

\o /dev/null
SELECT take_control_measure(:j, 'monitoring', :gov, '2025-03-10');
CREATE ROLE cm_reader NOLOGIN IN ROLE ic_reader;
INSERT INTO body_member (member, body_id) VALUES ('cm_reader', :min);
\o
SET LOCAL ROLE cm_reader;
SELECT is((SELECT count(*)::int FROM control_measure), 5, 'RLS: a reader sees the measures on its body''s instructions only');
SELECT throws_ok(format($$SELECT take_control_measure(%s, 'monitoring', %s, '2025-03-10')$$, :i, :min),
                 '42501', NULL, 'a reader records no measure');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
