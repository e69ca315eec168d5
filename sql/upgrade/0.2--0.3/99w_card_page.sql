/*
 * 99w_card_page: a reader's page of control cards at its floor (issue 19).
 * report_control_card_page() gives the page of cards on control by deadline
 * that SELECT ... FROM report_control_card WHERE status = 'on_control' ORDER
 * BY due_date, instruction_id LIMIT n gives, walking each of a reader's
 * bodies in deadline order through the new index instruction_body_due_idx
 * instead of the whole registry's deadline index; report_check_page() checks
 * the page asked for.  Follows sql/src/30_registry.sql, 70_reporting.sql and
 * 90_security.sql.
 */

-- a body's cards on control in deadline order: a reader's page (report_control_card_page, issue 19)
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

REVOKE EXECUTE ON FUNCTION report_control_card_page(date, bigint, integer), report_check_page(integer, date, bigint)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_control_card_page(date, bigint, integer), report_check_page(integer, date, bigint)
  TO ic_reader;
