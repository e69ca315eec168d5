/*
 * instruction_control.c
 *		Module entry point: the magic block, _PG_init and the settings (GUCs).
 *
 * The library is normally loaded on first use of one of its functions, not
 * preloaded, so every GUC is also valid as a placeholder set before loading
 * (postgresql.conf, ALTER DATABASE ... SET): PostgreSQL hands the placeholder's
 * value over when _PG_init defines the variable.  The working-day calendar is
 * a library of its own with its setting, instruction_control.calendar
 * (src/calendar/calendar_module.c); this one links it and loads it first.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/guc_tables.h"

#include "commands/extension.h"
#include "storage/proc.h"

#include "ic_schema.h"
#include "instruction_control.h"

PG_MODULE_MAGIC;

bool		ic_restore_mode = false;
bool		ic_repeated_transfer_review = true;
bool		ic_typed_basis = true;
char	   *ic_acting_person = NULL;
static char *ic_change_basis = NULL;	/* read by rule_change_journal() */
static bool ic_sweep_progress = false;	/* read by sweep() through current_setting() */
static bool ic_allow_member_ddl = false;	/* read by refuse_member_ddl() */

/* The GUC record of instruction_control.acting_person, found once in _PG_init. */
static struct config_generic *acting_person_guc = NULL;

void		_PG_init(void);

void
_PG_init(void)
{
	/*
	 * The calendar's library first: this one counts deadlines with it, and
	 * its _PG_init defines instruction_control.calendar.  The dynamic linker
	 * has mapped it already (a needed library); load_file() makes PostgreSQL
	 * run its _PG_init once, as if a calendar function had loaded it.
	 */
	load_file("$libdir/" IC_CALENDAR_LIBRARY, false);

	DefineCustomBoolVariable("instruction_control.restore_mode",
							 "Accept registry rows as they are, without judging or applying them.",
							 "For reloading a dump (pg_restore, psql < dump) only: the rows were judged when they were first written.  Superuser only.",
							 &ic_restore_mode,
							 false,
							 PGC_SUSET,
							 0,
							 NULL,
							 NULL,
							 NULL);

	DefineCustomBoolVariable("instruction_control.repeated_transfer_review",
							 "A transfer after an extension or transfer needs the decision on disciplinary responsibility (R72).",
							 "R69.1's «бір реттен асырмай» (no more than once) covers transfers too; R72 relaxes only «қайталап ұзарту» (repeated extension).  On (the default) reads a repeated transfer as R72's repeated extension, with the review; off lets it pass without.  Superuser only: it changes what the rules allow.",
							 &ic_repeated_transfer_review,
							 true,
							 PGC_SUSET,
							 0,
							 NULL,
							 NULL,
							 NULL);

	DefineCustomBoolVariable("instruction_control.typed_basis",
							 "An extension, transfer or new deadline must name its basis by kind in evidence (R69.1, R70.4).",
							 "On by default since 0.3.  Off is the opt-out for 0.2 clients: a free-text basis alone is accepted again; a decision that names kinds must name one the rule accepts either way.  Superuser only: it changes what the rules allow.",
							 &ic_typed_basis,
							 true,
							 PGC_SUSET,
							 0,
							 NULL,
							 NULL,
							 NULL);

	DefineCustomStringVariable("instruction_control.acting_person",
							   "The person acting in this transaction; each decision records it (decision.acted_by) if the role may act for that person.",
							   "Set it with SET LOCAL, per transaction: SET LOCAL instruction_control.acting_person = 'name or person id'.  A session-level value is refused.",
							   &ic_acting_person,
							   "",
							   PGC_USERSET,
							   0,
							   NULL,
							   NULL,
							   NULL);

	DefineCustomStringVariable("instruction_control.change_basis",
							   "Why the rule data is changed in this transaction; the rule data's journal records it (rule_change.basis).",
							   "A change of the decision matrix needs it: SET LOCAL instruction_control.change_basis = 'Decree No. ... of ...'.",
							   &ic_change_basis,
							   "",
							   PGC_USERSET,
							   0,
							   NULL,
							   NULL,
							   NULL);

	DefineCustomBoolVariable("instruction_control.sweep_progress",
							 "sweep() reports its progress as a NOTICE after each batch.",
							 "Another session reads the same figures in instruction_control.sweep_progress.",
							 &ic_sweep_progress,
							 false,
							 PGC_USERSET,
							 0,
							 NULL,
							 NULL,
							 NULL);

	DefineCustomBoolVariable("instruction_control.allow_member_ddl",
							 "Let DDL on the extension's own tables through (index, trigger, ALTER TABLE), knowing pg_dump does not keep it.",
							 "The event trigger refuse_member_ddl refuses such DDL (IC404) unless this is on.  Superuser only: SET LOCAL it, e.g. to disable triggers for a benchmark.",
							 &ic_allow_member_ddl,
							 false,
							 PGC_SUSET,
							 0,
							 NULL,
							 NULL,
							 NULL);

	MarkGUCPrefixReserved(IC_SCHEMA);

#if PG_VERSION_NUM >= 160000
	acting_person_guc = find_option("instruction_control.acting_person", false, true, ERROR);
#else
	{
		struct config_generic **vars = get_guc_variables();
		int			n = GetNumConfigOptions();

		for (int i = 0; i < n; i++)
			if (strcmp(vars[i]->name, "instruction_control.acting_person") == 0)
				acting_person_guc = vars[i];
	}
#endif
}

/*
 * Whether the value of instruction_control.acting_person in effect was set
 * in this transaction by SET LOCAL (or set_config(..., true), or a function's
 * SET clause), so that it ends with the transaction.  PostgreSQL keeps, per
 * setting, a stack of the values a transaction replaced: its top entry is
 * GUC_LOCAL (or GUC_SET_LOCAL, SET LOCAL over a SET) for SET LOCAL and
 * GUC_SAVE for a function's SET clause.  A session-level SET (state GUC_SET
 * in the transaction that ran it, no entry at all in any later one), ALTER
 * ROLE/DATABASE ... SET, a connection option or the configuration file leave
 * no such entry: such a value outlives the transaction that set it, and in a
 * pooled session would name an earlier user.
 */
bool
ic_acting_person_set_locally(void)
{
	GucStack   *top;

	if (acting_person_guc == NULL)
		return false;
	top = acting_person_guc->stack;
	if (top == NULL)
		return false;
	return top->state == GUC_LOCAL || top->state == GUC_SET_LOCAL || top->state == GUC_SAVE;
}

PG_FUNCTION_INFO_V1(ic_lib_version);

/*
 * instruction_control.lib_version(): the version of the loaded library, so an
 * upgrade that installed new SQL without the new library (or the reverse) can
 * be detected by comparing it with pg_extension.extversion.
 */
Datum
ic_lib_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(IC_LIB_VERSION));
}

/*
 * True while this extension's own script runs (CREATE EXTENSION or ALTER
 * EXTENSION UPDATE of instruction_control, not of another extension).  The
 * answer for the extension being created is kept for the rest of the
 * transaction: the script's seed data asks once per row (the WHEN clause of
 * seeded_flag_guard), and each question was a scan of pg_extension (issue 19,
 * CREATE EXTENSION time).
 */
bool
ic_own_script_running(void)
{
	static Oid	checked_ext = InvalidOid;
	static LocalTransactionId checked_lxid = InvalidLocalTransactionId;
	static bool checked_ours = false;

	if (!creating_extension)
		return false;
	if (CurrentExtensionObject != checked_ext || MyProc->lxid != checked_lxid)
	{
		checked_ours = CurrentExtensionObject == get_extension_oid(IC_SCHEMA, true);
		checked_ext = CurrentExtensionObject;
		checked_lxid = MyProc->lxid;
	}
	return checked_ours;
}

PG_FUNCTION_INFO_V1(ic_creating_extension);

/*
 * instruction_control.creating_extension(): true while this extension's own
 * script runs (CREATE EXTENSION or ALTER EXTENSION UPDATE).  Only then may a
 * row be marked seeded: seeded rows are left out of dumps, since the script
 * brings them back.
 */
Datum
ic_creating_extension(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ic_own_script_running());
}

PG_FUNCTION_INFO_V1(ic_restore_mode_on);

/*
 * instruction_control.restore_mode(): the setting as the library defines it
 * (superuser only), never a placeholder an ordinary role set before the
 * library was loaded.  The rule data's journal is not written while a dump
 * is reloaded: the dump brings its own.
 */
Datum
ic_restore_mode_on(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(ic_restore_mode);
}
