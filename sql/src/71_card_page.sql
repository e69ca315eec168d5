-- instruction_control: a page of the cards on control, by deadline (issue 19)
--
-- The upgrade from 0.2 runs this file as it is (sql/upgrade/0.2--0.3/
-- 99w_card_page_section.sql is a link to it); the grants are in the Security
-- section (90_security.sql) and the upgrade's 99w_card_page_tail.sql.
--
-- A dashboard pages through the cards on control in deadline order:
--   SELECT * FROM report_control_card WHERE status = 'on_control'
--    ORDER BY due_date, instruction_id LIMIT 50
-- For a role that sees the whole registry that reads the first 50 entries of
-- instruction_due_idx.  For a reader, row security keeps its bodies' rows
-- only, and PostgreSQL 15 cannot walk an index in deadline order for several
-- bodies at once (responsible_body_id = ANY(...) is no index condition that
-- keeps the order): the plan walks the deadline index of the whole registry
-- and throws away the other bodies' cards, tens of thousands of rows for one
-- page.  report_control_card_page() gives the same page by walking each of
-- the reader's bodies in deadline order (instruction_body_due_idx, at most a
-- page per body) and the instructions its bodies co-execute, and merging
-- them: a reader's page reads about a page per body.  Pages go on from the
-- last card of the page before (after_due_date, after_id: keyset paging, no
-- OFFSET); the cards without a deadline come last, as in ORDER BY due_date.
-- It runs with the caller's privileges: row security still decides what is
-- seen, the walk only decides where to look.  A role that sees the whole
-- registry (report_sees_all: ic_controller, or one row security does not
-- apply to) walks the deadline index once; one that does not sees at most
-- its bodies' slice, which the walks per body cover.  The function is
-- inlined into the caller's query (LANGUAGE sql, unpinned, every name
-- qualified), so the keyset is planned as the constants it is and each walk
-- starts at the keyset in its index; the walks of the other kind of role are
-- planned but never run.

-- a body's cards on control in deadline order, the walk of a reader's page
CREATE INDEX instruction_body_due_idx ON instruction (responsible_body_id, due_date, id) WHERE status = 'on_control';

CREATE FUNCTION report_check_page(page_size integer, after_due_date date, after_id bigint) RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF page_size IS NULL OR page_size < 1 OR page_size > 1000 THEN
    RAISE EXCEPTION 'a page of control cards holds 1 to 1000 cards, not %', coalesce(page_size::text, 'NULL')
      USING ERRCODE = '22023', HINT = 'Give page_size from 1 to 1000 (default 50).';
  END IF;
  IF after_due_date IS NOT NULL AND after_id IS NULL THEN
    RAISE EXCEPTION 'the next page of control cards needs the last card shown, not its deadline alone'
      USING ERRCODE = '22023',
            HINT = 'Give after_due_date and after_id of the last card shown (after_due_date NULL if it had no deadline), or neither for the first page.';
  END IF;
  RETURN page_size;
END
$$;
COMMENT ON FUNCTION report_check_page(integer, date, bigint) IS
  'The size of a page of report_control_card_page() when the page asked for is one: page_size 1 to 1000 and a keyset (after_due_date, after_id) with its id; 22023 otherwise';

CREATE FUNCTION report_control_card_page(after_due_date date DEFAULT NULL, after_id bigint DEFAULT NULL,
                                         page_size integer DEFAULT 50)
RETURNS SETOF report_control_card
LANGUAGE sql STABLE
-- not pinned, every name qualified: the planner inlines it into the caller's
-- query, with the keyset as the constants it is
AS $$
  SELECT c.* FROM instruction_control.report_control_card c
   WHERE c.instruction_id OPERATOR(pg_catalog.=) ANY (ARRAY(
     SELECT x.id FROM (
       -- the whole registry (ic_controller, or no row security): one walk of instruction_due_idx
       (SELECT i.id, i.due_date FROM instruction_control.instruction i
         WHERE instruction_control.report_sees_all()
           AND i.status OPERATOR(pg_catalog.=) 'on_control' AND i.due_date IS NOT NULL
           AND (report_control_card_page.after_id IS NULL
                OR (report_control_card_page.after_due_date IS NOT NULL
                    AND (i.due_date, i.id) OPERATOR(pg_catalog.>) (report_control_card_page.after_due_date,
                                                                   report_control_card_page.after_id)))
         ORDER BY i.due_date, i.id LIMIT report_control_card_page.page_size)
       UNION
       (SELECT i.id, i.due_date FROM instruction_control.instruction i
         WHERE instruction_control.report_sees_all()
           AND i.status OPERATOR(pg_catalog.=) 'on_control' AND i.due_date IS NULL
           AND (report_control_card_page.after_id IS NULL OR report_control_card_page.after_due_date IS NOT NULL
                OR i.id OPERATOR(pg_catalog.>) report_control_card_page.after_id)
         ORDER BY i.id LIMIT report_control_card_page.page_size)
       UNION
       -- a reader (body_slice): each of its bodies in deadline order (instruction_body_due_idx) ...
       SELECT y.id, y.due_date
         FROM pg_catalog.unnest(instruction_control.my_bodies()) AS b(id)
        CROSS JOIN LATERAL (
          (SELECT i.id, i.due_date FROM instruction_control.instruction i
            WHERE i.responsible_body_id OPERATOR(pg_catalog.=) b.id
              AND i.status OPERATOR(pg_catalog.=) 'on_control' AND i.due_date IS NOT NULL
              AND (report_control_card_page.after_id IS NULL
                   OR (report_control_card_page.after_due_date IS NOT NULL
                       AND (i.due_date, i.id) OPERATOR(pg_catalog.>) (report_control_card_page.after_due_date,
                                                                      report_control_card_page.after_id)))
            ORDER BY i.due_date, i.id LIMIT report_control_card_page.page_size)
          UNION ALL
          (SELECT i.id, i.due_date FROM instruction_control.instruction i
            WHERE i.responsible_body_id OPERATOR(pg_catalog.=) b.id
              AND i.status OPERATOR(pg_catalog.=) 'on_control' AND i.due_date IS NULL
              AND (report_control_card_page.after_id IS NULL OR report_control_card_page.after_due_date IS NOT NULL
                   OR i.id OPERATOR(pg_catalog.>) report_control_card_page.after_id)
            ORDER BY i.id LIMIT report_control_card_page.page_size)) y
        WHERE NOT instruction_control.report_sees_all()
       UNION
       -- ... and what its bodies co-execute (instruction_co_executors_idx)
       (SELECT i.id, i.due_date FROM instruction_control.instruction i
         WHERE NOT instruction_control.report_sees_all()
           AND i.co_executor_ids OPERATOR(pg_catalog.<>) '{}'
           AND i.co_executor_ids OPERATOR(pg_catalog.&&) instruction_control.my_bodies()
           AND i.status OPERATOR(pg_catalog.=) 'on_control'
           AND CASE WHEN i.due_date IS NULL
                    THEN report_control_card_page.after_id IS NULL OR report_control_card_page.after_due_date IS NOT NULL
                         OR i.id OPERATOR(pg_catalog.>) report_control_card_page.after_id
                    ELSE report_control_card_page.after_id IS NULL
                         OR (report_control_card_page.after_due_date IS NOT NULL
                             AND (i.due_date, i.id) OPERATOR(pg_catalog.>) (report_control_card_page.after_due_date,
                                                                            report_control_card_page.after_id)) END
         ORDER BY i.due_date, i.id LIMIT report_control_card_page.page_size)) x
      ORDER BY x.due_date, x.id
      LIMIT instruction_control.report_check_page(report_control_card_page.page_size,
                                                  report_control_card_page.after_due_date,
                                                  report_control_card_page.after_id)))
   ORDER BY c.due_date, c.instruction_id
$$;
COMMENT ON FUNCTION report_control_card_page(date, bigint, integer) IS
  'A page of the control cards on control in deadline order (the rows of report_control_card WHERE status = ''on_control'' ORDER BY due_date, instruction_id, cards without a deadline last): the first page without arguments, the next after the last card shown (after_due_date, after_id; keyset paging); page_size 1 to 1000 (22023). For a reader it walks each of its bodies in deadline order (instruction_body_due_idx) and merges, where the view''s plan would read the whole registry''s deadline index (issue 19). Row security applies as to the view';
