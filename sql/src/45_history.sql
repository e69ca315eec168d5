-- ===========================================================================
-- History: the registry as it stood at the end of a past day
--
-- The journal is append-only and every decision records the due date and
-- regime before and after it, so the state of any instruction on any day is a
-- fold of its decisions decided on or before that day.  Sweeps run for a past
-- day (reproducibility) and the annual summary (Appendix 8, "as it stood at the
-- year's end") read it from here, so both answer the same way.
--
-- The function is a single SQL SELECT with no SET clause, so the planner
-- inlines it and pushes a caller's filter (one body, one act) into it.  That
-- is why every object is schema-qualified and every operator is written as
-- OPERATOR(pg_catalog.x): nothing in it resolves through the caller's
-- search_path.
-- ===========================================================================

CREATE FUNCTION instruction_as_of(as_of date)
RETURNS TABLE (
  instruction_id      bigint,
  on_control          boolean,
  due_date            date,
  regime              text,
  extension_decisions integer,
  repeated_extensions integer,
  transfers           integer,
  new_deadlines       integer,
  decisions           integer,
  removed_on          date,
  removal_ground      text,
  last_decided_on     date)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT i.id,
         j.removed_on IS NULL,
         coalesce(j.due_then, f.due_before, i.due_date),
         coalesce(j.regime_then, f.regime_before, i.regime::pg_catalog.text),
         coalesce(j.extension_decisions, 0),
         coalesce(j.repeated, 0),
         coalesce(j.transfers, 0),
         coalesce(j.new_deadlines, 0),
         coalesce(j.decisions, 0),
         j.removed_on,
         j.removal_ground,
         j.last_decided_on
    FROM instruction_control.instruction i
    -- decisions taken on or before the day: what they left
    LEFT JOIN LATERAL (
      SELECT (pg_catalog.array_agg(d.new_due_date ORDER BY d.seq DESC)
                FILTER (WHERE d.new_due_date IS NOT NULL))[1] AS due_then,
             (pg_catalog.array_agg(d.new_regime::pg_catalog.text ORDER BY d.seq DESC)
                FILTER (WHERE d.new_regime IS NOT NULL))[1] AS regime_then,
             pg_catalog.count(*) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'extension')::integer AS extension_decisions,
             pg_catalog.count(*) FILTER (WHERE d.repeated)::integer AS repeated,
             pg_catalog.count(*) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'transfer')::integer AS transfers,
             pg_catalog.count(*) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'new_deadline')::integer AS new_deadlines,
             pg_catalog.count(*)::integer AS decisions,
             pg_catalog.min(d.decided_on) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'removal') AS removed_on,
             pg_catalog.min(d.ground::pg_catalog.text) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'removal') AS removal_ground,
             pg_catalog.max(d.decided_on) AS last_decided_on
        FROM instruction_control.decision d
       WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id
         AND d.decided_on OPERATOR(pg_catalog.<=) as_of
    ) j ON true
    -- no such decision yet: what the first later decision found
    LEFT JOIN LATERAL (
      SELECT (pg_catalog.array_agg(d.old_due_date ORDER BY d.seq)
                FILTER (WHERE d.new_due_date IS NOT NULL))[1] AS due_before,
             (pg_catalog.array_agg(d.old_regime::pg_catalog.text ORDER BY d.seq)
                FILTER (WHERE d.new_regime IS NOT NULL))[1] AS regime_before
        FROM instruction_control.decision d
       WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id
         AND d.decided_on OPERATOR(pg_catalog.>) as_of
    ) f ON true
   WHERE coalesce(i.received_on, i.created_at::pg_catalog.date) OPERATOR(pg_catalog.<=) as_of
$$;

COMMENT ON FUNCTION instruction_as_of(date) IS
  'Every instruction received on or before the day, as it stood at the end of that day, folded from the decision journal: on control or removed (day, R75 ground), due date and regime then, extension decisions (extension_decisions: extensions only; instruction.extensions counts extensions and transfers, R69.1; repeated: R72), transfers (R69.3, R69.4) and new deadlines (R70.4) so far. Inlined by the planner, so a filter on instruction_id is pushed into it';
