/*
 * roadmap.c
 *		R56: the roadmap due on receipt -- the single place that decides it.
 *
 * A roadmap is due within 10 working days of receipt when the term is longer
 * than six months and two or more bodies execute the instruction or it forms
 * new approaches (rules.md's interpretation: both together).  "Term" is the
 * term the act gives, measured to its nominal end, not the due date rolled to
 * a working day (README, Interpretations): a term of exactly six months whose
 * end falls on a Saturday asks for no roadmap.  The guard that puts an
 * instruction on control (instruction_guard.c) and the SQL that replays a
 * past day (sweep_state_as_of() through roadmap_due_on_receipt()) both call
 * ic_roadmap_due_on_receipt(), which asks the pure rule of rules_core.c.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "calendar.h"
#include "instruction_control.h"
#include "roadmap.h"
#include "rules_core.h"
#include "term.h"

DateADT
ic_roadmap_due_on_receipt(const char *calendar, DateADT received, DateADT term_end,
						  int executing_bodies, bool new_approaches)
{
	if (!ic_rules_roadmap_required(received, term_end, executing_bodies, new_approaches))
		return IC_NO_DATE;
	return ic_add_working_days(calendar, received, IC_ROADMAP_WORKING_DAYS);
}

/*
 * roadmap_due_on_receipt(received_on, term, due_date, executing_bodies,
 * new_approaches, calendar) -> date or NULL: what the guard wrote into
 * instruction.roadmap_due_date when the instruction was put on control.
 */
PG_FUNCTION_INFO_V1(ic_sql_roadmap_due_on_receipt);
Datum
ic_sql_roadmap_due_on_receipt(PG_FUNCTION_ARGS)
{
	DateADT		received;
	DateADT		due = IC_NO_DATE;
	DateADT		term_end;
	const char *calendar = ic_default_calendar;
	int			bodies;
	bool		new_approaches;
	DateADT		result;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(3) || PG_ARGISNULL(4))
		PG_RETURN_NULL();
	received = PG_GETARG_DATEADT(0);
	if (DATE_NOT_FINITE(received))
		PG_RETURN_NULL();
	if (!PG_ARGISNULL(2) && !DATE_NOT_FINITE(PG_GETARG_DATEADT(2)))
		due = PG_GETARG_DATEADT(2);
	if (!PG_ARGISNULL(5))
		calendar = text_to_cstring(PG_GETARG_TEXT_PP(5));
	bodies = PG_GETARG_INT32(3);
	new_approaches = PG_GETARG_BOOL(4);

	term_end = due;
	if (!PG_ARGISNULL(1))
	{
		const IcTerm *term = PG_GETARG_IC_TERM_P(1);

		term_end = ic_rules_term_end(received, (int) term->unit, term->count,
									 ic_term_deadline(calendar, received, term));
	}
	result = ic_roadmap_due_on_receipt(calendar, received, term_end, bodies, new_approaches);
	if (result == IC_NO_DATE)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT(result);
}
