/*
 * 99_readme: the README as tested documentation (issue 17, item 6), helper K.
 * Follows sql/src/50_scheduling.sql: IC202's HINT is the exact statement to run in
 * the cron database (it ended in " AS v", the alias cron_exec() used, and had no
 * ';'); schedule_sweeps() reads the job id by its column name.
 */

\definition cron_exec sql/src/50_scheduling.sql

\definition schedule_sweeps sql/src/50_scheduling.sql
