/*
 * 99zv_act_signed_by_today: an act's signing day is a day that has come
 *   (R50.3, IC108), as an instruction's receipt, a decision, a report, a
 *   measure of control, a draft's receipt and steps, a roadmap's days and an
 *   annual summary's signature are; test/pgtap/89_event_days.sql holds every
 *   such column of the catalog to it.  Follows sql/src/35_registry_triggers.sql,
 *   whose definition it names.
 */

\definition act_secrecy_guard sql/src/35_registry_triggers.sql
