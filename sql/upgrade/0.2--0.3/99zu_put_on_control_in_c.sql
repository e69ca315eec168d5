/*
 * 99zu_put_on_control_in_c: put_on_control() becomes a C entry point whose
 *   INSERT into the instruction table is prepared once per backend (issue
 *   19).  As a SQL function it parsed, planned and started that INSERT on
 *   every call: twice the cost of the same INSERT from a prepared client.
 *   The same arguments, defaults, privileges, triggers and SQLSTATEs
 *   (src/registry/instruction_calls.c, in the library of this release).
 *   Follows sql/src/40_api.sql, whose definition it names.
 */

\definition put_on_control sql/src/40_api.sql
