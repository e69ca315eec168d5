/*
 * 99zk_sweep_functions_inlined: every SQL function the sweep's statements
 *   name is inlined into them (issue 19; pgTAP 42 reads the statements'
 *   plans for any left).  Two were called per row through the SQL function
 *   machinery instead:
 *   - escalation_addressee() names its parameter routed once (coalesce): the
 *     planner does not inline a function that uses a parameter twice when
 *     the argument is a subquery, as sweep_route()'s is (33,700 calls in the
 *     first sweep at 1M, within that sweep's noise).  The same addressee for
 *     every argument;
 *   - sweep_found()'s branch of the drafts' overdue events cleared reads the
 *     draft's state first and calls sweep_rule_draft_cleared() with plain
 *     values: no set-returning function with a subquery for an argument is
 *     inlined.  The same events.
 *   Follows sql/src/61_sweep_rules.sql and 62_sweep_found.sql; the derived statements sweep_found_<mode>()
 *   are derived again (99zz, the last part).
 */

\definition escalation_addressee sql/src/60_sweep.sql

-- sweep_found(): as 0.3 has it, named by 99zm_sweep_claim_by_snapshot.sql (\definition)
