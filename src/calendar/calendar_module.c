/*
 * calendar_module.c
 *		Entry point of the working-day calendar's own library,
 *		instruction_control_calendar: the magic block, _PG_init and the one
 *		setting the calendar reads, instruction_control.calendar.
 *
 * The calendar is a library of its own so that a session whose first call
 * counts working days loads it alone: PostgreSQL 15 sorts its whole list of
 * settings once per setting a library defines, and the registry's library
 * defines eight (issue 19, the first call of a session).  The registry's
 * library links this one (it counts deadlines with it) and loads it first
 * (its _PG_init calls load_file()), so the setting is defined whichever of
 * the two a session loads first.  This library does not reserve the prefix
 * instruction_control: the registry's _PG_init does, once all its settings
 * are defined (until then a session may set them as placeholders, as before
 * either library is loaded).
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/guc.h"

#include "code_core.h"
#include "ic_schema.h"
#include "instruction_control.h"

PG_MODULE_MAGIC;

char	   *ic_default_calendar = NULL;
uint32		ic_default_calendar_gen = 0;

void		_PG_init(void);

/*
 * A calendar code is short and made of letters, digits and underscores, so a
 * typo in postgresql.conf is caught when the value is set.  Whether such a
 * calendar exists is a question for the database, answered at use time.
 */
static bool
check_calendar_code(char **newval, void **extra, GucSource source)
{
	if (ic_code_is_valid(*newval, IC_CALENDAR_CODE_MAXLEN))
		return true;
	GUC_check_errdetail("A calendar code has 1 to %d ASCII letters, digits or underscores, e.g. 'KZ'.",
						IC_CALENDAR_CODE_MAXLEN);
	return false;
}

/* A new value of instruction_control.calendar: the resolved default is stale. */
static void
assign_calendar_code(const char *newval, void *extra)
{
	ic_default_calendar_gen++;
}

void
_PG_init(void)
{
	DefineCustomStringVariable(IC_SCHEMA ".calendar",
							   "Working-day calendar used when a function is called without one.",
							   "A code from instruction_control.calendar, e.g. 'KZ'.",
							   &ic_default_calendar,
							   "KZ",
							   PGC_USERSET,
							   0,
							   check_calendar_code,
							   assign_calendar_code,
							   NULL);
}
