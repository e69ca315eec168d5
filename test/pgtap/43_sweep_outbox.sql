-- The sweep's writes at their set-wise floor (issue 19): no check row by row
-- on the outbox (the rule ids of a batch are checked at once by sweep_batch,
-- which writes nothing of a batch with an unknown rule), and a replay that
-- folds the journal once for every branch, not per instruction it looks up
-- (R50.1, R69.1, R75: the overdue marks a replayed day clears).
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SELECT plan(34);
\ir include/helpers.psql

SELECT is((SELECT pg_catalog.array_agg(t.tgname::text ORDER BY 1) FROM pg_trigger t
            WHERE t.tgrelid = 'instruction_control.event'::regclass
              AND (t.tgtype::int & 1) = 1),           -- TRIGGER_TYPE_ROW
          NULL,
          'issue 19: no trigger (foreign key check) runs for each event the sweep writes');

-- a batch that names a rule the table rule does not hold: refused whole
SELECT instruction_control.sweep_begin(current_date, 10, true) AS run \gset
INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail)
VALUES (:run, 0, 1, 'overdue', current_date - 1, 'controller', 'R50.1', current_date - 1, '{}'),
       (:run, 0, 2, 'overdue', current_date - 1, 'controller', 'R0.0', current_date - 1, '{}');
SELECT is((pg_temp.err(format('SELECT instruction_control.sweep_batch(%s)', :run))).state, '23503',
          'issue 19: a batch with a rule id the table rule does not hold is refused (23503), as the foreign key did');
SELECT is((SELECT count(*) FROM event WHERE sweep_run_id = :run), 0::bigint,
          'issue 19: nothing of the refused batch is written');
SELECT is((SELECT count(*) FROM overdue_mark WHERE sweep_run_id = :run), 0::bigint,
          'R50.1: the refused batch marks nothing overdue');

-- the batches of a run are written in their order, one per call: the next is
-- the one numbered by the batches written so far (sweep_run.batches), found by
-- an index probe rather than a scan of every candidate left (issue 19)
SELECT instruction_control.sweep_begin(current_date, 2, true) AS run2 \gset
INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail)
SELECT :run2, (g - 1) / 2, 900000 + g, 'overdue', current_date - 1, 'controller', 'R50.1', current_date - 1, '{}'
  FROM generate_series(1, 5) AS g;                                   -- batches 0, 0, 1, 1, 2
SELECT is(instruction_control.sweep_batch(:run2), true, 'issue 19, R50.1: the first batch is written and more remain');
SELECT is((SELECT array_agg(e.instruction_id ORDER BY e.instruction_id) FROM event e WHERE e.sweep_run_id = :run2),
          ARRAY[900001, 900002]::bigint[], 'issue 19: the first call writes batch 0 only');
SELECT is(instruction_control.sweep_batch(:run2), true, 'issue 19: the second batch is written and one remains');
SELECT is((SELECT array_agg(e.instruction_id ORDER BY e.instruction_id) FROM event e WHERE e.sweep_run_id = :run2),
          ARRAY[900001, 900002, 900003, 900004]::bigint[], 'issue 19: the second call adds batch 1');
SELECT is(instruction_control.sweep_batch(:run2), false, 'issue 19: the last batch is written and none remains');
SELECT is((SELECT (r.batches, r.processed, r.events)::text FROM sweep_run r WHERE r.id = :run2), '(3,5,5)',
          'issue 19: three batches, five candidates taken, five events written');
SELECT is((instruction_control.sweep_batch(:run2), (SELECT count(*) FROM event e WHERE e.sweep_run_id = :run2))::text,
          '(f,5)', 'issue 19: a call after the last batch writes nothing');

-- A batch is written by plain INSERTs (issue 19: ON CONFLICT's check before
-- each row was a fifth of a batch), and written again merging when a unique
-- index refuses them.  A run outside a transaction block takes that path
-- (here, inside pgTAP's transaction, a run says it is one: one_transaction
-- set off by hand); each case below fails with 23505 without the merging.
-- pg_temp.staged_run(first, scope): a run of that scope outside a transaction
-- block, with one batch of three overdue candidates, instructions first + 1..3
CREATE FUNCTION pg_temp.staged_run(first bigint, scope text DEFAULT 'full') RETURNS bigint
LANGUAGE plpgsql AS $f$
DECLARE
  run bigint := instruction_control.sweep_begin(current_date, 10, true);
BEGIN
  UPDATE instruction_control.sweep_run r SET one_transaction = false, scope = staged_run.scope WHERE r.id = run;
  INSERT INTO instruction_control.sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee,
                                                   rule_id, due_date, detail)
  SELECT run, 0, first + g, 'overdue', current_date - 1, 'controller', 'R50.1', current_date - 1, '{}'
    FROM generate_series(1, 3) AS g;
  RETURN run;
END $f$;
SELECT pg_temp.staged_run(910000) AS run4 \gset
-- another sweep of the day wrote one of them since this run collected
INSERT INTO event (instruction_id, kind, period, addressee, rule_id, due_date, as_of, detail)
VALUES (910002, 'overdue', current_date - 1, 'controller', 'R50.1', current_date - 1, current_date, '{}');
-- and an instruction bears the mark of an earlier deadline (moved from one past day to another)
INSERT INTO overdue_mark (instruction_id, due_date, marked_on, sweep_run_id)
VALUES (910003, current_date - 9, current_date - 8, :run4);
SELECT is(instruction_control.sweep_batch(:run4), false,
          'issue 19, R50.1: a batch the unique indexes refuse is written again, merging, without an error');
SELECT is((SELECT array_agg(e.instruction_id ORDER BY e.instruction_id) FROM event e WHERE e.sweep_run_id = :run4),
          ARRAY[910001, 910003]::bigint[],
          'issue 19, R50.1: the merged batch writes the events the outbox lacked, and the one it held once');
SELECT is((SELECT count(*) FROM event e WHERE e.instruction_id = 910002 AND e.kind = 'overdue'), 1::bigint,
          'issue 19, R50.1: the event another sweep wrote is not doubled');
SELECT is((SELECT array_agg((m.instruction_id, m.due_date = current_date - 1)::text ORDER BY m.instruction_id)
             FROM overdue_mark m WHERE m.instruction_id BETWEEN 910001 AND 910003),
          ARRAY['(910001,t)', '(910002,t)', '(910003,t)'],
          'R50.1: every overdue instruction of the batch is marked with its deadline, the earlier mark replaced');
SELECT is((SELECT (r.batches, r.processed, r.events)::text FROM sweep_run r WHERE r.id = :run4)
            || (SELECT count(*) FROM sweep_candidate c WHERE c.sweep_run_id = :run4)::text,
          '(1,3,2)3',
          'issue 19: one batch, its three candidates taken (read, not deleted: the run''s end empties them), two events written');
SELECT is((instruction_control.sweep_batch(:run4), (SELECT count(*) FROM event e WHERE e.sweep_run_id = :run4))::text,
          '(f,2)', 'issue 19: a batch taken is not taken again: the count of batches written says which are');
-- an incremental run leaves out, before writing, the overdue events the
-- outbox holds (a deadline come back to the day of a cleared mark) and marks
-- them all the same
SELECT pg_temp.staged_run(930000, 'incremental') AS run6 \gset
INSERT INTO event (instruction_id, kind, period, addressee, rule_id, due_date, as_of, detail)
VALUES (930002, 'overdue', current_date - 1, 'controller', 'R50.1', current_date - 1, current_date - 5, '{}');
SELECT is(instruction_control.sweep_batch(:run6), false, 'issue 19, R50.1: an incremental batch meeting an overdue event the outbox holds is written');
SELECT is(((SELECT array_agg(e.instruction_id ORDER BY e.instruction_id) FROM event e WHERE e.sweep_run_id = :run6)::text,
           (SELECT array_agg(m.instruction_id ORDER BY m.instruction_id) FROM overdue_mark m WHERE m.sweep_run_id = :run6)::text,
           (SELECT count(*) FROM event e WHERE e.instruction_id = 930002))::text,
          '("{930001,930003}","{930001,930002,930003}",1)',
          'R50.1: the two new events written, the held one not doubled, all three instructions marked');
-- the same batch without a conflict: written by the plain INSERTs alone
SELECT pg_temp.staged_run(920000) AS run5 \gset
SELECT is(instruction_control.sweep_batch(:run5), false, 'issue 19, R50.1: a batch no unique index refuses is written');
SELECT is(((SELECT count(*) FROM event e WHERE e.sweep_run_id = :run5),
           (SELECT count(*) FROM overdue_mark m WHERE m.sweep_run_id = :run5))::text,
          '(3,3)', 'issue 19, R50.1: by the plain INSERTs: three events, three marks');

-- The run's end empties its candidates (issue 19: the batches read them, a
-- DELETE per batch was a quarter of each): by TRUNCATE (a new file for the
-- table) when no other run has any and the run is outside a transaction
-- block; otherwise by deleting its own rows, leaving the other runs' as they are.
SELECT pg_catalog.pg_relation_filenode('instruction_control.sweep_candidate') AS file_before \gset
SELECT is((SELECT (f.id = :run4, f.finished_at IS NOT NULL) FROM instruction_control.sweep_finish(:run4) f)::text,
          '(t,t)', 'issue 19: sweep_finish() records the end of the run');
SELECT is((SELECT r.finished_at IS NOT NULL FROM sweep_run r WHERE r.id = :run4), true,
          'issue 19: the end is recorded in sweep_run');
SELECT is(((SELECT count(*) FROM sweep_candidate c WHERE c.sweep_run_id = :run4),
           (SELECT count(*) FROM sweep_candidate c WHERE c.sweep_run_id = :run2),
           pg_catalog.pg_relation_filenode('instruction_control.sweep_candidate') = :file_before)::text,
          '(0,5,t)', 'issue 19: with another run''s candidates in the table, the run deletes its own and keeps the other''s');
SELECT pg_temp.staged_run(940000) AS run7 \gset
DELETE FROM sweep_candidate c WHERE c.sweep_run_id <> :run7;
SELECT is(instruction_control.sweep_batch(:run7), false, 'issue 19: a run alone in the table writes its batch');
SELECT (instruction_control.sweep_finish(:run7)).finished_at IS NOT NULL AS finished \gset
SELECT is((:'finished'::boolean,
           (SELECT count(*) FROM sweep_candidate),
           pg_catalog.pg_relation_filenode('instruction_control.sweep_candidate') <> :file_before)::text,
          '(t,0,t)', 'issue 19: a run alone in the table, outside a transaction block, empties it by TRUNCATE');
SELECT instruction_control.sweep_begin(current_date, 10, true) AS run8 \gset
INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail)
VALUES (:run8, 0, 950001, 'overdue', current_date - 1, 'controller', 'R50.1', current_date - 1, '{}');
SELECT pg_catalog.pg_relation_filenode('instruction_control.sweep_candidate') AS file_alone \gset
SELECT (instruction_control.sweep_finish(:run8)).finished_at IS NOT NULL AS finished \gset
SELECT is((:'finished'::boolean,
           (SELECT count(*) FROM sweep_candidate),
           pg_catalog.pg_relation_filenode('instruction_control.sweep_candidate') = :file_alone)::text,
          '(t,0,t)', 'issue 19: a run inside a transaction block deletes its candidates, never holds the table for the caller''s transaction');
-- the table open in this session (a cursor over it), which TRUNCATE refuses:
-- the run deletes its rows instead, and the cursor reads on
SELECT pg_temp.staged_run(960000) AS run9 \gset
DECLARE open_candidates CURSOR FOR SELECT c.instruction_id FROM sweep_candidate c ORDER BY 1;
MOVE 1 IN open_candidates;
SELECT lives_ok(format('SELECT instruction_control.sweep_finish(%s)', :run9),
                'issue 19: a run finishing while this session has the table open (a cursor) does not fail');
SELECT is(((SELECT count(*) FROM sweep_candidate),
           pg_catalog.pg_relation_filenode('instruction_control.sweep_candidate') = :file_alone)::text,
          '(0,t)', 'issue 19: ... it deletes its candidates instead of the TRUNCATE');
CLOSE open_candidates;

-- the replay's statement: one fold of the journal that every branch reads
SELECT is((SELECT pg_catalog.regexp_count(p.prosrc, 'sweep_state_as_of\(')
             FROM pg_proc p
            WHERE p.oid = 'instruction_control.sweep_found_replay(date, date, jsonb, boolean, integer, bigint, date)'::regprocedure),
          1,
          'issue 19: a replay folds the journal once (replay_state), whatever the number of branches');
SELECT ok((SELECT p.prosrc !~ 'OFFSET 0\) s\M' FROM pg_proc p
            WHERE p.oid = 'instruction_control.sweep_found_replay(date, date, jsonb, boolean, integer, bigint, date)'::regprocedure),
          'R69.1, R75: the replay looks up the instructions of the marks and events it clears by a join, not one by one');

-- sweep_run.collected_at is when the collection ended: the collection writes
-- the candidates (an INSERT into sweep_candidate, seen here by a statement
-- trigger of this test's own) before the run is stamped.  One UPDATE setting
-- both computed collected_at first (the table's column order), a time before
-- the collection, and sweep_progress counted the collection as batch time.
SET LOCAL instruction_control.allow_member_ddl = on;
CREATE TEMP TABLE collect_seen (at timestamptz);
CREATE FUNCTION pg_temp.note_collect() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  INSERT INTO collect_seen VALUES (clock_timestamp());
  RETURN NULL;
END $f$;
CREATE TRIGGER note_collect AFTER INSERT ON instruction_control.sweep_candidate
  FOR EACH STATEMENT EXECUTE FUNCTION pg_temp.note_collect();
SELECT instruction_control.sweep_begin(current_date, 10, true) AS run3 \gset
SELECT ok((SELECT r.collected_at FROM sweep_run r WHERE r.id = :run3) >= (SELECT max(c.at) FROM collect_seen c),
          'issue 19: a run is stamped collected (sweep_run.collected_at) after its candidates are written, not before');
DROP TRIGGER note_collect ON instruction_control.sweep_candidate;
-- the class, from the catalog: no function of the extension stamps a time
-- (clock_timestamp()) in the SET list of an UPDATE that also calls one of the
-- extension's functions, whose work the stamp would then precede or not
-- depending on the table's column order
CREATE TEMP TABLE stamped_updates AS
SELECT p.proname::text AS fn, m[1] AS set_list
  FROM pg_proc p
 CROSS JOIN LATERAL pg_catalog.regexp_matches(p.prosrc, 'UPDATE\s[^;]*\mSET\M([^;]*)', 'gi') AS m
 WHERE p.pronamespace = 'instruction_control'::regnamespace
   AND m[1] ~ 'clock_timestamp\(';
SELECT ok((SELECT count(*) FROM stamped_updates WHERE fn IN ('sweep_begin', 'sweep_finish')) >= 2,
          'issue 19: the catalog scan finds the stamps it looks for (sweep_begin, sweep_finish)');
SELECT is((SELECT pg_catalog.array_agg(DISTINCT u.fn ORDER BY u.fn)
             FROM stamped_updates u
            WHERE EXISTS (SELECT 1 FROM pg_proc f
                           WHERE f.pronamespace = 'instruction_control'::regnamespace
                             AND u.set_list ~ ('\m' || f.proname || '\s*\('))),
          NULL,
          'issue 19: no UPDATE of the extension stamps clock_timestamp() beside a call of its own functions');

SELECT * FROM finish();
ROLLBACK;
