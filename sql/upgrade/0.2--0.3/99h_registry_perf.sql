/*
 * 99h_registry_perf: the registry's hot paths at their floor (issue 19).
 * Follows sql/src/40_api.sql: extend_deadline() becomes a C function
 * (decision_batch.c, a batch of one) with the same arguments, defaults,
 * result, privileges and comment; the BEGIN ATOMIC body (0.2's, and the one
 * 99d_decisions.sql re-created with the typed basis, R69.1) is replaced.
 * The R79 lookup and the batch's visibility check changed in C only.
 */
CREATE OR REPLACE FUNCTION extend_deadline(
  instruction_id bigint,
  new_due date,
  decided_by decider,
  basis text,
  disciplinary_review text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  paper_ref text DEFAULT NULL,
  evidence evidence_kind[] DEFAULT '{}',
  evidence_ref text DEFAULT NULL)
RETURNS decision
AS 'MODULE_PATHNAME', 'ic_extend_deadline'
LANGUAGE C VOLATILE;
