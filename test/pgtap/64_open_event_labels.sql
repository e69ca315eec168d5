-- open_event keeps an event whose addressee or kind has lost its label (issue 18, Views): a
-- vocabulary row an administrator deleted shows the code, as every other view does (e.g.
-- report_control_card's status), instead of hiding the event from the consumers' list (R50.1).
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(6);

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES ('OE_MIN', 'Ministry of labels', 'central');
SELECT id AS b FROM state_body WHERE code = 'OE_MIN' \gset
-- due Mon 15 Sep 2025 (10 working days from Mon 1 Sep, R50.3): on 8 Sep a reminder, 5 working days before
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', responsible_body_id => :b, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS a \gset
CALL sweep('2025-09-08');
\o

SELECT is((SELECT count(*)::int FROM open_event WHERE instruction_id = :a),
          (SELECT count(*)::int FROM event WHERE instruction_id = :a AND delivered_at IS NULL),
          'R50.1: every undelivered event of the instruction is in open_event');
SELECT is((SELECT kind_en FROM open_event WHERE instruction_id = :a AND kind = 'reminder'),
          (SELECT en FROM vocabulary WHERE domain = 'event_kind' AND code = 'reminder'),
          'R50.1: with its label, open_event names the kind in the label');

-- the labels go (an administrator deleted the rows): the events stay, named by their codes
SET LOCAL instruction_control.change_basis = 'test: labels removed';
DELETE FROM vocabulary WHERE domain = 'event_kind' AND code = 'reminder';
DELETE FROM vocabulary WHERE domain = 'addressee'
                         AND code = (SELECT addressee::text FROM event WHERE instruction_id = :a AND kind = 'reminder');

SELECT is((SELECT count(*)::int FROM open_event WHERE instruction_id = :a),
          (SELECT count(*)::int FROM event WHERE instruction_id = :a AND delivered_at IS NULL),
          'R50.1: an event whose kind and addressee lost their labels is still in open_event');
SELECT is((SELECT (kind_kk, kind_ru, kind_en) FROM open_event WHERE instruction_id = :a AND kind = 'reminder')::text,
          '(reminder,reminder,reminder)', 'without a label the kind shows its code in kk, ru and en');
SELECT is((SELECT addressee_ru = addressee FROM open_event WHERE instruction_id = :a AND kind = 'reminder'),
          true, 'without a label the addressee shows its code');
SELECT ok((SELECT sum(events) FROM open_event_summary WHERE kind = 'reminder') >= 1,
          'open_event_summary counts it too');

SELECT * FROM finish();
ROLLBACK;
