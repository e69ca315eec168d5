/*
 * rules_dates_core.h
 *		The dates the rules derive, as pure functions beside ic_rules_effect():
 *		where an instruction's deadline comes from when it is put on control
 *		(R50.3, R51), when information on measures is due after a repeated
 *		extension (R72.4) and when a roadmap is due after a transfer to
 *		long-term control (R59).
 *
 * They count on the working-day calendar's core (calendar_core.h), so the
 * same code runs in the server, the unit tests and the fuzz target.  A date
 * outside the calendar is not an error here: the function returns the
 * calendar's status and names the date and operation in *fault, and the glue
 * raises IC002 with them (ic_calendar_range_error), as the server's calendar
 * functions do.  No PostgreSQL headers.
 */
#ifndef IC_RULES_DATES_CORE_H
#define IC_RULES_DATES_CORE_H

#include "calendar_core.h"
#include "rules_core.h"
#include "term_core.h"

/* Where a date computation left the calendar: the day and the operation. */
typedef struct IcDateFault
{
	int32_t		day;
	const char *what;			/* "rolling forward", "counting working days", ... */
} IcDateFault;

/* R51: personal instructions are executed within two weeks of signing. */
extern const IcTerm ic_personal_term;

/*
 * R50.3, R51: the candidate deadlines of an instruction put on control and
 * the one it gets.  In: ctx->kind, ctx->received_on, ctx->signed_on,
 * ctx->deadline_source as given (IC_SOURCE_NONE if none), term (NULL if
 * none) and given_due (IC_NO_DATE if none).  Out: ctx->term_due,
 * ctx->personal_due, ctx->due_rolled, ctx->explicit_due, ctx->deadline_source
 * and ctx->due_date (the due date it gets, IC_NO_DATE if none), and
 * *term_end, the term's nominal end before rolling (R56), IC_NO_DATE if no
 * term.  Whether a given date agrees with them is ic_rules_decide()'s.
 */
extern IcCalStatus ic_rules_deadline(const IcCalCore *cal, IcDecisionContext *ctx,
									 const IcTerm *term, int32_t given_due,
									 int32_t *term_end, IcDateFault *fault);

/*
 * R72.4: information on the measures taken is due within one month of a
 * repeated extension, on a working day; IC_NO_DATE for any other decision.
 */
extern IcCalStatus ic_rules_measures_due(const IcCalCore *cal, const IcDecisionContext *ctx,
										 int32_t *due, IcDateFault *fault);

/*
 * R59: a transfer to long-term control of an instruction with no roadmap
 * asks for one within IC_ROADMAP_WORKING_DAYS working days of the decision
 * (like R56); IC_NO_DATE otherwise.
 */
extern IcCalStatus ic_rules_roadmap_due_on_transfer(const IcCalCore *cal,
													const IcDecisionContext *ctx,
													bool roadmap_exists,
													int32_t *due, IcDateFault *fault);

/*
 * An imported instruction is history as the registry held it (IC117 is
 * ic_rules_check_import's): a day of receipt and a due date (R50.3, IC108),
 * and of a state secret the requisites only, with its paper card (R14,
 * IC110).
 */
extern bool ic_rules_check_imported_card(const IcDecisionContext *ctx, IcVerdict *verdict);

/*
 * R50.3: an instruction's day of receipt is a day that has come (the term is
 * counted from it), put on control or imported; its signing is checked
 * against receipt by the caller.  IC108.
 */
extern bool ic_rules_check_received_by_today(const IcDecisionContext *ctx, IcVerdict *verdict);

#endif							/* IC_RULES_DATES_CORE_H */
