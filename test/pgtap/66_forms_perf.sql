-- Appendix 8 at its floor (issue 19): what the faster forms must keep.
--   - report_date(d) is the text of to_char(d, 'DD.MM.YYYY') for every day
--     the registry can hold (written in C, src/reporting/report_date.c), and
--     report_date_kk(d, case) that text, a hyphen and kk_number_ending of its
--     year; a day at infinity prints as nothing (NULL), as to_char prints it
--     (report_date_kk used to fail on it: bigint out of range);
--   - Appendix 8 (R75-1) numbers its rows in the order it prints them: sectors
--     in the order of their headings, and two sectors written two ways under
--     one heading ('health care', 'Health care') are one group numbered
--     through (they used to be two groups printed interleaved: 1, 1, 2, 2);
--   - Appendix 8 leaves out an instruction removed before the year began by
--     its removed_on, before reading its journal, and does not phrase a
--     removal on the ground executed: its rows and statuses stay those of the
--     journal folded at each year's end (instruction_as_of), on either side of
--     1 January, for removals on either ground;
--   - Appendix 8 folds the journal in its parallel workers with the
--     aggregate report_phrases, which joins an instruction's phrases in the
--     order of its journal (seq) whatever order they come in, also when the
--     parallel workers' shares are combined (20,000 phrases in random order);
--     every row's phrases are its decisions' phrases in the journal's order,
--     under plans that fold in the workers;
--   - Appendix 8 takes the deadline a later decision found (the old date of
--     the first decision after the year) with the aggregate report_first_day,
--     the day of the least seq whatever the order of its rows, NULL seq last,
--     also when the workers' shares are combined; every row's deadline is
--     the journal's under plans that fold in the workers;
--   - Appendix 8 numbers its rows as it returns them in print order
--     (report_row_no in place of a window): numbers by run of equal keys,
--     counted after the sort, and every row's number its place in its body's
--     sector under plans that fold in the workers, every year, both languages;
--   - one body's Appendix 8 is inlined into the caller's statement (its rows
--     not copied into a second tuple store and sorted again), behind its
--     check of the body (IC303), tested once before the form runs;
-- as a role holding only ic_controller (the forms are the controllers').
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET client_min_messages = warning;
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';
SELECT plan(37);

CREATE ROLE f_controller NOLOGIN IN ROLE ic_controller;
CREATE ROLE f_reader NOLOGIN IN ROLE ic_reader;

-- report_date and report_date_kk against to_char, day by day -----------------
SET ROLE f_reader;
SELECT is((SELECT count(*) FROM generate_series(date '1999-12-01', date '2101-01-31', interval '1 day') g(t)
            WHERE report_date(t::date) IS DISTINCT FROM to_char(t::date, 'DD.MM.YYYY')),
          0::bigint, 'issue 19: report_date(d) is to_char(d, ''DD.MM.YYYY'') for every day of 1999-12 .. 2101-01 (as ic_reader)');
SELECT is((SELECT count(*)
             FROM unnest(ARRAY['0001-01-01', '0009-02-28', '0999-12-31', '1000-01-01', '9999-12-31', '10000-01-01', '294276-12-31',
                               '0044-03-15 BC', '4713-01-01 BC']::date[]) d
            WHERE report_date(d) IS DISTINCT FROM to_char(d, 'DD.MM.YYYY')),
          0::bigint, 'issue 19: report_date(d) is to_char(d, ''DD.MM.YYYY'') at the ends of the date range and before the era');
SELECT is((SELECT count(*)
             FROM generate_series(date '1999-12-01', date '2101-01-31', interval '1 day') g(t),
                  unnest(ARRAY['ablative', 'dative']) c
            WHERE report_date_kk(t::date, c) IS DISTINCT FROM
                  to_char(t::date, 'DD.MM.YYYY') || '-' || kk_number_ending(date_part('year', t)::bigint, c)),
          0::bigint, 'issue 19: report_date_kk(d, case) is the day, a hyphen and the ending of its year, every day and both cases');
SELECT is(report_date_kk('2025-03-11', 'ablative') || ' ' || report_date_kk('2020-06-02', 'dative'),
          '11.03.2025-тен 02.06.2020-ға', 'issue 19: report_date_kk writes the Kazakh endings (-тен after 2025, -ға after 2020)');
SELECT is(report_date('infinity'), NULL, 'issue 19: report_date(infinity) is NULL, as to_char gives');
SELECT is(report_date_kk('infinity', 'dative'), NULL, 'issue 19: report_date_kk(infinity) is NULL, not an error');
SELECT is(report_date(NULL) || report_date_kk(NULL, 'dative') || report_date_kk('2025-01-01', NULL), NULL,
          'issue 19: report_date and report_date_kk of NULL are NULL');
SELECT throws_ok($$SELECT report_date_kk('2025-01-01', 'genitive')$$, '22023', NULL,
                 'issue 19: report_date_kk names a case it does not know as kk_number_ending does (22023)');
RESET ROLE;

-- the plan of a statement, as EXPLAIN prints it
CREATE FUNCTION pg_temp.plan_text(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  r text;
  o text := '';
BEGIN
  FOR r IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
    o := o || r || E'\n';
  END LOOP;
  RETURN o;
END
$$;

-- report_phrases: the journal's order, whatever order the rows come in -------
SET ROLE f_reader;
SELECT is((SELECT report_phrases(s, p) FROM (VALUES (3, 'c.'), (1, 'a.'), (2, NULL), (2, 'b.'), (NULL, 'x.')) v(s, p)),
          'a. b. c.', 'issue 19: report_phrases joins the phrases by seq, leaving out a NULL phrase or seq (as ic_reader)');
SELECT is((SELECT report_phrases(s, p) FROM (VALUES (1, NULL::text)) v(s, p) WHERE s > 0),
          NULL, 'issue 19: report_phrases of no phrase is NULL, as string_agg''s');
RESET ROLE;
-- in parallel: each worker's share folded, the shares combined, serialized
-- between processes (20,000 phrases, their seqs in random order)
-- (written in the order of g, not of seq: the window's sort would store them
-- in the order of seq, and a fold that kept the arrival order would pass)
CREATE TABLE f_phrases AS
SELECT g % 7 AS grp, seq, 'phrase ' || g AS phrase
  FROM (SELECT g, (row_number() OVER (ORDER BY random()))::integer AS seq FROM generate_series(1, 20000) g) x
 ORDER BY g;
ANALYZE f_phrases;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SELECT ok(pg_temp.plan_text('SELECT grp, report_phrases(seq, phrase) FROM f_phrases GROUP BY grp') ~ 'Partial (Hash|Group)?Aggregate',
          'issue 19: report_phrases has a partial mode: the planner folds each worker''s share');
-- (ours computed by statements of their own: in a statement that calls a
-- test function, which is not parallel safe, nothing runs in parallel)
SELECT ok(pg_temp.plan_text('CREATE TEMP TABLE f_x AS SELECT grp, report_phrases(seq, phrase) FROM f_phrases GROUP BY grp')
            ~ 'Partial (Hash|Group)?Aggregate',
          'issue 19: a CREATE TABLE AS of the aggregate runs it in parts too (the statements below)');
CREATE TEMP TABLE f_ours AS SELECT grp, report_phrases(seq, phrase) AS ours FROM f_phrases GROUP BY grp;
CREATE TEMP TABLE f_one AS SELECT report_phrases(seq, phrase) AS ours FROM f_phrases;
SELECT is((SELECT count(*)
             FROM f_ours o
             FULL JOIN (SELECT grp, string_agg(phrase, ' ' ORDER BY seq) AS theirs FROM f_phrases GROUP BY grp) t USING (grp)
            WHERE ours IS DISTINCT FROM theirs),
          0::bigint, 'issue 19: in parallel, every group''s phrases are string_agg(phrase, '' '' ORDER BY seq)''s');
SELECT is((SELECT ours FROM f_one), (SELECT string_agg(phrase, ' ' ORDER BY seq) FROM f_phrases),
          'issue 19: in parallel, 20,000 phrases of one group come in the order of their seq');
-- report_first_day in parallel: each row's day from its g, not its seq
CREATE TEMP TABLE f_days AS
SELECT grp, report_first_day(seq, date '2020-01-01' + split_part(phrase, ' ', 2)::integer) AS ours FROM f_phrases GROUP BY grp;
SELECT is((SELECT count(*)
             FROM f_days o
             FULL JOIN (SELECT grp, (array_agg(date '2020-01-01' + split_part(phrase, ' ', 2)::integer ORDER BY seq))[1] AS theirs
                          FROM f_phrases GROUP BY grp) t USING (grp)
            WHERE ours IS DISTINCT FROM theirs)
          + (SELECT count(*) FROM f_days WHERE ours IS NULL),
          0::bigint, 'issue 19: in parallel (a partial plan, as report_phrases''), every group''s report_first_day is the day of its least seq');
SELECT ok(pg_temp.plan_text('CREATE TEMP TABLE f_y AS SELECT grp, report_first_day(seq, date ''2020-01-01'') FROM f_phrases GROUP BY grp')
            ~ 'Partial (Hash|Group)?Aggregate',
          'issue 19: report_first_day has a partial mode: the planner folds each worker''s share');
-- the shares combined for certain: a small table's parallel scan may leave
-- a worker no rows (its state NULL, which a combine skips), so the same rows
-- are split in two partitions, each folded apart (partitionwise), the two
-- states of every group combined in one process
CREATE TEMP TABLE f_parts (grp integer, seq integer, phrase text) PARTITION BY LIST ((seq % 2));
CREATE TEMP TABLE f_parts_0 PARTITION OF f_parts FOR VALUES IN (0);
CREATE TEMP TABLE f_parts_1 PARTITION OF f_parts FOR VALUES IN (1);
INSERT INTO f_parts SELECT grp, seq, phrase FROM f_phrases;
ANALYZE f_parts;
SET enable_partitionwise_aggregate = on;
SELECT is((SELECT count(*) FROM regexp_matches(pg_temp.plan_text('SELECT grp, report_first_day(seq, NULL), report_phrases(seq, phrase) FROM f_parts GROUP BY grp'),
                                               'Partial (Hash|Group)?Aggregate', 'g'))
          + (SELECT count(*)
               FROM (SELECT grp, report_first_day(seq, date '2020-01-01' + split_part(phrase, ' ', 2)::integer) AS first_day,
                            report_phrases(seq, phrase) AS phrases
                       FROM f_parts GROUP BY grp) o
               FULL JOIN (SELECT grp, (array_agg(date '2020-01-01' + split_part(phrase, ' ', 2)::integer ORDER BY seq))[1] AS first_day,
                                 string_agg(phrase, ' ' ORDER BY seq) AS phrases
                            FROM f_phrases GROUP BY grp) t USING (grp)
              WHERE o.first_day IS DISTINCT FROM t.first_day OR o.phrases IS DISTINCT FROM t.phrases),
          2::bigint,
          'issue 19: two partial states of every group combined (a partition each): report_first_day the day of the least seq, report_phrases in the order of seq');
RESET enable_partitionwise_aggregate;
-- the class: every aggregate of the extension with a partial mode is one the
-- test above combines (a new one fails here until it is added there)
SELECT is((SELECT array_agg(p.proname::text ORDER BY p.proname)
             FROM pg_aggregate g
             JOIN pg_proc p ON p.oid = g.aggfnoid
             JOIN pg_depend x ON x.classid = 'pg_proc'::regclass AND x.objid = p.oid AND x.deptype = 'e'
             JOIN pg_extension e ON e.oid = x.refobjid AND e.extname = 'instruction_control'
            WHERE g.aggcombinefn <> 0),
          ARRAY['report_first_day', 'report_phrases'],
          'issue 19: every aggregate of the extension with a partial mode (a combine function, from the catalog) is combined from two partial states per group above');
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- report_row_no: a run of equal keys numbered from 1, after the sort
SET ROLE f_reader;
SELECT is((SELECT string_agg(k || n, ' ' ORDER BY k)
             FROM (SELECT k, report_row_no(a, b) AS n
                     FROM (VALUES (2, 1, 'e'), (1, NULL, 'b'), (1, 1, 'd'), (1, NULL, 'a'), (1, 1, 'c'), (2, 1, 'f'), (NULL, NULL, 'g'))
                          v(a, b, k)
                    ORDER BY a, b, k) x),
          'a1 b2 c1 d2 e1 f2 g1',
          'issue 19: report_row_no numbers each run of equal (a, b) from 1 in the sorted order, NULL a key like any (as ic_reader)');
-- report_first_day: the day of the least seq, whatever order the rows come in
SELECT is((SELECT ROW((SELECT report_first_day(s, d) FROM (VALUES (3, date '2025-03-03'), (NULL, '2020-01-01'), (1, 'infinity'), (2, NULL)) v(s, d)),
                      (SELECT report_first_day(s, d) FROM (VALUES (NULL, date '2020-01-01'), (5, NULL), (-4, '-infinity')) v(s, d)),
                      (SELECT report_first_day(s, d) FROM (VALUES (NULL::integer, date '2020-01-01'), (NULL, '2021-01-01')) v(s, d) WHERE d < '2020-06-01'),
                      (SELECT report_first_day(s, d) FROM (VALUES (7, date '4713-11-24 BC'), (9, NULL)) v(s, d)),
                      (SELECT report_first_day(s, d) FROM (VALUES (5, NULL::date), (8, '2025-01-01')) v(s, d)),
                      (SELECT report_first_day(s, d) FROM (VALUES (1, date '2025-01-01')) v(s, d) WHERE s > 1))::text),
          '(infinity,-infinity,2020-01-01,"4713-11-24 BC",,)',
          'issue 19: report_first_day is the day of the least seq (infinity, -infinity and the first day PostgreSQL has kept; a NULL seq after every other; a NULL day is NULL; no row NULL) (as ic_reader)');
SELECT throws_ok('SELECT report_first_day_final(2)', '22008', NULL,
                 'issue 19: report_first_day''s final function refuses a bigint that holds no date (22008), never returns it');
RESET ROLE;

-- Appendix 8: rows numbered in the order printed ------------------------------
INSERT INTO state_body (code, name, name_ru, body_type, sector) VALUES
  ('F-GOV', 'Government', 'Правительство', 'government', NULL),
  ('F-MH', 'Ministry of Health', 'Минздрав', 'central', 'health care'),
  ('F-HC', 'Health Committee', 'Комитет здравоохранения', 'central', 'Health care'),
  ('F-ED', 'Ministry of Education', 'Минпросвещения', 'central', 'education');
SELECT id AS gov FROM state_body WHERE code = 'F-GOV' \gset
SELECT id AS mh FROM state_body WHERE code = 'F-MH' \gset
SELECT id AS hc FROM state_body WHERE code = 'F-HC' \gset
SELECT id AS ed FROM state_body WHERE code = 'F-ED' \gset
\o /dev/null
-- two instructions to each health body, alternating, and one to education
SELECT put_on_control('event', 'government', '2025-03-03', term => '10 wd', responsible_body_id => b,
                      controlling_body_id => :gov, content => 'Measure ' || n)
  FROM (VALUES (1, :mh), (2, :hc), (3, :mh), (4, :hc), (5, :ed)) v(n, b)
 ORDER BY n;
\o

SET ROLE f_controller;
CREATE TEMP TABLE f_rows AS
SELECT f.sector_heading AS heading, f.row_no, f.content, f.ordinality AS n
  FROM form_annual_summary(:gov, 2025, 'ru') WITH ORDINALITY AS f;
SELECT is((SELECT string_agg(heading || ' ' || row_no, ', ' ORDER BY n) FROM f_rows),
          'В сфере здравоохранения 1, В сфере здравоохранения 2, В сфере здравоохранения 3, В сфере здравоохранения 4, В сфере образования 1',
          'R75-1, issue 19: Appendix 8 prints one group per heading: health care written two ways is one group numbered 1..4, then education (as ic_controller)');
SELECT is((SELECT string_agg(content, ', ' ORDER BY n) FROM f_rows),
          'Measure 1, Measure 2, Measure 3, Measure 4, Measure 5',
          'R75-1, issue 19: in a group the rows follow act, point and id, whichever way their sector is written');
SELECT is((SELECT count(*) FROM f_rows r JOIN LATERAL (SELECT count(*) AS k FROM f_rows x WHERE x.heading = r.heading AND x.n <= r.n) c ON true
            WHERE r.row_no <> c.k),
          0::bigint, 'R75-1, issue 19: every row''s number is its place in its group as printed');
SELECT is((SELECT string_agg(f.sector_heading || ' ' || f.row_no, ', ' ORDER BY f.ordinality)
             FROM form_annual_summary_bodies(2025, 'kk', ARRAY[:gov, :mh]::bigint[]) WITH ORDINALITY AS f),
          'Білім беру саласында 1, Денсаулық сақтау саласында 1, Денсаулық сақтау саласында 2, Денсаулық сақтау саласында 3, Денсаулық сақтау саласында 4',
          'R75-1, issue 19: in kk the groups follow the Kazakh alphabet (Білім before Денсаулық), health care numbered through 1..4');
RESET ROLE;

-- Appendix 8: removed before the year, or in it, by the journal ---------------
-- (issue 19: the form skips an instruction removed before 1 January by its
-- removed_on and phrases no removal on the ground executed; the rows, their
-- statuses and results must stay what the journal folded at the year's end
-- gives, R75, R75-1)
\o /dev/null
SELECT put_on_control('event', 'government', '2024-11-01', term => '10 wd', responsible_body_id => :ed,
                      controlling_body_id => :gov, content => 'Removal ' || n)
  FROM generate_series(1, 4) n ORDER BY n;
\o
SELECT id AS r1 FROM instruction WHERE content = 'Removal 1' \gset
SELECT id AS r2 FROM instruction WHERE content = 'Removal 2' \gset
SELECT id AS r3 FROM instruction WHERE content = 'Removal 3' \gset
SELECT id AS r4 FROM instruction WHERE content = 'Removal 4' \gset
\o /dev/null
SELECT remove_from_control(:r1, 'executed', 'prime_minister', '{official_report}', 'r1', decided_on => '2024-12-31');
SELECT remove_from_control(:r2, 'executed', 'prime_minister', '{official_report}', 'r2', decided_on => '2025-01-01');
SELECT remove_from_control(:r4, 'executed', 'prime_minister', '{official_report}', 'r4', decided_on => '2026-01-01');
\o
-- removed on 1 January on another ground (objectively impossible): written as a restore writes it
SET session_replication_role = replica;
INSERT INTO decision (instruction_id, kind, decided_by, decided_on, ground, evidence, seq, recorded_by)
VALUES (:r3, 'removal', 'prime_minister', '2025-01-01', 'impossible', '{pa_expert_conclusion}', 1, 'test');
UPDATE instruction SET status = 'removed', removed_on = '2025-01-01' WHERE id = :r3;
RESET session_replication_role;
SET ROLE f_controller;
SELECT results_eq(format('SELECT instruction_id, status, intermediate_result FROM form_annual_summary(%s, 2025, ''ru'') WHERE instruction_id IN (%s, %s, %s, %s) ORDER BY instruction_id', :gov, :r1, :r2, :r3, :r4),
  format('VALUES (%s::bigint, ''executed'', NULL::text), (%s, ''in_progress'', ''Снято с контроля 01.01.2025 (Невозможность исполнения по объективным причинам).''), (%s, ''in_progress'', ''Срок исполнения: 15.11.2024 (истёк).'')', :r2, :r3, :r4),
  'R75, R75-1, issue 19: Appendix 8 for 2025 leaves out the instruction removed on 31.12.2024, keeps those removed on 01.01.2025 (executed; in progress with its removal on another ground stated) and the one removed in 2026 (as ic_controller)');
SELECT is((SELECT count(*) FROM form_annual_summary(:gov, 2024, 'ru') WHERE instruction_id IN (:r1, :r2, :r3, :r4)), 4::bigint,
  'R75-1, issue 19: Appendix 8 for 2024 has all four, the one removed on its 31 December too');
SELECT is((SELECT string_agg(status, ' ' ORDER BY instruction_id) FROM form_annual_summary(:gov, 2024, 'ru') WHERE instruction_id IN (:r1, :r2, :r3, :r4)),
  'executed in_progress in_progress in_progress',
  'R75-1, issue 19: in the 2024 summary only the removal of 31.12.2024 makes its row executed');
-- the class: for every year the registry holds, every body's rows and
-- statuses are those of the journal folded at the year's end (as ic_controller)
SELECT is((SELECT count(*) FROM generate_series(2024, 2026) y,
             LATERAL (
               WITH form AS (
                 SELECT f.body_id, f.instruction_id, f.status FROM form_annual_summary_bodies(y, 'ru') f
               ), fold AS (
                 SELECT coalesce(i.controlling_body_id, i.responsible_body_id) AS body_id, i.id AS instruction_id,
                        CASE WHEN e.removal_ground = 'executed' THEN 'executed' ELSE 'in_progress' END AS status
                   FROM instruction_as_of(make_date(y, 12, 31)) e JOIN instruction i ON i.id = e.instruction_id
                  WHERE i.level <> 'pa' AND (e.removed_on IS NULL OR e.removed_on >= make_date(y, 1, 1))
               )
               (SELECT * FROM form EXCEPT ALL SELECT * FROM fold)
               UNION ALL
               (SELECT * FROM fold EXCEPT ALL SELECT * FROM form)) d),
  0::bigint,
  'R75-1, issue 19: for 2024, 2025 and 2026, every body''s Appendix 8 rows and statuses are the journal folded at the year''s end (instruction_as_of), the skipped removals included (as ic_controller)');
RESET ROLE;

-- Appendix 8: the phrases in the journal's order, folded in the workers ------
-- (issue 19: each worker folds its share of the instructions with partial
-- aggregates; the decisions are written here with their ids against their
-- order, seq 3 first, so that an order by arrival or by id shows)
SELECT id AS r5 FROM instruction WHERE content = 'Measure 5' \gset
SET session_replication_role = replica;
INSERT INTO decision (instruction_id, kind, decided_by, decided_on, basis, old_due_date, new_due_date, repeated, seq, recorded_by)
VALUES (:r5, 'extension', 'prime_minister', '2025-05-05', 'conclusion', '2025-04-30', '2025-05-30', true, 3, 'test'),
       (:r5, 'extension', 'prime_minister', '2025-04-01', 'conclusion', '2025-03-31', '2025-04-30', true, 2, 'test'),
       (:r5, 'extension', 'prime_minister', '2025-03-10', 'conclusion', '2025-03-17', '2025-03-31', false, 1, 'test');
UPDATE instruction SET due_date = '2025-05-30', extensions = 3 WHERE id = :r5;
RESET session_replication_role;
-- and 2,000 more instructions of the Government's control, each extended
-- three times, written as a restore writes them, their ids against their
-- order: enough rows for the form to fold them in its parallel workers
\o /dev/null
SELECT put_on_control('event', 'government', '2025-02-03', term => '10 wd', responsible_body_id => :ed,
                      controlling_body_id => :gov, content => 'Bulk ' || n)
  FROM generate_series(1, 2000) n ORDER BY n;
\o
SET session_replication_role = replica;
INSERT INTO decision (instruction_id, kind, decided_by, decided_on, basis, old_due_date, new_due_date, repeated, seq, recorded_by)
SELECT i.id, 'extension', 'prime_minister', date '2025-02-10' + 10 * k, 'conclusion',
       date '2025-02-17' + 20 * (k - 1), date '2025-02-17' + 20 * k, k > 1, k, 'test'
  FROM instruction i, generate_series(3, 1, -1) k
 WHERE i.content LIKE 'Bulk %'
 ORDER BY i.id, k DESC;
UPDATE instruction SET due_date = date '2025-02-17' + 60, extensions = 3 WHERE content LIKE 'Bulk %';
-- and, for a third of them, two new deadlines in 2026, the later one (seq
-- 5) written first: the 2025 form prints the deadline the first one found
INSERT INTO decision (instruction_id, kind, decided_by, decided_on, basis, old_due_date, new_due_date, seq, recorded_by)
SELECT i.id, 'new_deadline', 'prime_minister', d.decided_on, 'letter', d.old_due, d.new_due, d.seq, 'test'
  FROM instruction i,
       (VALUES (5, date '2026-02-02', date '2026-03-02', date '2026-04-01'),
               (4, date '2026-01-19', date '2025-04-18', date '2026-03-02')) d(seq, decided_on, old_due, new_due)
 WHERE i.content LIKE 'Bulk %' AND i.id % 3 = 0
 ORDER BY i.id, d.seq DESC;
UPDATE instruction SET due_date = '2026-04-01' WHERE content LIKE 'Bulk %' AND id % 3 = 0;
RESET session_replication_role;
ANALYZE instruction;
ANALYZE decision;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET min_parallel_index_scan_size = 0;
SET ROLE f_controller;
SELECT is((SELECT f.intermediate_result FROM form_annual_summary(:gov, 2025, 'ru') f WHERE f.instruction_id = :r5),
          (SELECT string_agg(decision_phrase(d, 'ru') || '.', ' ' ORDER BY d.seq) FROM decision d WHERE d.instruction_id = :r5)
            || ' Срок исполнения: 30.05.2025 (истёк).',
          'R75-1, issue 19: a row''s phrases follow its journal (seq), not the order its decisions were written (as ic_controller, plans folding in the workers)');
SELECT alike((SELECT f.intermediate_result FROM form_annual_summary(:gov, 2025, 'ru') f WHERE f.instruction_id = :r5),
            '%10.03.2025%01.04.2025%05.05.2025%', 'R75-1, issue 19: the three extensions of the row in the order they were decided');
-- the class: every row of every body, every year, in both languages
SELECT is((SELECT count(*) FROM generate_series(2024, 2026) y, unnest(ARRAY['kk', 'ru']) l,
             LATERAL form_annual_summary_bodies(y, l) f
            WHERE f.status = 'in_progress'
              AND coalesce(f.intermediate_result, '') NOT LIKE
                  coalesce((SELECT string_agg(decision_phrase(d, l) || '.', ' ' ORDER BY d.seq) FROM decision d
                             WHERE d.instruction_id = f.instruction_id AND d.kind <> 'roadmap_approval'
                               AND d.decided_on <= make_date(y, 12, 31)
                               AND (d.kind <> 'removal' OR d.ground IS DISTINCT FROM 'executed')), '') || '%'),
          0::bigint,
          'R75-1, issue 19: for 2024-2026, in kk and ru, every row in progress states its decisions'' phrases in the journal''s order (as ic_controller)');
-- each row's deadline as the year ended: the old date of the first later
-- decision that moved it, whichever worker folded it
SELECT is((SELECT count(*) FILTER (WHERE f.due_date = '2025-04-18')
             FROM form_annual_summary_bodies(2025, 'ru') f JOIN instruction i ON i.id = f.instruction_id
            WHERE i.content LIKE 'Bulk %' AND i.id % 3 = 0),
          (SELECT count(*) FROM instruction i WHERE i.content LIKE 'Bulk %' AND i.id % 3 = 0),
          'R75-1, issue 19: Appendix 8 for 2025 prints 18.04.2025, the deadline the first of two new deadlines of 2026 found, for each instruction they moved (as ic_controller, plans folding in the workers)');
SELECT is((SELECT count(*) FROM generate_series(2024, 2026) y, unnest(ARRAY['kk', 'ru']) l,
             LATERAL form_annual_summary_bodies(y, l) f
             JOIN instruction i ON i.id = f.instruction_id
            WHERE f.due_date IS DISTINCT FROM
                  coalesce((SELECT d.old_due_date FROM decision d
                             WHERE d.instruction_id = f.instruction_id AND d.decided_on > make_date(y, 12, 31)
                               AND d.new_due_date IS NOT NULL
                             ORDER BY d.seq LIMIT 1), i.due_date)),
          0::bigint,
          'R75-1, issue 19: for 2024-2026, in kk and ru, every row''s deadline is the old date of the first later decision that moved it, else the instruction''s (as ic_controller)');
-- the rows numbered as printed: each row's number is its place in its
-- body's sector, whichever worker folded it
SELECT is((SELECT count(*) FROM generate_series(2024, 2026) y, unnest(ARRAY['kk', 'ru']) l,
             LATERAL (SELECT f.row_no, row_number() OVER (PARTITION BY f.body_id, f.sector_heading ORDER BY f.o) AS place
                        FROM form_annual_summary_bodies(y, l) WITH ORDINALITY AS f(body_id, sector, sector_heading, row_no,
                             instruction_id, requisites, content, status, status_label, final_result, intermediate_result,
                             due_date, extensions, transfers, new_deadlines, state_secret, o)) n
            WHERE n.row_no <> n.place),
          0::bigint,
          'R75-1, issue 19: for 2024-2026, in kk and ru, every row''s number is its place in its body''s sector as printed (as ic_controller, plans folding in the workers)');
RESET ROLE;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET min_parallel_index_scan_size;

-- one body's form inlined, its check of the body once, before the form -------
SELECT ok(pg_temp.plan_text(format('SELECT * FROM instruction_control.form_annual_summary(%s, 2025, ''ru'')', :gov))
            ~ '^Result\n +One-Time Filter: (instruction_control\.)?report_check_body\([^\n]*\n +-> +Function Scan on form_annual_summary_bodies f\n$',
          'issue 19: form_annual_summary is inlined: the check of the body a one-time filter above the scan of form_annual_summary_bodies, no second function scan');
SET ROLE f_controller;
SELECT throws_ok('SELECT * FROM form_annual_summary(NULL, 2025)', 'IC303', NULL,
                 'R75-1: Appendix 8 of a NULL body: IC303, as of an unknown one (as ic_controller)');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
