/*
 * instruction_control 0.2 -> 0.3, written by hand: the parts of
 * sql/upgrade/0.2--0.3/ concatenated in name order (Makefile).  Each part
 * changes what 0.2 created into what a fresh 0.3 creates from sql/src/;
 * test/integration/upgrade.sh holds the result to a fresh CREATE EXTENSION.
 * When 0.3 is released, the built script is committed and frozen like 0.2's.
 *
 * A part is named NN_topic.sql and starts with a header that says which
 * sections of sql/src/ it follows.  A section that is new in 0.3 as a whole is
 * a link to its sql/src/ file, so it is written once (41_rule_audit_section,
 * 97_host_link_section, 99z_restore).  99z_restore (sql/src/95_restore.sql)
 * runs last: its restore triggers reach every configuration table the parts
 * before it made.
 */
\echo Use "ALTER EXTENSION instruction_control UPDATE TO '0.3'" to load this file. \quit
