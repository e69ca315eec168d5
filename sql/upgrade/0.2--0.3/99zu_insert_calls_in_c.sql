/*
 * 99zu_insert_calls_in_c: the API's calls that are one INSERT --
 *   put_on_control(), register_roadmap(), submit_report(),
 *   import_instruction(), import_decision() -- become C entry points whose
 *   INSERT is prepared once per backend and run as the caller (issue 19).  As
 *   SQL functions each parsed, planned and started its INSERT on every call:
 *   put_on_control() cost twice the same INSERT from a prepared client.  The
 *   same statements, arguments, defaults, privileges, triggers and SQLSTATEs
 *   (src/registry/insert_calls.c, in the library of this release).  Follows
 *   sql/src/40_api.sql, whose definitions it names.
 */

\definition put_on_control sql/src/40_api.sql
\definition register_roadmap sql/src/40_api.sql
\definition submit_report sql/src/40_api.sql
\definition import_instruction sql/src/40_api.sql
\definition import_decision sql/src/40_api.sql
