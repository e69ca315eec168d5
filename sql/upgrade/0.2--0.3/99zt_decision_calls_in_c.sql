/*
 * 99zt_decision_calls_in_c: transfer_control(), set_new_deadline() and
 *   remove_from_control() become C entry points, as extend_deadline() became
 *   one (issue 19).  As SQL functions each parsed, planned and started its
 *   INSERT into the journal on every call: 1.4-1.9 times an extension.  Now
 *   each builds its journal row from its arguments and records it as a batch
 *   of one (src/registry/decision_calls.c, in the library of this release):
 *   the same arguments, defaults, privileges, verdicts and SQLSTATEs.  Follows
 *   sql/src/40_api.sql, whose definitions it names.
 */

\definition transfer_control sql/src/40_api.sql
\definition set_new_deadline sql/src/40_api.sql
\definition remove_from_control sql/src/40_api.sql
