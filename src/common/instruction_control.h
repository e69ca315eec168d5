/*
 * instruction_control.h
 *		What every module of the extension shares: the settings (GUCs) and the
 *		per-module initialisation hooks that _PG_init calls.
 */
#ifndef INSTRUCTION_CONTROL_H
#define INSTRUCTION_CONTROL_H

/* Version of the shared library; compared with the SQL script's version. */
#ifndef IC_LIB_VERSION
#error "IC_LIB_VERSION comes from the control file through the Makefile"
#endif

/*
 * A variable shared by the modules of the library and by nothing outside it:
 * hidden, it is read directly, not through the global offset table (the
 * calendar's hot path reads such counters on every call; issue 19).
 */
#if defined(__GNUC__) || defined(__clang__)
#define IC_LIBRARY_LOCAL __attribute__((visibility("hidden")))
#else
#define IC_LIBRARY_LOCAL
#endif

/*
 * True while the extension's own script runs (CREATE EXTENSION, ALTER
 * EXTENSION UPDATE of instruction_control): src/common/instruction_control.c.
 */
extern bool ic_own_script_running(void);

/* GUC instruction_control.calendar: the calendar used when none is given. */
extern char *ic_default_calendar;

/*
 * Bumped by the setting's assign hook each time instruction_control.calendar
 * takes a value (SET, RESET, a function's SET clause, the end of a
 * transaction): the calendar cache resolves the default once per value and
 * compares this counter instead of the code on every call.
 */
extern IC_LIBRARY_LOCAL uint32 ic_default_calendar_gen;

/*
 * GUC instruction_control.restore_mode (superuser): while a dump is reloaded,
 * the registry's triggers take rows as they are; they were judged when first
 * written, and their effects (due dates, status) are in the rows themselves.
 */
extern bool ic_restore_mode;

/*
 * GUC instruction_control.repeated_transfer_review (superuser, default on):
 * whether a transfer that follows an extension or transfer needs R72's
 * decision on disciplinary responsibility like a repeated extension.
 */
extern bool ic_repeated_transfer_review;

/*
 * GUC instruction_control.typed_basis (superuser, default on since 0.3):
 * whether an extension, transfer or new deadline must name its basis by kind
 * (evidence: pa_expert_conclusion, pa_agreement, executor_letter, body_*;
 * R69.1, R70.4) rather than by free text alone.  Off is the opt-out for 0.2
 * clients; a database still on the 0.2 schema is judged as off.
 */
extern bool ic_typed_basis;

/*
 * GUC instruction_control.acting_person: the person an application names for
 * the transaction (SET LOCAL) when many people share one database role; the
 * journal records it with each decision, next to session_user.
 */
extern char *ic_acting_person;
#define IC_ACTING_PERSON_MAXLEN 200
/*
 * Whether the value in effect was set for this transaction only (SET LOCAL);
 * a session-level value is never recorded for a later transaction.
 */
extern bool ic_acting_person_set_locally(void);

#endif							/* INSTRUCTION_CONTROL_H */
