/*
 * 99zp_sweep_rules_cited: four sweep rules read right, and the roadmap
 *   rules given their facts by the sweep (the last part that changes these
 *   functions and sweep_found(), so it names them):
 *   - roadmap_not_approved cites R59 only when a transfer to long-term control
 *     set the roadmap's day: a calendar change writes that day too (R50.3:
 *     R56's 10 working days counted again) and was taken for a transfer;
 *   - overdue_cleared cites the rule of the decision that moved the deadline
 *     (a new deadline in an emergency R70.4, a calendar change R50.3, an
 *     extension or a transfer R69.1; a removal R75): it cited R69.1 for every
 *     move; the rule takes the instruction's id (a new signature: the
 *     function is new in 0.3, so it is created here, not replaced);
 *   - roadmap_not_approved takes the level's grace from the sweep's branch,
 *     which joins the settings once (issue 19: the rule scanned them per
 *     instruction with a roadmap due; a new signature, as above), and both
 *     roadmap rules take whether a roadmap was approved by as_of, which the
 *     branch asks once (each rule probed roadmap for it);
 *   - personal_overdue (R51) only while the two weeks are the deadline: not
 *     after the President extended it (R74), or a transfer or a new deadline
 *     set another (a calendar change counts them again);
 *   - the PA's late agreement of a roadmap (R57) is raised when its 5 working
 *     days end, also before the executor's own roadmap day (R56, R59) comes:
 *     sweep_found()'s roadmap branch reads every instruction with a roadmap
 *     day, not only those whose day passed;
 *   - an incremental sweep takes the risk reports of the instructions it
 *     re-reads (sweep_scope, which holds those its notes name) instead of
 *     reading its notes a second time (issue 19).
 *   Follows sql/src/61_sweep_rules.sql and 62_sweep_found.sql, whose
 *   definitions it names (\definition: scripts/sql_definitions.pl); the
 *   statements sweep_found_<mode>() are derived again by 99zz, the last part.
 */

\definition sweep_rule_roadmap_missing sql/src/61_sweep_rules.sql
\definition sweep_rule_roadmap_not_approved sql/src/61_sweep_rules.sql
-- the key days an incremental sweep re-reads ask that rule, with its grace
\definition sweep_rule_days sql/src/61_sweep_rules.sql
-- which decision set the deadline in force, asked by the two rules below
\definition sweep_deadline_set_by sql/src/61_sweep_rules.sql
\definition sweep_rule_overdue_cleared sql/src/61_sweep_rules.sql
\definition sweep_rule_personal_overdue sql/src/61_sweep_rules.sql
\definition sweep_found sql/src/62_sweep_found.sql
